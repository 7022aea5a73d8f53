/** The errors the pages say by name: in English word for word the worker's message, in another language its translation. */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import english from '../../public/_locales/en/messages.json';
import { formatMessage, type MessageEntry } from '../i18n/format';
import { messages } from '../protocol/messages';
import { phrase } from '../protocol/said';
import { UiError } from './client';
import { ERROR_KEYS, errorView, LEAVES_OUT_DETAIL, saidText, toShownError } from './error-text';


/** Answers `getMessage` in a made-up language for the keys of `words`, and in English for the rest. */
function inAnotherLanguage<T>(words: Record<string, string>, run: () => T): T {
  const getMessage = fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getMessage = ((key: string, values?: string[]) => words[key]?.replace(/\$(\d)/g, (_, n: string) => values?.[Number(n) - 1] ?? '') ?? getMessage(key, values)) as typeof getMessage;
  try {
    return run();
  } finally {
    fakeBrowser.i18n.getMessage = getMessage;
  }
}

describe('the errors said by name', () => {
  it.each(Object.entries(ERROR_KEYS))('%s: the English message is the worker’s, word for word', (name, key) => {
    const build = messages[name as keyof typeof ERROR_KEYS] as (...values: string[]) => string;
    const values = Array.from({ length: build.length }, (_, i) => `value${i + 1}`);
    const shown = formatMessage((english as Record<string, MessageEntry>)[key]!, values);
    if (LEAVES_OUT_DETAIL.has(name as keyof typeof ERROR_KEYS)) expect(`${shown}: ${values.at(-1)}`).toBe(build(...values));
    else expect(shown).toBe(build(...values));
  });

  it('says a message inside a message, or nothing when a part has no message of its own', () => {
    const said = phrase('invalidParams', 'secret', phrase('problemSecretEmpty')).said;
    expect(saidText(said)).toBe(messages.invalidParams('secret', messages.problemSecretEmpty()));
    expect(inAnotherLanguage({ error_invalidParams: 'Ungültig: $1: $2', error_problemSecretEmpty: 'leer' }, () => saidText(said))).toBe('Ungültig: secret: leer');
    expect(saidText({ name: 'invalidParams', values: ['x', { name: 'notConnected', values: ['a.example'] }] })).toBeNull();
    expect(saidText({ name: 'grantPaused', values: [] })).toBeNull();
  });

  it('shows the details only where they add something', () => {
    const wrong = new UiError(4900, messages.wrongPassphrase(), phrase('wrongPassphrase').said);
    expect(errorView(wrong)).toEqual({ text: 'Wrong passphrase', details: null });
    expect(inAnotherLanguage({ error_wrongPassphrase: 'Falsche Passphrase' }, () => errorView(wrong))).toEqual({ text: 'Falsche Passphrase', details: 'Error 4900: Wrong passphrase' });
    // The provider's words are not translated: they wait behind Details.
    const rejected = phrase('keyRejected', 'Fake error: HTTP 401 invalid api key');
    expect(errorView(rejected)).toEqual({ text: 'The provider rejected this key', details: rejected.message });
    // Not said by name, or said with a message the file does not have: the worker's words, as today.
    expect(errorView(new UiError(4402, 'Budget exceeded'))).toEqual({ text: 'Budget exceeded', details: null });
    expect(errorView({ message: 'The site is paused', code: 4100, said: { name: 'grantPaused', values: [] } })).toEqual({ text: 'The site is paused', details: null });
    expect(errorView('Some words')).toEqual({ text: 'Some words', details: null });
    // A page's own problem in another language: no code, no worker's words, so no details.
    expect(inAnotherLanguage({ error_siteRateInvalid: 'Ungültiges Limit' }, () => errorView(phrase('siteRateInvalid')))).toEqual({ text: 'Ungültiges Limit', details: null });
  });

  it('keeps the code and the name of what a page caught', () => {
    const said = phrase('walletNoAnswer').said;
    expect(toShownError(new UiError(5000, messages.walletNoAnswer(), said))).toEqual({ message: 'The wallet did not answer: try again', code: 5000, said });
    expect(toShownError(new Error('plain'))).toEqual({ message: 'plain' });
    expect(toShownError('thrown text')).toEqual({ message: 'thrown text' });
  });
});
