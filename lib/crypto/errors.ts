/**
 * Errors raised by `lib/crypto` and `lib/vault/envelope`.
 *
 * Two kinds, as in noble: a wrong argument (a programming or storage bug) throws a `TypeError`
 * or `RangeError` whose message names the field and the rule it broke; a cryptographic refusal
 * throws {@link CryptoError}. Authentication failures carry one generic message each, so a
 * caller (or an attacker watching it) learns nothing about *why* a ciphertext was refused.
 * Every message is built here, and the tests assert on these values.
 */

/** A cryptographic refusal: failed authentication, wrong passphrase, or a KDF downgrade. */
export class CryptoError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CryptoError';
  }
}

/** The one message for any AEAD authentication failure (tag, nonce, AAD or key mismatch). */
export const DECRYPTION_FAILED = 'decryption failed';

/** The one message for a vault that does not open with the given passphrase. */
export const WRONG_PASSPHRASE = 'wrong passphrase';

/** A stored KDF parameter below the accepted minimum. */
export function kdfDowngrade(field: 'N' | 'r' | 'p', got: number, min: number): string {
  return `refused: kdf.${field}=${got} is below the minimum ${min} (possible downgrade attack)`;
}

/** A vault header written by a newer (or unknown) format. */
export function unsupportedVersion(got: unknown): string {
  return `unsupported vault version: ${describe(got)}`;
}

/** How a hostile value is named in a message: never its contents, except small numbers. */
export function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (value === null) return 'type=null';
  if (Array.isArray(value)) return 'type=array';
  return `type=${typeof value}`;
}
