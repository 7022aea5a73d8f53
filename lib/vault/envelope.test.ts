import { describe, expect, it } from 'vitest';
import { FAST_KDF, HOSTILE, TEST_FLOOR, bytesRefusal, expectRefusal, flipBit, got, stringRefusal, type Refusal } from '../../tests/support/crypto';
import { fromBase64, randomBytes, toBase64 } from '../crypto/bytes';
import { CryptoError, DECRYPTION_FAILED, kdfDowngrade, WRONG_PASSPHRASE } from '../crypto/errors';
import { DEFAULT_KDF, type KdfParams } from '../crypto/kdf';
import {
  _createVault,
  _rewrapDataKey,
  _unwrapDataKey,
  assertVaultHeader,
  createVault,
  isVaultHeader,
  openSecret,
  rewrapDataKey,
  sealSecret,
  unwrapDataKey,
  type RewrapOptions,
  type SealedSecret,
  type VaultHeader,
} from './envelope';

// Fast test-only paths: the public functions refuse FAST_KDF (see the downgrade tests).
const create = (passphrase: string, params: KdfParams = FAST_KDF) => _createVault(passphrase, params, TEST_FLOOR);
const unwrap = (header: unknown, passphrase: string) => _unwrapDataKey(header, passphrase, TEST_FLOOR);
const rewrap = (dataKey: Uint8Array, passphrase: string, params: KdfParams = FAST_KDF, opts?: RewrapOptions) =>
  _rewrapDataKey(dataKey, passphrase, params, opts, TEST_FLOOR);

const wrong = { type: CryptoError, message: WRONG_PASSPHRASE } satisfies Refusal;
const failed = { type: CryptoError, message: DECRYPTION_FAILED } satisfies Refusal;
const PASS = 'correct horse battery staple';

/** A header that passes validation with the production floor, for argument tests (never opened). */
const shapedHeader: VaultHeader = {
  version: 1,
  kdf: { ...DEFAULT_KDF },
  salt: toBase64(new Uint8Array(32)),
  wrapped: { nonce: toBase64(new Uint8Array(24)), ciphertext: toBase64(new Uint8Array(48)) },
  createdAt: 0,
  updatedAt: 0,
};

/** Replaces one base64 field's bytes with a bit-flipped copy. */
const flipB64 = (b64: string, index: number): string => toBase64(flipBit(fromBase64(b64), index));

describe('createVault / unwrapDataKey', () => {
  it('round-trips a fresh data key; the header is JSON and holds no key', async () => {
    const before = Date.now();
    const { header, dataKey } = await create(PASS);
    expect(dataKey).toHaveLength(32);
    expect(header.version).toBe(1);
    expect(header.kdf).toEqual(FAST_KDF);
    expect(fromBase64(header.salt)).toHaveLength(32);
    expect(fromBase64(header.wrapped.nonce)).toHaveLength(24);
    expect(fromBase64(header.wrapped.ciphertext)).toHaveLength(48);
    expect(header.createdAt).toBeGreaterThanOrEqual(before);
    expect(header.updatedAt).toBe(header.createdAt);
    const stored: unknown = JSON.parse(JSON.stringify(header));
    expect(await unwrap(stored, PASS)).toEqual(dataKey);
    expect(JSON.stringify(header)).not.toContain(toBase64(dataKey));
  });

  it('gives every vault its own data key and salt', async () => {
    const a = await create(PASS);
    const b = await create(PASS);
    expect(a.dataKey).not.toEqual(b.dataKey);
    expect(a.header.salt).not.toBe(b.header.salt);
  });

  it('normalizes the passphrase with NFKC', async () => {
    const { header, dataKey } = await create('caf\u00e9-\u00e9t\u00e9');
    expect(await unwrap(header, 'cafe\u0301-e\u0301te\u0301')).toEqual(dataKey);
  });

  it("refuses a wrong passphrase with one generic message", async () => {
    const { header } = await create(PASS);
    for (const attempt of ['correct horse battery stapl', 'Correct horse battery staple', `${PASS} `, 'x']) {
      await expectRefusal(() => unwrap(header, attempt), wrong);
    }
  });

  it('refuses a tampered header with the same message', async () => {
    const { header } = await create(PASS);
    const tampered: VaultHeader[] = [
      { ...header, salt: flipB64(header.salt, 0) },
      { ...header, wrapped: { ...header.wrapped, nonce: flipB64(header.wrapped.nonce, 23) } },
      { ...header, wrapped: { ...header.wrapped, ciphertext: flipB64(header.wrapped.ciphertext, 0) } },
      { ...header, wrapped: { ...header.wrapped, ciphertext: flipB64(header.wrapped.ciphertext, 47) } },
      { ...header, kdf: { ...header.kdf, N: header.kdf.N * 2 } },
      { ...header, kdf: { ...header.kdf, r: header.kdf.r + 1 } },
    ];
    for (const h of tampered) await expectRefusal(() => unwrap(h, PASS), wrong);
  });

  it('with DEFAULT_KDF through the public API: create, then unwrap', async () => {
    const { header, dataKey } = await createVault(PASS);
    expect(header.kdf).toEqual(DEFAULT_KDF);
    expect(await unwrapDataKey(header, PASS)).toEqual(dataKey);
  });
});

describe('downgrade protection', () => {
  it('refuses a stored header below the floor, before deriving', async () => {
    const { header } = await create(PASS);
    const started = performance.now();
    await expectRefusal(() => unwrapDataKey(header, PASS), { type: CryptoError, message: kdfDowngrade('N', 1024, 131072) });
    await expectRefusal(() => unwrapDataKey({ ...shapedHeader, kdf: { ...DEFAULT_KDF, N: 2 ** 16 } }, PASS), {
      type: CryptoError,
      message: 'refused: kdf.N=65536 is below the minimum 131072 (possible downgrade attack)',
    });
    await expectRefusal(() => unwrapDataKey({ ...shapedHeader, kdf: { ...DEFAULT_KDF, r: 1 } }, PASS), {
      type: CryptoError,
      message: 'refused: kdf.r=1 is below the minimum 8 (possible downgrade attack)',
    });
    expect(isVaultHeader(header)).toBe(false);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('refuses to create or re-wrap below the floor', async () => {
    const refusal = { type: CryptoError, message: kdfDowngrade('N', 1024, 131072) };
    await expectRefusal(() => createVault(PASS, FAST_KDF), refusal);
    await expectRefusal(() => rewrapDataKey(randomBytes(32), PASS, FAST_KDF), refusal);
  });
});

describe('rewrapDataKey', () => {
  it('changes the passphrase: the same data key, a fresh salt, the old passphrase refused', async () => {
    const { header, dataKey } = await create('old passphrase');
    const next = await rewrap(dataKey, 'new passphrase', FAST_KDF, { createdAt: header.createdAt });
    expect(next.salt).not.toBe(header.salt);
    expect(next.createdAt).toBe(header.createdAt);
    expect(next.updatedAt).toBeGreaterThanOrEqual(header.updatedAt);
    expect(await unwrap(next, 'new passphrase')).toEqual(dataKey);
    await expectRefusal(() => unwrap(next, 'old passphrase'), wrong);
  });

  it('raises the KDF cost', async () => {
    const { dataKey } = await create(PASS, { ...FAST_KDF, N: 2 ** 8 });
    const raised = await rewrap(dataKey, PASS, { ...FAST_KDF, N: 2 ** 11 });
    expect(raised.kdf.N).toBe(2048);
    expect(await unwrap(raised, PASS)).toEqual(dataKey);
  });
});

describe('sealSecret / openSecret', () => {
  const dataKey = randomBytes(32);

  it('round-trips any text, with a fresh nonce each time', () => {
    for (const secret of ['sk-proj-abc123', '', 'пароль 🔑', 'x'.repeat(10_000)]) {
      const a = sealSecret(dataKey, 'rec-1', secret);
      const b = sealSecret(dataKey, 'rec-1', secret);
      expect(a.nonce).not.toBe(b.nonce);
      expect(openSecret(dataKey, 'rec-1', a)).toBe(secret);
      expect(openSecret(dataKey, 'rec-1', JSON.parse(JSON.stringify(b)) as SealedSecret)).toBe(secret);
    }
  });

  it('binds a secret to its record id', async () => {
    const sealed = sealSecret(dataKey, 'openai-main', 'sk-1');
    for (const id of ['openai-backup', 'openai-main ', 'OPENAI-MAIN', 'openai-mai']) {
      await expectRefusal(() => openSecret(dataKey, id, sealed), failed);
    }
  });

  it('refuses a wrong data key and any tampering with the same message', async () => {
    const sealed = sealSecret(dataKey, 'rec', 'sk-secret-value');
    await expectRefusal(() => openSecret(randomBytes(32), 'rec', sealed), failed);
    const ct = fromBase64(sealed.ciphertext);
    for (let i = 0; i < ct.length; i++) {
      await expectRefusal(() => openSecret(dataKey, 'rec', { ...sealed, ciphertext: toBase64(flipBit(ct, i, i % 8)) }), failed);
    }
    for (let i = 0; i < 24; i++) {
      await expectRefusal(() => openSecret(dataKey, 'rec', { ...sealed, nonce: flipB64(sealed.nonce, i) }), failed);
    }
    const other = sealSecret(dataKey, 'rec', 'other');
    await expectRefusal(() => openSecret(dataKey, 'rec', { nonce: other.nonce, ciphertext: sealed.ciphertext }), failed);
  });

  it('cannot open a wrapped data key as a secret (domain separation of the AAD)', async () => {
    const { header, dataKey: dk } = await create(PASS);
    const kekless = { nonce: header.wrapped.nonce, ciphertext: header.wrapped.ciphertext };
    await expectRefusal(() => openSecret(dk, 'vault:v1', kekless), failed);
  });

  it('names malformed fields', async () => {
    const sealed = sealSecret(dataKey, 'rec', 'v');
    await expectRefusal(() => openSecret(dataKey, 'rec', { ...sealed, nonce: 'AAAA' }), {
      type: RangeError,
      message: '"sealed.nonce" expected 24 bytes, got 3',
    });
    await expectRefusal(() => openSecret(dataKey, 'rec', { ...sealed, ciphertext: 'AAAA' }), {
      type: RangeError,
      message: '"sealed.ciphertext" expected >= 16 bytes, got 3',
    });
    await expectRefusal(() => openSecret(dataKey, 'rec', { ...sealed, nonce: sealed.nonce.slice(1) }), {
      type: RangeError,
      message: '"sealed.nonce" invalid base64: length 31 is not a multiple of 4',
    });
    await expectRefusal(() => openSecret(dataKey, 'rec', { ...sealed, ciphertext: ` ${sealed.ciphertext.slice(1)}` }), {
      type: RangeError,
      message: '"sealed.ciphertext" invalid base64: unexpected character at index 0',
    });
  });
});

describe('hostile inputs', () => {
  const dataKey = randomBytes(32);
  const sealed = sealSecret(dataKey, 'rec', 'v');
  const objectRefusal = (name: string, fields: readonly string[], v: unknown, empty: Refusal): Refusal | null => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return { type: TypeError, message: `"${name}" expected object, got ${got(v)}` };
    if (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null) {
      return { type: TypeError, message: `"${name}" expected plain object, got ${got(v)}` };
    }
    const unknown = Object.keys(v).find((k) => !fields.includes(k));
    return unknown === undefined ? empty : { type: TypeError, message: `"${name}" unknown field ${JSON.stringify(unknown)}` };
  };
  const kdfRefusal = (v: unknown) => objectRefusal('kdf', [], v, { type: TypeError, message: '"kdf.name" expected "scrypt", got type=undefined' });
  const headerRefusal = (v: unknown) => objectRefusal('header', [], v, { type: TypeError, message: 'unsupported vault version: type=undefined' });
  const sealedRefusal = (v: unknown) => objectRefusal('sealed', [], v, { type: TypeError, message: '"sealed.nonce" expected base64 string, got type=undefined' });
  const optsRefusal = (v: unknown) => (v === undefined ? null : objectRefusal('opts', [], v, null as unknown as Refusal));
  /** A base64 field of `min..max` bytes: type, then encoding, then length; `null` when valid. */
  const b64Refusal =
    (name: string, min: number, max = min) =>
    (v: unknown): Refusal | null => {
      if (typeof v !== 'string') return { type: TypeError, message: `"${name}" expected base64 string, got ${got(v)}` };
      if (v.length % 4 !== 0) return { type: RangeError, message: `"${name}" invalid base64: length ${v.length} is not a multiple of 4` };
      const n = (v.length / 4) * 3 - (v.endsWith('==') ? 2 : v.endsWith('=') ? 1 : 0);
      if (n < min || n > max) return { type: RangeError, message: `"${name}" expected ${min === max ? min : `>= ${min}`} bytes, got ${n}` };
      return null;
    };
  const header = (patch: Record<string, unknown>) => ({ ...shapedHeader, ...patch });
  const wrapped = (patch: Record<string, unknown>) => header({ wrapped: { ...shapedHeader.wrapped, ...patch } });

  const cases: Array<[fn: string, call: (v: unknown) => unknown, refusal: (v: unknown) => Refusal | null]> = [
    ['createVault(passphrase)', (v) => createVault(v as string), (v) => stringRefusal('passphrase', v, true)],
    ['createVault(params)', (v) => createVault(PASS, v as KdfParams), (v) => (v === undefined ? null : kdfRefusal(v))],
    ['unwrapDataKey(header)', (v) => unwrapDataKey(v, PASS), headerRefusal],
    ['unwrapDataKey(passphrase)', (v) => unwrapDataKey(shapedHeader, v as string), (v) => stringRefusal('passphrase', v, true)],
    [
      'unwrapDataKey({ version })',
      (v) => unwrapDataKey(header({ version: v }), PASS),
      (v) => ({ type: typeof v === 'number' ? RangeError : TypeError, message: `unsupported vault version: ${got(v)}` }),
    ],
    ['unwrapDataKey({ kdf })', (v) => unwrapDataKey(header({ kdf: v }), PASS), kdfRefusal],
    ['unwrapDataKey({ salt })', (v) => unwrapDataKey(header({ salt: v }), PASS), b64Refusal('header.salt', 32)],
    [
      'unwrapDataKey({ wrapped })',
      (v) => unwrapDataKey(header({ wrapped: v }), PASS),
      (v) => objectRefusal('header.wrapped', [], v, { type: TypeError, message: '"header.wrapped.nonce" expected base64 string, got type=undefined' }),
    ],
    ['unwrapDataKey({ wrapped.nonce })', (v) => unwrapDataKey(wrapped({ nonce: v }), PASS), b64Refusal('header.wrapped.nonce', 24)],
    ['unwrapDataKey({ wrapped.ciphertext })', (v) => unwrapDataKey(wrapped({ ciphertext: v }), PASS), b64Refusal('header.wrapped.ciphertext', 48)],
    ['unwrapDataKey({ createdAt })', (v) => unwrapDataKey(header({ createdAt: v }), PASS), (v) => integerOrNull('header.createdAt', v)],
    ['unwrapDataKey({ updatedAt })', (v) => unwrapDataKey(header({ updatedAt: v }), PASS), (v) => integerOrNull('header.updatedAt', v)],
    ['assertVaultHeader(header)', (v) => assertVaultHeader(v), headerRefusal],
    ['rewrapDataKey(dataKey)', (v) => rewrapDataKey(v as Uint8Array, PASS), (v) => bytesRefusal('dataKey', v, 32)],
    ['rewrapDataKey(passphrase)', (v) => rewrapDataKey(dataKey, v as string), (v) => stringRefusal('passphrase', v, true)],
    ['rewrapDataKey(params)', (v) => rewrapDataKey(dataKey, PASS, v as KdfParams), (v) => (v === undefined ? null : kdfRefusal(v))],
    ['rewrapDataKey(opts)', (v) => rewrapDataKey(dataKey, PASS, DEFAULT_KDF, v as RewrapOptions), optsRefusal],
    [
      'rewrapDataKey({ createdAt })',
      (v) => rewrapDataKey(dataKey, PASS, DEFAULT_KDF, { createdAt: v as number }),
      (v) => (v === undefined ? null : integerOrNull('opts.createdAt', v)),
    ],
    ['sealSecret(dataKey)', (v) => sealSecret(v as Uint8Array, 'rec', 'v'), (v) => bytesRefusal('dataKey', v, 32)],
    ['sealSecret(recordId)', (v) => sealSecret(dataKey, v as string, 'v'), (v) => stringRefusal('recordId', v, true)],
    ['sealSecret(plaintext)', (v) => sealSecret(dataKey, 'rec', v as string), (v) => stringRefusal('plaintext', v, false)],
    ['openSecret(dataKey)', (v) => openSecret(v as Uint8Array, 'rec', sealed), (v) => bytesRefusal('dataKey', v, 32)],
    ['openSecret(recordId)', (v) => openSecret(dataKey, v as string, sealed), (v) => stringRefusal('recordId', v, true) ?? failed],
    ['openSecret(sealed)', (v) => openSecret(dataKey, 'rec', v as SealedSecret), sealedRefusal],
    ['openSecret({ nonce })', (v) => openSecret(dataKey, 'rec', { ...sealed, nonce: v as string }), (v) => b64Refusal('sealed.nonce', 24)(v) ?? failed],
    [
      'openSecret({ ciphertext })',
      (v) => openSecret(dataKey, 'rec', { ...sealed, ciphertext: v as string }),
      (v) => b64Refusal('sealed.ciphertext', 16, Infinity)(v) ?? failed,
    ],
  ];

  function integerOrNull(name: string, v: unknown): Refusal | null {
    if (typeof v !== 'number') return { type: TypeError, message: `"${name}" expected integer, got ${got(v)}` };
    if (!Number.isSafeInteger(v) || v < 0) return { type: RangeError, message: `"${name}" expected integer in 0..${Number.MAX_SAFE_INTEGER}, got ${v}` };
    return null;
  }

  for (const [fn, call, refusal] of cases) {
    // Valid values are skipped (they would run a full derivation); the tests above cover them.
    const hostile = HOSTILE.map(([label, value]) => ({ label, value })).filter(({ value }) => refusal(value) !== null);
    it.each(hostile)(`${fn} with $label`, async ({ value }) => {
      const started = performance.now();
      await expectRefusal(() => call(value), refusal(value) as Refusal);
      expect(performance.now() - started).toBeLessThan(100); // refused before any derivation
    });
  }

  it('isVaultHeader is false, never throws, for every hostile value', () => {
    for (const [, value] of HOSTILE) expect(isVaultHeader(value)).toBe(false);
    expect(isVaultHeader(shapedHeader)).toBe(true);
    expect(isVaultHeader({ ...shapedHeader, id: 'vault' })).toBe(false);
  });
});
