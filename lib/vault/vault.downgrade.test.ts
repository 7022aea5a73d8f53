/**
 * KDF parameters below the floor, with the real (production) KDF policy: a stored header that
 * asks for a cheaper scrypt is refused before any derivation, with a message that names it.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openWalletDb } from '../db/database';
import { ErrorCode, WalletError } from '../protocol/errors';
import { messages } from '../protocol/messages';
import { toBase64 } from '../crypto/bytes';
import { DEFAULT_KDF } from '../crypto/kdf';
import type { VaultHeader } from './envelope';
import { memorySessionStore } from './session-store';
import { Vault } from './vault';
import { findDowngrade } from './downgrade';
import { freshDbName } from '../../tests/support/vault';

/** A well-formed header (never opened: refused on its parameters first). */
const shaped = (kdf: Partial<VaultHeader['kdf']>): VaultHeader => ({
  version: 1,
  kdf: { ...DEFAULT_KDF, ...kdf },
  salt: toBase64(new Uint8Array(32)),
  wrapped: { nonce: toBase64(new Uint8Array(24)), ciphertext: toBase64(new Uint8Array(48)) },
  createdAt: 0,
  updatedAt: 0,
});

async function vaultWith(header: unknown) {
  const db = openWalletDb(freshDbName('downgrade'));
  await db.meta.put({ id: 'vault', value: header });
  return { db, vault: new Vault({ db, session: memorySessionStore() }) };
}

describe('a stored header below the KDF floor', () => {
  it.each([
    [{ N: 2 ** 16 }, 'N', 65536, 131072],
    [{ N: 2 ** 10 }, 'N', 1024, 131072],
    [{ r: 4 }, 'r', 4, 8],
  ] as const)('%o is refused as a downgrade, before deriving, and not counted as a wrong passphrase', async (kdf, field, got, min) => {
    const { db, vault } = await vaultWith(shaped(kdf));
    const started = performance.now();
    const error = await vault.unlock('correct horse battery staple').catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(200);
    expect(error).toBeInstanceOf(WalletError);
    expect((error as WalletError).code).toBe(ErrorCode.locked);
    expect((error as WalletError).message).toBe(messages.vaultDowngrade(field, got, min));
    expect((error as WalletError).message).toContain('downgrade attack');
    expect(await db.meta.get('attempts')).toBeUndefined();
    await expect(vault.changePassphrase('correct horse battery staple', 'another passphrase')).rejects.toThrow(messages.vaultDowngrade(field, got, min));
  });

  it('a malformed header is refused naming the field, not as a wrong passphrase', async () => {
    const { vault } = await vaultWith({ ...shaped({}), salt: 'AAAA' });
    await expect(vault.unlock('correct horse battery staple')).rejects.toThrow(messages.vaultRefused('"header.salt" expected 32 bytes, got 3'));
  });
});

describe('findDowngrade', () => {
  it('names the first cost below the floor, or null', () => {
    expect(findDowngrade(DEFAULT_KDF)).toBeNull();
    expect(findDowngrade({ ...DEFAULT_KDF, N: 2 ** 18 })).toBeNull();
    expect(findDowngrade({ ...DEFAULT_KDF, p: 0 })).toEqual({ field: 'p', got: 0, min: 1 });
    for (const hostile of [null, undefined, 'x', 1, [], { N: '1' }]) expect(findDowngrade(hostile)).toBeNull();
  });
});

describe('a backup whose header is below the KDF floor', () => {
  it('is refused as a downgrade before deriving', async () => {
    const { openBackup, parseBackupFile, BACKUP_FORMAT } = await import('../backup/format');
    const file = parseBackupFile(
      JSON.stringify({ format: BACKUP_FORMAT, version: 1, vault: shaped({ N: 2 ** 14 }), payload: { nonce: toBase64(new Uint8Array(24)), ciphertext: toBase64(new Uint8Array(16)) } }),
    );
    const started = performance.now();
    await expect(openBackup(file, 'correct horse battery staple', 1)).rejects.toThrow(messages.backupDowngrade('N', 16384, 131072));
    expect(performance.now() - started).toBeLessThan(200);
  });
});
