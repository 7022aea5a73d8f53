/**
 * Byte helpers: strict UTF-8 (WHATWG Encoding, fatal mode), strict base64 (RFC 4648 §4, the
 * standard alphabet with padding, canonical form only), randomness from Web Crypto
 * `crypto.getRandomValues`, zeroing, and constant-time comparison.
 * Works in an extension service worker and in Node 20 (no `Buffer`, no `atob`).
 * @module
 */
import { abytes, ainteger, astring } from './_assert';
import { describe } from './errors';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** UTF-8 encodes `s`; a string with a lone surrogate is refused rather than silently replaced. */
export function utf8(s: string): Uint8Array {
  return encoder.encode(astring(s, 'string'));
}

/** Decodes UTF-8 bytes; malformed input throws instead of turning into U+FFFD. A BOM is kept. */
export function fromUtf8(bytes: Uint8Array): string {
  abytes(bytes, 'bytes');
  try {
    return decoder.decode(bytes);
  } catch {
    throw new RangeError('"bytes" expected valid UTF-8');
  }
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

/** Base64 (RFC 4648 §4, padded) of `bytes`. */
export function toBase64(bytes: Uint8Array): string {
  abytes(bytes, 'bytes');
  const len = bytes.length;
  let out = '';
  for (let i = 0; i < len; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[(n >>> 18) & 63];
    out += ALPHABET[(n >>> 12) & 63];
    out += i + 1 < len ? ALPHABET[(n >>> 6) & 63] : '=';
    out += i + 2 < len ? ALPHABET[n & 63] : '=';
  }
  return out;
}

/**
 * Decodes canonical base64 (RFC 4648 §4): standard alphabet, `=` padding to a multiple of 4, no
 * whitespace, no URL-safe characters, and zero padding bits (§3.5), so every byte string has
 * exactly one accepted encoding. Error messages never echo the input.
 */
export function fromBase64(s: string): Uint8Array {
  if (typeof s !== 'string') throw new TypeError(`"base64" expected string, got ${describe(s)}`);
  if (s.length % 4 !== 0) throw new RangeError(`invalid base64: length ${s.length} is not a multiple of 4`);
  const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  const end = s.length - pad;
  const out = new Uint8Array((s.length / 4) * 3 - pad);
  let acc = 0;
  let o = 0;
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? (DECODE[c] ?? -1) : -1;
    if (v < 0) throw new RangeError(`invalid base64: unexpected character at index ${i}`);
    acc = (acc << 6) | v;
    if ((i & 3) === 3) {
      out[o++] = (acc >>> 16) & 255;
      out[o++] = (acc >>> 8) & 255;
      out[o++] = acc & 255;
      acc = 0;
    }
  }
  if (pad === 2) {
    if ((acc & 0x0f) !== 0) throw new RangeError('invalid base64: non-zero padding bits');
    out[o] = (acc >>> 4) & 255;
  } else if (pad === 1) {
    if ((acc & 0x03) !== 0) throw new RangeError('invalid base64: non-zero padding bits');
    out[o++] = (acc >>> 10) & 255;
    out[o] = (acc >>> 2) & 255;
  }
  return out;
}

/** Largest request `crypto.getRandomValues` serves in one call (WebCrypto §10.1.1 QuotaExceededError). */
export const MAX_RANDOM_BYTES = 65536;

/** `n` cryptographically secure random bytes from Web Crypto `crypto.getRandomValues`. */
export function randomBytes(n: number): Uint8Array {
  ainteger(n, 'n', 0, MAX_RANDOM_BYTES);
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

/**
 * Fills each buffer with zeros (noble's `clean`). All arguments are checked before any is
 * touched. A subarray view is zeroed within its own bounds only.
 */
export function wipe(...bufs: Uint8Array[]): void {
  bufs.forEach((b, i) => abytes(b, `bufs[${i}]`));
  for (const b of bufs) b.fill(0);
}

/**
 * Constant-time equality: the running time depends only on the lengths, never on where the
 * contents differ. Different lengths compare unequal (a length is not a secret here).
 */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  abytes(a, 'a');
  abytes(b, 'b');
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}
