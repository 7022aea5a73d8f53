/**
 * Passphrase -> key with scrypt (RFC 7914), through noble-hashes' `scryptAsync`, which yields to
 * the event loop every few milliseconds so the extension's service worker stays responsive.
 *
 * Cost policy: the default and the floor are the OWASP Password Storage Cheat Sheet minimum for
 * scrypt (N=2^17, r=8, p=1). Parameters read back from storage are checked against the floor, so
 * an attacker who can write the stored header cannot weaken the KDF to speed up guessing
 * (a downgrade attack); they are also capped so a hostile header cannot exhaust memory.
 * @module
 */
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { abytes, ainteger, aobject, astring } from './_assert';
import { utf8, wipe } from './bytes';
import { CryptoError, describe, kdfDowngrade } from './errors';

/** scrypt parameters as stored in a vault header. */
export interface KdfParams {
  name: 'scrypt';
  /** CPU/memory cost, a power of two (RFC 7914 §2). */
  N: number;
  /** Block size. */
  r: number;
  /** Parallelization. */
  p: number;
  /** Derived key length in bytes: always a 256-bit key. */
  dkLen: 32;
}

/** The cost part of {@link KdfParams}, for floors and caps. */
export interface KdfCost {
  N: number;
  r: number;
  p: number;
}

/** What a new vault uses: OWASP's scrypt minimum (128 MiB; about 0.6 s per derivation in Node 20). */
export const DEFAULT_KDF: KdfParams = Object.freeze({ name: 'scrypt', N: 2 ** 17, r: 8, p: 1, dkLen: 32 });

/** The weakest parameters accepted from storage; anything lower is refused as a downgrade. */
export const KDF_FLOOR: Readonly<KdfCost> = Object.freeze({ N: 2 ** 17, r: 8, p: 1 });

/** The strongest parameters accepted, and the memory cap `128*N*r` (4 GiB, i.e. N=2^22 at r=8). */
export const KDF_MAX: Readonly<KdfCost & { memory: number }> = Object.freeze({ N: 2 ** 22, r: 32, p: 16, memory: 2 ** 32 });

/** Salt length bounds for {@link deriveKey}, in bytes. */
export const SALT_LENGTH = Object.freeze({ min: 16, max: 64 });

/** RFC 7914 §2's own bounds (N > 1, r and p positive): the floor of the test-only path. */
const STRUCTURAL: Readonly<KdfCost> = Object.freeze({ N: 2, r: 1, p: 1 });

/** noble counts `128*r*(N+p+1)` bytes; allow everything {@link KDF_MAX} admits. */
const MAXMEM = KDF_MAX.memory + 128 * KDF_MAX.r * (KDF_MAX.p + 1);

const FIELDS = ['name', 'N', 'r', 'p', 'dkLen'] as const;

/**
 * Asserts `params` are scrypt parameters this wallet accepts: a plain object with exactly the
 * {@link KdfParams} fields, `N` a power of two in 2..2^22, `r` in 1..32, `p` in 1..16,
 * `dkLen` 32, `128*N*r` within {@link KDF_MAX}.memory — and at or above {@link KDF_FLOOR}, or a
 * {@link CryptoError} (possible downgrade attack).
 */
export function assertKdfParams(params: unknown): asserts params is KdfParams {
  _assertKdfParams(params, KDF_FLOOR);
}

/** @internal {@link assertKdfParams} against any floor. Production code passes {@link KDF_FLOOR}. */
export function _assertKdfParams(params: unknown, floor: Readonly<KdfCost>): asserts params is KdfParams {
  const o = aobject(params, 'kdf', FIELDS);
  if (o.name !== 'scrypt') {
    const got = typeof o.name === 'string' ? JSON.stringify(o.name.slice(0, 32)) : describe(o.name);
    throw new (typeof o.name === 'string' ? RangeError : TypeError)(`"kdf.name" expected "scrypt", got ${got}`);
  }
  const N = ainteger(o.N, 'kdf.N', STRUCTURAL.N, KDF_MAX.N);
  // Bitwise is exact here: N <= 2^22.
  if ((N & (N - 1)) !== 0) throw new RangeError(`"kdf.N" expected a power of two, got ${N}`);
  const r = ainteger(o.r, 'kdf.r', STRUCTURAL.r, KDF_MAX.r);
  const p = ainteger(o.p, 'kdf.p', STRUCTURAL.p, KDF_MAX.p);
  if (o.dkLen !== 32) throw new (typeof o.dkLen === 'number' ? RangeError : TypeError)(`"kdf.dkLen" expected 32, got ${describe(o.dkLen)}`);
  if (128 * N * r > KDF_MAX.memory) throw new RangeError(`"kdf" expected 128*N*r <= ${KDF_MAX.memory}, got ${128 * N * r}`);
  if (N < floor.N) throw new CryptoError(kdfDowngrade('N', N, floor.N));
  if (r < floor.r) throw new CryptoError(kdfDowngrade('r', r, floor.r));
  if (p < floor.p) throw new CryptoError(kdfDowngrade('p', p, floor.p));
}

/**
 * True when `params` are weaker than {@link DEFAULT_KDF} in any dimension: the caller should
 * re-wrap the data key with the defaults while it holds the passphrase (on unlock).
 */
export function isBelowDefault(params: KdfParams): boolean {
  _assertKdfParams(params, STRUCTURAL);
  return params.N < DEFAULT_KDF.N || params.r < DEFAULT_KDF.r || params.p < DEFAULT_KDF.p;
}

/** Options for {@link deriveKey}. */
export interface DeriveKeyOptions {
  /** Called with the completed fraction (0..1) while scrypt runs; must not throw. */
  onProgress?(progress: number): void;
}

/**
 * Derives a 32-byte key from a passphrase with scrypt (RFC 7914). The passphrase is normalized
 * to NFKC first (so the same passphrase typed on another keyboard or OS gives the same key),
 * then UTF-8 encoded; those bytes are zeroed afterwards. The salt must be 16..64 bytes.
 * Rejects, without deriving, on any invalid argument or on parameters below {@link KDF_FLOOR}.
 * The caller owns the returned key and should {@link wipe} it after use.
 */
export function deriveKey(passphrase: string, salt: Uint8Array, params: KdfParams, opts: DeriveKeyOptions = {}): Promise<Uint8Array> {
  return _deriveKey(passphrase, salt, params, opts, KDF_FLOOR);
}

/** @internal {@link deriveKey} against any floor: for fast unit tests only (a meta-test enforces this). */
export async function _deriveKey(
  passphrase: string,
  salt: Uint8Array,
  params: KdfParams,
  opts: DeriveKeyOptions | undefined,
  floor: Readonly<KdfCost>,
): Promise<Uint8Array> {
  astring(passphrase, 'passphrase', true);
  abytes(salt, 'salt', SALT_LENGTH.min, SALT_LENGTH.max);
  _assertKdfParams(params, floor);
  const { onProgress } = aobject(opts === undefined ? {} : opts, 'opts', ['onProgress']);
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new TypeError(`"opts.onProgress" expected function, got ${describe(onProgress)}`);
  }
  const password = utf8(passphrase.normalize('NFKC'));
  try {
    return await scryptAsync(password, salt, {
      N: params.N,
      r: params.r,
      p: params.p,
      dkLen: params.dkLen,
      maxmem: MAXMEM,
      ...(onProgress === undefined ? {} : { onProgress: onProgress as (progress: number) => void }),
    });
  } finally {
    wipe(password);
  }
}

/**
 * @internal Plain scrypt with no policy, for the RFC 7914 §12 test vectors only (they use an
 * empty salt, N=16 and dkLen=64, all refused by {@link deriveKey}). Tests only.
 */
export async function _scryptRaw(password: Uint8Array, salt: Uint8Array, cost: KdfCost & { dkLen: number }): Promise<Uint8Array> {
  abytes(password, 'password');
  abytes(salt, 'salt');
  return scryptAsync(password, salt, { N: cost.N, r: cost.r, p: cost.p, dkLen: cost.dkLen, maxmem: MAXMEM });
}
