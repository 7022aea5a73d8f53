/** The passphrase rules, shared by the pages (to explain) and the vault (to enforce). */
import { ErrorCode, WalletError } from '../protocol/errors';
import { messages } from '../protocol/messages';

export const MIN_PASSPHRASE = 10;

export function assertPassphrase(passphrase: string): void {
  if (passphrase.length < MIN_PASSPHRASE) {
    throw new WalletError(ErrorCode.invalidParams, messages.invalidParams('passphrase', messages.passphraseTooShort(MIN_PASSPHRASE)));
  }
}
