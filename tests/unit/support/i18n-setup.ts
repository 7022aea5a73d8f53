/**
 * The unit tests run without a browser: the fake one answers `i18n.getMessage` from the English
 * message file, the way the browser would for a person whose language is English.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import english from '../../../public/_locales/en/messages.json';
import { formatMessage, type MessageEntry } from '../../../lib/i18n/format';

const messages: Record<string, MessageEntry> = english;

Object.assign(fakeBrowser.i18n, {
  getMessage: (key: string, values?: string | string[]) => {
    const entry = messages[key];
    return entry ? formatMessage(entry, typeof values === 'string' ? [values] : (values ?? [])) : '';
  },
  getUILanguage: () => 'en',
});
