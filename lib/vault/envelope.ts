/**
 * The vault envelope: pure functions, no storage.
 *
 * - A random 256-bit data key encrypts every secret.
 * - A key-encryption key (KEK) is derived from the passphrase with scrypt (RFC 7914) and a fresh
 *   32-byte salt; it wraps the data key with XChaCha20-Poly1305 (draft-irtf-cfrg-xchacha-03),
 *   AAD `byok:vault:v1`. The KEK is zeroed as soon as it has been used.
 * - Each secret is sealed under the data key with AAD `byok:secret:<recordId>`, so a ciphertext
 *   moved to another record does not open.
 *
 * Changing the passphrase or raising the KDF cost re-wraps the same data key; no secret is
 * re-encrypted. A stored header is validated before use, and KDF parameters below
 * {@link KDF_FLOOR} are refused (downgrade attack).
 * @module
 */
import { abytes, ainteger, aobject, astring } from '../crypto/_assert';
import { open, seal, NONCE_LENGTH, TAG_LENGTH } from '../crypto/aead';
import { fromBase64, fromUtf8, randomBytes, toBase64, utf8, wipe } from '../crypto/bytes';
import { CryptoError, WRONG_PASSPHRASE, describe, unsupportedVersion } from '../crypto/errors';
import { DEFAULT_KDF, KDF_FLOOR, _assertKdfParams, _deriveKey, type KdfCost, type KdfParams } from '../crypto/kdf';

/** The only header format this code reads and writes. */
export const VAULT_VERSION = 1;
/** Length of the data key and of the KEK, in bytes. */
export const DATA_KEY_LENGTH = 32;
/** Length of the scrypt salt in a header, in bytes. */
export const VAULT_SALT_LENGTH = 32;

const VAULT_AAD = 'byok:vault:v1';
const SECRET_AAD_PREFIX = 'byok:secret:';
const WRAPPED_LENGTH = DATA_KEY_LENGTH + TAG_LENGTH;
const HEADER_FIELDS = ['version', 'kdf', 'salt', 'wrapped', 'createdAt', 'updatedAt'] as const;
const SEALED_FIELDS = ['nonce', 'ciphertext'] as const;

/** An AEAD output as stored: base64 (RFC 4648 §4) of the nonce and of `ciphertext || tag`. */
export interface SealedSecret {
  nonce: string;
  ciphertext: string;
}

/** What is stored to reopen the vault. Holds no secret in the clear. */
export interface VaultHeader {
  version: 1;
  kdf: KdfParams;
  /** base64 of 32 random bytes. */
  salt: string;
  /** The data key sealed under the KEK. */
  wrapped: SealedSecret;
  /** Milliseconds since the epoch. */
  createdAt: number;
  updatedAt: number;
}

/** Options for {@link rewrapDataKey}. */
export interface RewrapOptions {
  /** Keep the vault's original creation time (default: now). */
  createdAt?: number;
}

/**
 * Creates a vault: a fresh data key, wrapped under a KEK derived from `passphrase`. The caller
 * stores `header` and holds `dataKey` while unlocked, and must {@link wipe} it on lock.
 */
export function createVault(passphrase: string, params: KdfParams = DEFAULT_KDF): Promise<{ header: VaultHeader; dataKey: Uint8Array }> {
  return _createVault(passphrase, params, KDF_FLOOR);
}

/**
 * Validates a stored header, then recovers the data key. Any passphrase that does not open the
 * header — or a header whose ciphertext was modified — throws `CryptoError('wrong passphrase')`.
 * A malformed header throws a `TypeError`/`RangeError` naming the field; parameters below
 * {@link KDF_FLOOR} throw a {@link CryptoError} naming the downgrade.
 */
export function unwrapDataKey(header: unknown, passphrase: string): Promise<Uint8Array> {
  return _unwrapDataKey(header, passphrase, KDF_FLOOR);
}

/**
 * Wraps an existing data key under `newPassphrase` with a fresh salt and `params`: for a
 * passphrase change, and for raising the KDF cost of an older vault on unlock.
 */
export function rewrapDataKey(
  dataKey: Uint8Array,
  newPassphrase: string,
  params: KdfParams = DEFAULT_KDF,
  opts: RewrapOptions = {},
): Promise<VaultHeader> {
  return _rewrapDataKey(dataKey, newPassphrase, params, opts, KDF_FLOOR);
}

/** Asserts `header` is a well-formed {@link VaultHeader} at or above {@link KDF_FLOOR}. */
export function assertVaultHeader(header: unknown): asserts header is VaultHeader {
  decodeHeader(header, KDF_FLOOR);
}

/** True when `header` passes {@link assertVaultHeader}. */
export function isVaultHeader(header: unknown): header is VaultHeader {
  try {
    decodeHeader(header, KDF_FLOOR);
    return true;
  } catch {
    return false;
  }
}

/** Seals one secret (e.g. an API key) under the data key, bound to its record id. */
export function sealSecret(dataKey: Uint8Array, recordId: string, plaintext: string): SealedSecret {
  abytes(dataKey, 'dataKey', DATA_KEY_LENGTH);
  const aad = secretAad(recordId);
  const bytes = utf8(astring(plaintext, 'plaintext'));
  try {
    const sealed = seal(dataKey, bytes, aad);
    return { nonce: toBase64(sealed.nonce), ciphertext: toBase64(sealed.ciphertext) };
  } finally {
    wipe(bytes);
  }
}

/**
 * Opens a secret sealed by {@link sealSecret}. A wrong data key, a different record id, or any
 * modification throws `CryptoError('decryption failed')`.
 */
export function openSecret(dataKey: Uint8Array, recordId: string, sealed: SealedSecret): string {
  abytes(dataKey, 'dataKey', DATA_KEY_LENGTH);
  const aad = secretAad(recordId);
  const s = aobject(sealed, 'sealed', SEALED_FIELDS);
  const nonce = decodeField(s.nonce, 'sealed.nonce', NONCE_LENGTH);
  const ciphertext = decodeField(s.ciphertext, 'sealed.ciphertext', TAG_LENGTH, Infinity);
  const bytes = open(dataKey, { nonce, ciphertext }, aad);
  try {
    return fromUtf8(bytes);
  } finally {
    wipe(bytes);
  }
}

/** @internal {@link createVault} against any KDF floor: fast unit tests only (a meta-test enforces this). */
export async function _createVault(
  passphrase: string,
  params: KdfParams,
  floor: Readonly<KdfCost>,
): Promise<{ header: VaultHeader; dataKey: Uint8Array }> {
  astring(passphrase, 'passphrase', true);
  _assertKdfParams(params, floor);
  const dataKey = randomBytes(DATA_KEY_LENGTH);
  try {
    return { header: await wrap(dataKey, passphrase, params, floor, undefined), dataKey };
  } catch (error) {
    wipe(dataKey);
    throw error;
  }
}

/** @internal {@link unwrapDataKey} against any KDF floor: fast unit tests only. */
export async function _unwrapDataKey(header: unknown, passphrase: string, floor: Readonly<KdfCost>): Promise<Uint8Array> {
  const h = decodeHeader(header, floor);
  astring(passphrase, 'passphrase', true);
  const kek = await _deriveKey(passphrase, h.salt, h.kdf, undefined, floor);
  try {
    return open(kek, { nonce: h.nonce, ciphertext: h.ciphertext }, utf8(VAULT_AAD));
  } catch (error) {
    throw error instanceof CryptoError ? new CryptoError(WRONG_PASSPHRASE) : error;
  } finally {
    wipe(kek);
  }
}

/** @internal {@link rewrapDataKey} against any KDF floor: fast unit tests only. */
export async function _rewrapDataKey(
  dataKey: Uint8Array,
  newPassphrase: string,
  params: KdfParams,
  opts: RewrapOptions | undefined,
  floor: Readonly<KdfCost>,
): Promise<VaultHeader> {
  abytes(dataKey, 'dataKey', DATA_KEY_LENGTH);
  astring(newPassphrase, 'passphrase', true);
  _assertKdfParams(params, floor);
  const { createdAt } = aobject(opts === undefined ? {} : opts, 'opts', ['createdAt']);
  if (createdAt !== undefined) ainteger(createdAt, 'opts.createdAt', 0, Number.MAX_SAFE_INTEGER);
  return wrap(dataKey, newPassphrase, params, floor, createdAt as number | undefined);
}

/** Seals `dataKey` under a KEK from `passphrase` and a fresh salt; the KEK is zeroed. */
async function wrap(
  dataKey: Uint8Array,
  passphrase: string,
  params: KdfParams,
  floor: Readonly<KdfCost>,
  createdAt: number | undefined,
): Promise<VaultHeader> {
  const salt = randomBytes(VAULT_SALT_LENGTH);
  const kek = await _deriveKey(passphrase, salt, params, undefined, floor);
  try {
    const wrapped = seal(kek, dataKey, utf8(VAULT_AAD));
    const now = Date.now();
    return {
      version: VAULT_VERSION,
      kdf: { name: 'scrypt', N: params.N, r: params.r, p: params.p, dkLen: 32 },
      salt: toBase64(salt),
      wrapped: { nonce: toBase64(wrapped.nonce), ciphertext: toBase64(wrapped.ciphertext) },
      createdAt: createdAt ?? now,
      updatedAt: now,
    };
  } finally {
    wipe(kek);
  }
}

interface DecodedHeader {
  kdf: KdfParams;
  salt: Uint8Array;
  nonce: Uint8Array;
  ciphertext: Uint8Array;
}

/** Checks every field of a stored header and decodes its byte fields. */
function decodeHeader(header: unknown, floor: Readonly<KdfCost>): DecodedHeader {
  const h = aobject(header, 'header', HEADER_FIELDS);
  if (h.version !== VAULT_VERSION) throw new (typeof h.version === 'number' ? RangeError : TypeError)(unsupportedVersion(h.version));
  const kdf = h.kdf;
  _assertKdfParams(kdf, floor);
  const salt = decodeField(h.salt, 'header.salt', VAULT_SALT_LENGTH);
  const w = aobject(h.wrapped, 'header.wrapped', SEALED_FIELDS);
  const nonce = decodeField(w.nonce, 'header.wrapped.nonce', NONCE_LENGTH);
  const ciphertext = decodeField(w.ciphertext, 'header.wrapped.ciphertext', WRAPPED_LENGTH);
  ainteger(h.createdAt, 'header.createdAt', 0, Number.MAX_SAFE_INTEGER);
  ainteger(h.updatedAt, 'header.updatedAt', 0, Number.MAX_SAFE_INTEGER);
  return { kdf, salt, nonce, ciphertext };
}

/** Decodes a base64 field of `min..max` bytes (exactly `min` when `max` is omitted). */
function decodeField(value: unknown, name: string, min: number, max = min): Uint8Array {
  if (typeof value !== 'string') throw new TypeError(`"${name}" expected base64 string, got ${describe(value)}`);
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(value);
  } catch (error) {
    throw new RangeError(`"${name}" ${(error as Error).message}`);
  }
  if (bytes.length < min || bytes.length > max) {
    const want = min === max ? `${min}` : max === Infinity ? `>= ${min}` : `${min}..${max}`;
    throw new RangeError(`"${name}" expected ${want} bytes, got ${bytes.length}`);
  }
  return bytes;
}

function secretAad(recordId: string): Uint8Array {
  return utf8(SECRET_AAD_PREFIX + astring(recordId, 'recordId', true));
}
