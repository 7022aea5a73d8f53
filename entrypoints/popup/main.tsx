import { mount } from '@/lib/ui/mount';
import { PopupApp } from '@/components/PopupApp';
import { originParam } from '@/lib/sites/popup';

mount(<PopupApp target={originParam(location.search)} />, 'extName');
