import { describe, expect, it } from 'vitest';
import { FAST_KDF, HOSTILE, TEST_FLOOR, bytesRefusal, expectRefusal, got, hex, loadVectors, stringRefusal, type Refusal } from '../../tests/support/crypto';
import { utf8 } from './bytes';
import { CryptoError, kdfDowngrade } from './errors';
import {
  _deriveKey,
  _scryptRaw,
  assertKdfParams,
  DEFAULT_KDF,
  deriveKey,
  isBelowDefault,
  KDF_FLOOR,
  KDF_MAX,
  type DeriveKeyOptions,
  type KdfParams,
} from './kdf';

interface ScryptVector {
  password: string;
  salt: string;
  N: number;
  r: number;
  p: number;
  dkLen: number;
  expected: string;
  slow: boolean;
}

const rfc = loadVectors<ScryptVector>('scrypt.json');
const SLOW = process.env.BYOK_SLOW_TESTS === '1';
const salt16 = new Uint8Array(16).fill(7);
const fast = (passphrase: string, salt: Uint8Array, params: KdfParams = FAST_KDF, opts?: DeriveKeyOptions) =>
  _deriveKey(passphrase, salt, params, opts, TEST_FLOOR);

describe('scrypt, RFC 7914 §12 vectors', () => {
  for (const v of rfc.vectors) {
    it.skipIf(v.slow && !SLOW)(`P=${JSON.stringify(v.password)} S=${JSON.stringify(v.salt)} N=${v.N} r=${v.r} p=${v.p}${v.slow ? ' (slow: BYOK_SLOW_TESTS=1)' : ''}`, async () => {
      const out = await _scryptRaw(utf8(v.password), utf8(v.salt), v);
      expect(hex(out)).toBe(v.expected);
    }, 60_000);
  }
});

describe('deriveKey', () => {
  it('is scrypt of the NFKC-normalized UTF-8 passphrase', async () => {
    const key = await fast('pässwörd', salt16);
    expect(key).toHaveLength(32);
    expect(key).toEqual(await _scryptRaw(utf8('pässwörd'), salt16, { ...FAST_KDF }));
    expect(await fast('pässwörd', salt16)).toEqual(key);
    expect(await fast('passwörd', salt16)).not.toEqual(key);
    expect(await fast('pässwörd', new Uint8Array(16).fill(8))).not.toEqual(key);
  });

  it('normalizes with NFKC: composed, decomposed and compatibility forms agree', async () => {
    const composed = await fast('caf\u00e9 \ufb01le', salt16);
    expect(await fast('cafe\u0301 \ufb01le', salt16)).toEqual(composed);
    expect(await fast('caf\u00e9 file', salt16)).toEqual(composed);
  });

  it('accepts salts of 16..64 bytes only', async () => {
    await expect(fast('pw', new Uint8Array(64))).resolves.toHaveLength(32);
    await expectRefusal(() => fast('pw', new Uint8Array(15)), { type: RangeError, message: '"salt" expected Uint8Array of length 16..64, got length=15' });
    await expectRefusal(() => fast('pw', new Uint8Array(65)), { type: RangeError, message: '"salt" expected Uint8Array of length 16..64, got length=65' });
  });

  it('reports progress up to 1', async () => {
    const seen: number[] = [];
    await fast('pw', salt16, { ...FAST_KDF, N: 2 ** 12 }, { onProgress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((p, i) => p >= 0 && p <= 1 && (i === 0 || p >= (seen[i - 1] ?? 0)))).toBe(true);
  });

  it('with DEFAULT_KDF: derives a 32-byte key without blocking, reporting progress', async () => {
    const seen: number[] = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = performance.now();
    const key = await deriveKey('correct horse battery staple', salt16, DEFAULT_KDF, { onProgress: (p) => seen.push(p) });
    const ms = performance.now() - started;
    clearInterval(timer);
    expect(key).toHaveLength(32);
    expect(seen.at(-1)).toBe(1);
    expect(ticks).toBeGreaterThan(0); // scryptAsync yielded to the event loop
    expect(ms).toBeGreaterThan(50); // really N=2^17: hundreds of ms, not a cheap path
  });

  it('refuses weak parameters on the public path, before deriving', async () => {
    const started = performance.now();
    await expectRefusal(() => deriveKey('pw', salt16, FAST_KDF), { type: CryptoError, message: kdfDowngrade('N', 1024, 131072) });
    expect(performance.now() - started).toBeLessThan(50);
  });
});

describe('assertKdfParams', () => {
  const base = { ...DEFAULT_KDF };
  const downgrade = (field: 'N' | 'r' | 'p', value: number, min: number): Refusal => ({ type: CryptoError, message: kdfDowngrade(field, value, min) });

  it('has the OWASP scrypt minimum as default and floor, frozen', () => {
    expect(DEFAULT_KDF).toEqual({ name: 'scrypt', N: 131072, r: 8, p: 1, dkLen: 32 });
    expect(KDF_FLOOR).toEqual({ N: DEFAULT_KDF.N, r: DEFAULT_KDF.r, p: DEFAULT_KDF.p });
    expect(Object.isFrozen(DEFAULT_KDF) && Object.isFrozen(KDF_FLOOR) && Object.isFrozen(KDF_MAX)).toBe(true);
    expect(kdfDowngrade('N', 65536, 131072)).toBe('refused: kdf.N=65536 is below the minimum 131072 (possible downgrade attack)');
  });

  it.each([
    ['the default', base],
    ['N=2^22 (the maximum)', { ...base, N: 2 ** 22 }],
    ['r=32', { ...base, r: 32 }],
    ['p=16', { ...base, p: 16 }],
    ['a null-prototype object', Object.assign(Object.create(null) as object, base)],
  ])('accepts %s', (_label, params) => {
    expect(() => assertKdfParams(params)).not.toThrow();
  });

  it.each<[string, unknown, Refusal]>([
    ['N=2^16 (downgrade)', { ...base, N: 2 ** 16 }, downgrade('N', 65536, 131072)],
    ['N=16 (downgrade)', { ...base, N: 16 }, downgrade('N', 16, 131072)],
    ['r=4 (downgrade)', { ...base, r: 4 }, downgrade('r', 4, 8)],
    ['r=1 (downgrade)', { ...base, r: 1 }, downgrade('r', 1, 8)],
    ['N not a power of two', { ...base, N: 200_000 }, { type: RangeError, message: '"kdf.N" expected a power of two, got 200000' }],
    ['N=2^23', { ...base, N: 2 ** 23 }, { type: RangeError, message: '"kdf.N" expected integer in 2..4194304, got 8388608' }],
    ['N=1', { ...base, N: 1 }, { type: RangeError, message: '"kdf.N" expected integer in 2..4194304, got 1' }],
    ['N=0', { ...base, N: 0 }, { type: RangeError, message: '"kdf.N" expected integer in 2..4194304, got 0' }],
    ['N=-131072', { ...base, N: -131072 }, { type: RangeError, message: '"kdf.N" expected integer in 2..4194304, got -131072' }],
    ['N=2^17+0.5', { ...base, N: 2 ** 17 + 0.5 }, { type: RangeError, message: '"kdf.N" expected integer in 2..4194304, got 131072.5' }],
    ['N=NaN', { ...base, N: NaN }, { type: RangeError, message: '"kdf.N" expected integer in 2..4194304, got NaN' }],
    ['N=Infinity', { ...base, N: Infinity }, { type: RangeError, message: '"kdf.N" expected integer in 2..4194304, got Infinity' }],
    ['N=2^53', { ...base, N: 2 ** 53 }, { type: RangeError, message: '"kdf.N" expected integer in 2..4194304, got 9007199254740992' }],
    ['N="131072"', { ...base, N: '131072' }, { type: TypeError, message: '"kdf.N" expected integer, got type=string' }],
    ['N=131072n', { ...base, N: 131072n }, { type: TypeError, message: '"kdf.N" expected integer, got type=bigint' }],
    ['r=0', { ...base, r: 0 }, { type: RangeError, message: '"kdf.r" expected integer in 1..32, got 0' }],
    ['r=33', { ...base, r: 33 }, { type: RangeError, message: '"kdf.r" expected integer in 1..32, got 33' }],
    ['p=0', { ...base, p: 0 }, { type: RangeError, message: '"kdf.p" expected integer in 1..16, got 0' }],
    ['p=17', { ...base, p: 17 }, { type: RangeError, message: '"kdf.p" expected integer in 1..16, got 17' }],
    ['p=1e308', { ...base, p: 1e308 }, { type: RangeError, message: '"kdf.p" expected integer in 1..16, got 1e+308' }],
    ['dkLen=64', { ...base, dkLen: 64 }, { type: RangeError, message: '"kdf.dkLen" expected 32, got 64' }],
    ['dkLen missing', { name: 'scrypt', N: 2 ** 17, r: 8, p: 1 }, { type: TypeError, message: '"kdf.dkLen" expected 32, got type=undefined' }],
    ['memory over 4 GiB', { ...base, N: 2 ** 22, r: 16 }, { type: RangeError, message: '"kdf" expected 128*N*r <= 4294967296, got 8589934592' }],
    ['name argon2id', { ...base, name: 'argon2id' }, { type: RangeError, message: '"kdf.name" expected "scrypt", got "argon2id"' }],
    ['name missing', { N: 2 ** 17, r: 8, p: 1, dkLen: 32 }, { type: TypeError, message: '"kdf.name" expected "scrypt", got type=undefined' }],
    ['an extra field', { ...base, salt: 'x' }, { type: TypeError, message: '"kdf" unknown field "salt"' }],
    ['a class instance', new (class { name = 'scrypt' })(), { type: TypeError, message: '"kdf" expected plain object, got type=object' }],
    ['an array', [base], { type: TypeError, message: '"kdf" expected object, got type=array' }],
    ['null', null, { type: TypeError, message: '"kdf" expected object, got type=null' }],
  ])('refuses %s', async (_label, params, refusal) => {
    await expectRefusal(() => assertKdfParams(params), refusal);
  });
});

describe('isBelowDefault', () => {
  it('is true when any cost is below the default', () => {
    expect(isBelowDefault(DEFAULT_KDF)).toBe(false);
    expect(isBelowDefault({ ...DEFAULT_KDF, N: 2 ** 18 })).toBe(false);
    expect(isBelowDefault({ ...DEFAULT_KDF, r: 16, p: 2 })).toBe(false);
    expect(isBelowDefault(FAST_KDF)).toBe(true);
    expect(isBelowDefault({ ...DEFAULT_KDF, N: 2 ** 18, r: 4 })).toBe(true);
  });
});

describe('hostile inputs', () => {
  const kdfRefusal = (v: unknown): Refusal =>
    typeof v !== 'object' || v === null || Array.isArray(v)
      ? { type: TypeError, message: `"kdf" expected object, got ${got(v)}` }
      : Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null
        ? { type: TypeError, message: `"kdf" expected plain object, got ${got(v)}` }
        : Object.keys(v).length > 0
          ? { type: TypeError, message: `"kdf" unknown field ${JSON.stringify(Object.keys(v)[0])}` }
          : { type: TypeError, message: '"kdf.name" expected "scrypt", got type=undefined' };
  const optsRefusal = (v: unknown): Refusal | null => {
    if (v === undefined) return null;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return { type: TypeError, message: `"opts" expected object, got ${got(v)}` };
    if (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null) {
      return { type: TypeError, message: `"opts" expected plain object, got ${got(v)}` };
    }
    const [field] = Object.keys(v);
    return field === undefined ? null : { type: TypeError, message: `"opts" unknown field ${JSON.stringify(field)}` };
  };
  // Each field of the params object, replaced by a hostile value.
  const fieldRefusal =
    (field: 'N' | 'r' | 'p', max: number) =>
    (v: unknown): Refusal | null => {
      if (typeof v !== 'number') return { type: TypeError, message: `"kdf.${field}" expected integer, got ${got(v)}` };
      const min = field === 'N' ? 2 : 1;
      if (!Number.isSafeInteger(v) || v < min || v > max) return { type: RangeError, message: `"kdf.${field}" expected integer in ${min}..${max}, got ${v}` };
      return null;
    };

  const cases: Array<[fn: string, call: (v: unknown) => unknown, refusal: (v: unknown) => Refusal | null]> = [
    ['assertKdfParams(params)', (v) => assertKdfParams(v), kdfRefusal],
    ['assertKdfParams({ N })', (v) => assertKdfParams({ ...DEFAULT_KDF, N: v }), fieldRefusal('N', 2 ** 22)],
    ['assertKdfParams({ r })', (v) => assertKdfParams({ ...DEFAULT_KDF, r: v }), fieldRefusal('r', 32)],
    ['assertKdfParams({ p })', (v) => assertKdfParams({ ...DEFAULT_KDF, p: v }), fieldRefusal('p', 16)],
    ['isBelowDefault(params)', (v) => isBelowDefault(v as KdfParams), kdfRefusal],
    ['deriveKey(passphrase)', (v) => deriveKey(v as string, salt16, DEFAULT_KDF), (v) => stringRefusal('passphrase', v, true)],
    ['deriveKey(salt)', (v) => deriveKey('pw', v as Uint8Array, DEFAULT_KDF), (v) => bytesRefusal('salt', v, [16, 64])],
    ['deriveKey(params)', (v) => deriveKey('pw', salt16, v as KdfParams), kdfRefusal],
    ['deriveKey(opts)', (v) => deriveKey('pw', salt16, DEFAULT_KDF, v as DeriveKeyOptions), optsRefusal],
    [
      'deriveKey({ onProgress })',
      (v) => deriveKey('pw', salt16, DEFAULT_KDF, { onProgress: v as () => void }),
      (v) => (v === undefined || typeof v === 'function' ? null : { type: TypeError, message: `"opts.onProgress" expected function, got ${got(v)}` }),
    ],
    ['_scryptRaw(password)', (v) => _scryptRaw(v as Uint8Array, salt16, FAST_KDF), (v) => bytesRefusal('password', v)],
    ['_scryptRaw(salt)', (v) => _scryptRaw(salt16, v as Uint8Array, FAST_KDF), (v) => bytesRefusal('salt', v)],
  ];

  for (const [fn, call, refusal] of cases) {
    // Valid values are skipped here (they would run a full derivation); the tests above cover them.
    const hostile = HOSTILE.map(([label, value]) => ({ label, value })).filter(({ value }) => refusal(value) !== null);
    it.each(hostile)(`${fn} with $label`, async ({ value }) => {
      const started = performance.now();
      await expectRefusal(() => call(value), refusal(value) as Refusal);
      expect(performance.now() - started).toBeLessThan(100); // refused before any derivation
    });
  }
});
