/** The passphrase and KDF rules, shared by the pages (to explain) and the vault (to enforce). */
import { KDF_FLOOR } from '../crypto/kdf';
import { ErrorCode, WalletError } from '../protocol/errors';
import { messages } from '../protocol/messages';

export const MIN_PASSPHRASE = 10;

/** Refuses a passphrase shorter than {@link MIN_PASSPHRASE} with -32602. */
export function assertPassphrase(passphrase: string): void {
  if (passphrase.length < MIN_PASSPHRASE) {
    throw new WalletError(ErrorCode.invalidParams, messages.invalidParams('passphrase', messages.passphraseTooShort(MIN_PASSPHRASE)));
  }
}

/** A KDF cost below {@link KDF_FLOOR}: which field, its value and the minimum. */
export interface KdfDowngrade {
  field: 'N' | 'r' | 'p';
  got: number;
  min: number;
}

/**
 * The first scrypt cost in `kdf` (as read from a stored header or a backup) that is below the
 * floor, or `null`. The envelope refuses such a header before deriving; this names it for people.
 */
export function findDowngrade(kdf: unknown): KdfDowngrade | null {
  if (typeof kdf !== 'object' || kdf === null) return null;
  for (const field of ['N', 'r', 'p'] as const) {
    const got = (kdf as Record<string, unknown>)[field];
    if (typeof got === 'number' && got < KDF_FLOOR[field]) return { field, got, min: KDF_FLOOR[field] };
  }
  return null;
}
