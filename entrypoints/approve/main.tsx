import { mount } from '@/lib/ui/mount';
import { ApprovalQueue } from '@/components/ApprovalQueue';

mount(<ApprovalQueue />, 'title_connect');
