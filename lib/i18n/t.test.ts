import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { plural, pluralKey, t } from './t';

describe('t', () => {
  it('reads the message from the browser with its values in order', () => {
    expect(t('extName')).toBe('byok');
  });
});

describe('plural', () => {
  it('picks the form the count takes, with the count as the first value', () => {
    expect(pluralKey('queue_waiting', 1)).toBe('queue_waiting_one');
    expect(pluralKey('queue_waiting', 3)).toBe('queue_waiting_other');
    expect(plural('queue_waiting', 3)).toBe('3 more requests waiting after this one');
  });

  it('falls back to _other for a form the language’s file does not have', () => {
    const getMessage = fakeBrowser.i18n.getMessage;
    fakeBrowser.i18n.getMessage = ((key: string, values?: string[]) => (key.endsWith('_one') ? '' : getMessage(key as never, values))) as typeof getMessage;
    try {
      expect(pluralKey('queue_waiting', 1)).toBe('queue_waiting_other');
    } finally {
      fakeBrowser.i18n.getMessage = getMessage;
    }
  });
});
