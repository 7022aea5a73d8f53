/** Errors that remember the message they were built from: for the wallet's pages only, never on a page's wire. */
import { describe, expect, it } from 'vitest';
import { ErrorCode, WalletError, toWireError } from './errors';
import { messages } from './messages';
import { fail, failWith, invalidParam, phrase, PhraseError } from './said';

describe('said', () => {
  it('a phrase is exactly the English message, with its name and its values as text', () => {
    expect(phrase('tooManyAttempts', 30)).toEqual({ message: messages.tooManyAttempts(30), said: { name: 'tooManyAttempts', values: ['30'] } });
    expect(phrase('wrongPassphrase')).toEqual({ message: 'Wrong passphrase', said: { name: 'wrongPassphrase', values: [] } });
  });

  it('a message inside a message keeps its own name', () => {
    const error = invalidParam('models', phrase('problemNoKeyOffers', 'gpt-x'));
    expect(error.message).toBe(messages.invalidParams('models', messages.problemNoKeyOffers('gpt-x')));
    expect(error.message).toBe("Invalid request: models: no key offers 'gpt-x'");
    expect(error.said).toEqual({ name: 'invalidParams', values: ['models', { name: 'problemNoKeyOffers', values: ['gpt-x'] }] });
    expect(error.code).toBe(ErrorCode.invalidParams);
  });

  it("a page's wire error is the same as before: code, message, data, and nothing of what was said", () => {
    const locked = failWith(ErrorCode.locked, { retryAfterMs: 5000 }, 'tooManyAttempts', 5);
    expect(locked.said).toEqual({ name: 'tooManyAttempts', values: ['5'] });
    expect(toWireError(locked)).toStrictEqual({ code: 4900, message: 'Too many attempts: wait 5 s', data: { retryAfterMs: 5000 } });
    const wrong = fail(ErrorCode.locked, 'wrongPassphrase');
    expect(wrong.toWire()).toStrictEqual({ code: 4900, message: 'Wrong passphrase' });
    expect(JSON.stringify(toWireError(invalidParam('origin', phrase('problemNotConnected'))))).not.toContain('said');
    // Built the old way, an error has nothing said by name.
    expect(new WalletError(ErrorCode.locked, messages.wrongPassphrase()).said).toBeUndefined();
  });

  it("a page's own problem keeps its name when thrown", () => {
    const error = new PhraseError(phrase('siteRateInvalid'));
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe(messages.siteRateInvalid());
    expect(error.said).toEqual({ name: 'siteRateInvalid', values: [] });
  });
});
