/**
 * XChaCha20-Poly1305 authenticated encryption, draft-irtf-cfrg-xchacha-03 §2 (HChaCha20 subkey,
 * then AEAD_CHACHA20_POLY1305 of RFC 8439 §2.8), via noble-ciphers' `xchacha20poly1305`.
 * The 192-bit nonce is drawn at random for every message: at this size a random nonce's collision
 * risk is negligible for any realistic number of messages under one key (the draft's motivation),
 * so no counter state has to survive a service-worker restart.
 * @module
 */
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { abytes, aobject } from './_assert';
import { randomBytes } from './bytes';
import { CryptoError, DECRYPTION_FAILED } from './errors';

/** Key length in bytes. */
export const KEY_LENGTH = 32;
/** Nonce length in bytes (XChaCha20). */
export const NONCE_LENGTH = 24;
/** Poly1305 tag length in bytes, appended to every ciphertext. */
export const TAG_LENGTH = 16;

/** An AEAD output: the nonce and `ciphertext || tag` (plaintext length + 16 bytes). */
export interface Sealed {
  nonce: Uint8Array;
  ciphertext: Uint8Array;
}

/** Encrypts and authenticates `plaintext`, and authenticates `aad`, under a fresh random nonce. */
export function seal(key: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Sealed {
  abytes(key, 'key', KEY_LENGTH);
  abytes(plaintext, 'plaintext');
  abytes(aad, 'aad');
  return _sealWithNonce(key, randomBytes(NONCE_LENGTH), plaintext, aad);
}

/**
 * @internal {@link seal} with a caller-chosen nonce, for the published test vector only:
 * reusing a nonce under one key breaks confidentiality and authenticity.
 */
export function _sealWithNonce(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Sealed {
  abytes(key, 'key', KEY_LENGTH);
  abytes(nonce, 'nonce', NONCE_LENGTH);
  abytes(plaintext, 'plaintext');
  abytes(aad, 'aad');
  return { nonce, ciphertext: xchacha20poly1305(key, nonce, aad).encrypt(plaintext) };
}

/**
 * Verifies and decrypts. Malformed arguments throw `TypeError`/`RangeError` naming the field;
 * any authentication failure (wrong key, nonce, AAD, or a modified ciphertext or tag) throws
 * {@link CryptoError} with the single message `'decryption failed'`. No plaintext is released
 * unless the tag verifies.
 */
export function open(key: Uint8Array, sealed: Sealed, aad: Uint8Array): Uint8Array {
  abytes(key, 'key', KEY_LENGTH);
  const s = aobject(sealed, 'sealed', ['nonce', 'ciphertext']);
  const nonce = abytes(s.nonce, 'sealed.nonce', NONCE_LENGTH);
  const ciphertext = abytes(s.ciphertext, 'sealed.ciphertext', TAG_LENGTH, Infinity);
  abytes(aad, 'aad');
  try {
    return xchacha20poly1305(key, nonce, aad).decrypt(ciphertext);
  } catch {
    throw new CryptoError(DECRYPTION_FAILED);
  }
}
