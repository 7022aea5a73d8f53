/**
 * The passphrase and reset rules, shared by the pages (to explain) and the vault (to enforce).
 * No crypto here: the extension's pages import this module.
 */
import { ErrorCode, WalletError } from '../protocol/errors';
import { messages } from '../protocol/messages';

export const MIN_PASSPHRASE = 10;

/** What the person types to reset the wallet (a forgotten passphrase). */
export const RESET_WORD = 'RESET';

/** Refuses a passphrase shorter than {@link MIN_PASSPHRASE} with -32602. */
export function assertPassphrase(passphrase: string): void {
  const problem = passphraseProblem(passphrase);
  if (problem) throw new WalletError(ErrorCode.invalidParams, messages.invalidParams('passphrase', problem));
}

/** Why a new passphrase is refused, or `null`; `confirm` (when given) must match it. */
export function passphraseProblem(passphrase: string, confirm?: string, mismatch = messages.passphraseMismatch()): string | null {
  if (passphrase.length < MIN_PASSPHRASE) return messages.passphraseTooShort(MIN_PASSPHRASE);
  if (confirm !== undefined && confirm !== passphrase) return mismatch;
  return null;
}
