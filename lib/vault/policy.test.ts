/** The passphrase rules and the strength meter that explains them. */
import { describe, expect, it } from 'vitest';
import { ErrorCode, WalletError } from '../protocol/errors';
import { messages } from '../protocol/messages';
import { phrase } from '../protocol/said';
import { assertPassphrase, MIN_PASSPHRASE, passphraseProblem, RESET_WORD } from './policy';
import { passphraseStrength } from './strength';

describe('passphrase policy', () => {
  it(`refuses fewer than ${MIN_PASSPHRASE} characters with one message`, () => {
    expect(MIN_PASSPHRASE).toBe(10);
    expect(passphraseProblem('123456789')).toEqual({ message: messages.passphraseTooShort(10), said: { name: 'passphraseTooShort', values: ['10'] } });
    expect(passphraseProblem('1234567890')).toBeNull();
    const error = (() => {
      try {
        assertPassphrase('short');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(WalletError);
    expect((error as WalletError).code).toBe(ErrorCode.invalidParams);
    expect((error as WalletError).message).toBe(messages.invalidParams('passphrase', messages.passphraseTooShort(10)));
    // The wallet's pages say it by name; a web page gets only the code and the message.
    expect((error as WalletError).said).toEqual({ name: 'invalidParams', values: ['passphrase', { name: 'passphraseTooShort', values: ['10'] }] });
    expect((error as WalletError).toWire()).toEqual({ code: ErrorCode.invalidParams, message: messages.invalidParams('passphrase', messages.passphraseTooShort(10)) });
  });

  it("checks the confirmation, with the caller's message", () => {
    expect(passphraseProblem('long enough pass', 'long enough pas')).toEqual(phrase('passphraseMismatch'));
    expect(passphraseProblem('long enough pass', 'x', phrase('newPassphraseMismatch'))).toEqual({ message: messages.newPassphraseMismatch(), said: { name: 'newPassphraseMismatch', values: [] } });
    expect(passphraseProblem('long enough pass', 'x', 'Not the same')).toEqual({ message: 'Not the same' });
    expect(passphraseProblem('long enough pass', 'long enough pass')).toBeNull();
  });

  it('the reset word is typed, not clicked', () => {
    expect(RESET_WORD).toBe('RESET');
  });
});

describe('passphraseStrength', () => {
  it.each([
    ['', 0, 'too short'],
    ['abcdefghi', 0, 'too short'],
    ['password12', 1, 'weak'],
    ['aaaaaaaaaaaa', 1, 'weak'],
    ['correct horse battery staple', 4, 'strong'],
    ['abcdefghijk', 2, 'fair'],
    ['hello world12', 3, 'good'],
  ] as const)('%j scores %i (%s)', (passphrase, score, label) => {
    expect(passphraseStrength(passphrase)).toMatchObject({ score, label });
  });

  it('never scores a longer passphrase of the same characters lower', () => {
    let previous = 0;
    for (let n = 10; n < 40; n++) {
      const { score } = passphraseStrength('aB3$'.repeat(10).slice(0, n));
      expect(score).toBeGreaterThanOrEqual(previous);
      previous = score;
    }
  });
});
