import { mount } from '@/lib/ui/mount';
import { PopupApp } from '@/components/PopupApp';

mount(<PopupApp />);
