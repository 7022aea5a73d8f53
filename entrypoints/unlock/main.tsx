import { mount } from '@/lib/ui/mount';
import { UnlockApp } from '@/components/UnlockApp';

mount(<UnlockApp />, 'title_unlock');
