/** deriveKey zeroes the passphrase bytes it hands to scrypt, on success and on failure. */
import { describe, expect, it, vi } from 'vitest';
import { FAST_KDF, TEST_FLOOR } from '../../tests/support/crypto';
import { utf8 } from './bytes';
import { _deriveKey } from './kdf';

const seen = vi.hoisted(() => ({ passwords: [] as Array<{ buffer: Uint8Array; atCall: Uint8Array }>, fail: false }));

vi.mock('@noble/hashes/scrypt.js', async (importOriginal) => {
  const noble = await importOriginal<typeof import('@noble/hashes/scrypt.js')>();
  return {
    ...noble,
    scryptAsync: async (...args: Parameters<typeof noble.scryptAsync>) => {
      const [password] = args;
      if (password instanceof Uint8Array) seen.passwords.push({ buffer: password, atCall: password.slice() });
      if (seen.fail) throw new Error('scrypt failed');
      return noble.scryptAsync(...args);
    },
  };
});

describe('deriveKey wipes', () => {
  it('the UTF-8 passphrase bytes after deriving', async () => {
    seen.passwords.length = 0;
    await _deriveKey('hunter2 hunter2', new Uint8Array(16), FAST_KDF, undefined, TEST_FLOOR);
    const [call] = seen.passwords;
    expect(call?.atCall).toEqual(utf8('hunter2 hunter2'));
    expect(call?.buffer).toEqual(new Uint8Array(15));
  });

  it('the UTF-8 passphrase bytes when scrypt throws', async () => {
    seen.passwords.length = 0;
    seen.fail = true;
    try {
      await expect(_deriveKey('hunter2 hunter2', new Uint8Array(16), FAST_KDF, undefined, TEST_FLOOR)).rejects.toThrow('scrypt failed');
    } finally {
      seen.fail = false;
    }
    expect(seen.passwords[0]?.buffer).toEqual(new Uint8Array(15));
  });
});
