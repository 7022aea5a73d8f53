import { mount } from '@/lib/ui/mount';
import { OptionsApp } from '@/components/OptionsApp';

mount(<OptionsApp />, 'title_wallet');
