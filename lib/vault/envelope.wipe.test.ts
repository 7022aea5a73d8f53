/**
 * The envelope zeroes what it no longer needs: every KEK, the plaintext bytes of a secret, and a
 * fresh data key whose wrapping failed. The crypto modules are wrapped (not replaced) to watch
 * the buffers they hand out.
 */
import { describe, expect, it, vi } from 'vitest';
import { FAST_KDF, TEST_FLOOR } from '../../tests/support/crypto';
import { utf8 } from '../crypto/bytes';
import { _createVault, _rewrapDataKey, _unwrapDataKey, openSecret, sealSecret } from './envelope';

const seen = vi.hoisted(() => ({
  keks: [] as Uint8Array[],
  random: [] as Uint8Array[],
  sealed: [] as Array<{ buffer: Uint8Array; atCall: Uint8Array }>,
  opened: [] as Array<{ buffer: Uint8Array; atReturn: Uint8Array }>,
  failDerive: false,
}));

vi.mock('../crypto/kdf', async (importOriginal) => {
  const kdf = await importOriginal<typeof import('../crypto/kdf')>();
  return {
    ...kdf,
    _deriveKey: async (...args: Parameters<typeof kdf._deriveKey>) => {
      if (seen.failDerive) throw new Error('derive failed');
      const kek = await kdf._deriveKey(...args);
      seen.keks.push(kek);
      return kek;
    },
  };
});

vi.mock('../crypto/bytes', async (importOriginal) => {
  const bytes = await importOriginal<typeof import('../crypto/bytes')>();
  return {
    ...bytes,
    randomBytes: (n: number) => {
      const out = bytes.randomBytes(n);
      seen.random.push(out);
      return out;
    },
  };
});

vi.mock('../crypto/aead', async (importOriginal) => {
  const aead = await importOriginal<typeof import('../crypto/aead')>();
  return {
    ...aead,
    seal: (...args: Parameters<typeof aead.seal>) => {
      seen.sealed.push({ buffer: args[1], atCall: args[1].slice() });
      return aead.seal(...args);
    },
    open: (...args: Parameters<typeof aead.open>) => {
      const out = aead.open(...args);
      seen.opened.push({ buffer: out, atReturn: out.slice() });
      return out;
    },
  };
});

const zero = (b: Uint8Array | undefined) => b !== undefined && b.length > 0 && b.every((x) => x === 0);
const reset = () => {
  seen.keks.length = 0;
  seen.random.length = 0;
  seen.sealed.length = 0;
  seen.opened.length = 0;
};

describe('envelope wipes', () => {
  it('the KEK after create, unwrap (right and wrong passphrase) and rewrap; never the data key it returns', async () => {
    reset();
    const { header, dataKey } = await _createVault('pass phrase', FAST_KDF, TEST_FLOOR);
    const unwrapped = await _unwrapDataKey(header, 'pass phrase', TEST_FLOOR);
    await expect(_unwrapDataKey(header, 'wrong phrase', TEST_FLOOR)).rejects.toThrow('wrong passphrase');
    await _rewrapDataKey(dataKey, 'new phrase', FAST_KDF, undefined, TEST_FLOOR);
    expect(seen.keks).toHaveLength(4);
    expect(seen.keks.every(zero)).toBe(true);
    expect(zero(dataKey) || zero(unwrapped)).toBe(false);
    expect(unwrapped).toEqual(dataKey);
  });

  it('a fresh data key when wrapping it fails', async () => {
    reset();
    seen.failDerive = true;
    try {
      await expect(_createVault('pass phrase', FAST_KDF, TEST_FLOOR)).rejects.toThrow('derive failed');
    } finally {
      seen.failDerive = false;
    }
    const dataKey = seen.random.find((b) => b.length === 32);
    expect(zero(dataKey)).toBe(true);
  });

  it('the plaintext bytes of a secret after sealing and after opening', () => {
    reset();
    const dataKey = new Uint8Array(32).fill(1);
    const sealed = sealSecret(dataKey, 'rec', 'sk-live-secret');
    expect(seen.sealed[0]?.atCall).toEqual(utf8('sk-live-secret'));
    expect(zero(seen.sealed[0]?.buffer)).toBe(true);
    expect(openSecret(dataKey, 'rec', sealed)).toBe('sk-live-secret');
    expect(seen.opened[0]?.atReturn).toEqual(utf8('sk-live-secret'));
    expect(zero(seen.opened[0]?.buffer)).toBe(true);
  });
});
