import { mount } from '@/lib/ui/mount';
import { ApproveApp } from '@/components/ApproveApp';

mount(<ApproveApp id={new URLSearchParams(location.search).get('id') ?? ''} />);
