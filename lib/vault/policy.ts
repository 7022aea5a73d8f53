/**
 * The passphrase and reset rules, shared by the pages (to explain) and the vault (to enforce).
 * No crypto here: the extension's pages import this module.
 */
import { invalidParam, phrase, type Phrase } from '../protocol/said';

export const MIN_PASSPHRASE = 10;

/** What the person types to reset the wallet (a forgotten passphrase). */
export const RESET_WORD = 'RESET';

/** Refuses a passphrase shorter than {@link MIN_PASSPHRASE} with -32602. */
export function assertPassphrase(passphrase: string): void {
  const problem = tooShort(passphrase);
  if (problem) throw invalidParam('passphrase', problem);
}

const tooShort = (passphrase: string): Phrase | null => (passphrase.length < MIN_PASSPHRASE ? phrase('passphraseTooShort', MIN_PASSPHRASE) : null);

/**
 * Why a new passphrase is refused, or `null`; `confirm` (when given) must match it, else the
 * problem is `mismatch` (a page's own words, or a phrase it can say in the person's language).
 */
export function passphraseProblem(passphrase: string, confirm?: string, mismatch: Phrase | string = phrase('passphraseMismatch')): Phrase | { message: string } | null {
  const short = tooShort(passphrase);
  if (short) return short;
  if (confirm !== undefined && confirm !== passphrase) return typeof mismatch === 'string' ? { message: mismatch } : mismatch;
  return null;
}
