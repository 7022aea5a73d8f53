/**
 * Export and import at the database level (fake-indexeddb): the round trip restores every record
 * identically; merge and replace into an existing wallet; all or nothing; refusals.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { ErrorCode, WalletError } from '../protocol/errors';
import { messages } from '../protocol/messages';
import { toBase64, utf8 } from '../crypto/bytes';
import { exportBackup, importBackup } from './store';
import { sealBackup, serializeBackup } from './format';
import { dumpAll, emptyWallet, filledWallet, grant, SECRETS } from '../../tests/support/backup';

vi.mock('../crypto/kdf', async (importOriginal) => (await import('../../tests/support/vault')).fastKdf(await importOriginal()));

const PASS_A = 'passphrase of wallet A';
const PASS_B = 'passphrase of wallet B';
const AT = 1_763_900_000_000;

async function secretsOf(w: Awaited<ReturnType<typeof emptyWallet>>): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const key of await w.db.keys.toArray()) out[key.id] = await w.keyring.secretOf(key);
  return out;
}

describe('export', () => {
  it('writes one file holding every record, with no secret in the clear', async () => {
    const w = await filledWallet(PASS_A);
    const backup = await exportBackup(w.db, w.vault, AT);
    expect(backup.filename).toMatch(/^byok-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(backup.counts).toEqual({ keys: 2, grants: 2, prices: 2, ledger: 4, rollups: 2 });
    const file = JSON.parse(backup.text) as Record<string, unknown>;
    expect(Object.keys(file)).toEqual(['format', 'version', 'vault', 'payload']);
    for (const secret of Object.values(SECRETS)) {
      for (const encoded of [secret, toBase64(utf8(secret)), Buffer.from(secret).toString('hex')]) expect(backup.text).not.toContain(encoded);
    }
    // Nothing readable either: origins and models are inside the encrypted payload.
    expect(backup.text).not.toContain('a.example');
    expect(backup.text).not.toContain('gpt-4o');
  });

  it('needs the wallet unlocked', async () => {
    const w = await filledWallet(PASS_A);
    await w.vault.lock();
    await expect(exportBackup(w.db, w.vault)).rejects.toMatchObject({ code: ErrorCode.locked });
  });
});

describe('round trip: export, wipe, import', () => {
  it('restores every record identically after a reset, and the wallet opens with the backup passphrase', async () => {
    const w = await filledWallet(PASS_A);
    const before = await dumpAll(w.db);
    const secrets = await secretsOf(w);
    const backup = await exportBackup(w.db, w.vault, AT);
    await w.vault.reset();
    for (const rows of Object.values(await dumpAll(w.db))) expect(rows).toEqual([]);
    const result = await importBackup(w.db, w.vault, { text: backup.text, passphrase: PASS_A, mode: 'merge' });
    expect(result).toMatchObject({ restored: true, added: { keys: 2, grants: 2, prices: 2, ledger: 4, rollups: 2 }, settings: true });
    expect(result.origins.sort()).toEqual(['https://a.example', 'https://b.example']);
    expect(await dumpAll(w.db)).toEqual(before);
    // The request in flight at export is back in flight (the next start's recovery settles it).
    expect(await w.db.inflight.get('req-3')).toMatchObject({ status: 'pending', price: expect.any(Object) });
    expect(await w.db.ledger.get('req-3')).toBeUndefined();
    expect(await w.vault.status()).toEqual({ exists: true, unlocked: true });
    expect(await secretsOf(w)).toEqual(secrets);
    await w.vault.lock();
    await w.vault.unlock(PASS_A);
  });

  it('restores on a fresh install (another database): identical records', async () => {
    const w = await filledWallet(PASS_A);
    const backup = await exportBackup(w.db, w.vault, AT);
    const fresh = await emptyWallet();
    await importBackup(fresh.db, fresh.vault, { text: backup.text, passphrase: PASS_A, mode: 'replace' });
    expect(await dumpAll(fresh.db)).toEqual(await dumpAll(w.db));
    expect(await secretsOf(fresh)).toEqual(await secretsOf(w));
  });

  it('a wrong passphrase writes nothing and says which passphrase is meant', async () => {
    const w = await filledWallet(PASS_A);
    const backup = await exportBackup(w.db, w.vault, AT);
    const fresh = await emptyWallet();
    const error = await importBackup(fresh.db, fresh.vault, { text: backup.text, passphrase: 'not the passphrase', mode: 'merge' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WalletError);
    expect((error as WalletError).message).toBe(messages.backupWrongPassphrase());
    expect(await fresh.vault.status()).toEqual({ exists: false, unlocked: false });
  });

  it('is all or nothing: a failure while writing leaves a fresh install empty', async () => {
    const w = await filledWallet(PASS_A);
    const backup = await exportBackup(w.db, w.vault, AT);
    const fresh = await emptyWallet();
    fresh.db.ledger.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(importBackup(fresh.db, fresh.vault, { text: backup.text, passphrase: PASS_A, mode: 'merge' })).rejects.toThrow('disk full');
    for (const rows of Object.values(await dumpAll(fresh.db))) expect(rows).toEqual([]);
    expect(await fresh.vault.status()).toEqual({ exists: false, unlocked: false });
  });
});

describe('import into an existing wallet', () => {
  async function twoWallets() {
    const a = await filledWallet(PASS_A);
    const backup = await exportBackup(a.db, a.vault, AT);
    const b = await emptyWallet(PASS_B);
    const own = await b.keyring.add({ provider: 'openai', name: 'B own', secret: 'sk-test-wallet-B', models: ['gpt-4o-mini'], status: 'valid' });
    // The same origin as in A's backup, routed to B's own key: B's grant must win a merge.
    await b.db.grants.put(grant('https://a.example', { 'gpt-4o-mini': own.id }));
    await b.db.meta.put({ id: 'settings', value: { autoLockMinutes: 60 } });
    return { a, b, backup, own };
  }

  it('merge: adds what is missing, keeps every existing record, re-seals keys under this wallet', async () => {
    const { a, b, backup, own } = await twoWallets();
    const bBefore = await dumpAll(b.db);
    const result = await importBackup(b.db, b.vault, { text: backup.text, passphrase: PASS_A, mode: 'merge' });
    expect(result).toMatchObject({ restored: false, mode: 'merge', added: { keys: 2, grants: 1, prices: 2, ledger: 4, rollups: 2 }, skipped: { grants: 1 }, settings: false });
    expect(result.message).toBe(messages.backupImported(result.added));
    // Every record B had is still there, unchanged.
    const after = await dumpAll(b.db);
    for (const [table, rows] of Object.entries(bBefore)) for (const row of rows) expect(after[table]).toContainEqual(row);
    expect((await b.db.grants.get('https://a.example'))?.routes).toEqual({ 'gpt-4o-mini': own.id });
    expect((await b.db.meta.get('settings'))?.value).toEqual({ autoLockMinutes: 60 });
    // A's keys now open under B's data key, with their ids (so A's grants route to them).
    const secrets = await secretsOf(b);
    expect(Object.values(secrets).sort()).toEqual(['sk-test-wallet-B', SECRETS.openai, SECRETS.anthropic].sort());
    const bGrant = await b.db.grants.get('https://b.example');
    for (const keyId of Object.values(bGrant?.routes ?? {})) expect(secrets[keyId]).toBeDefined();
    // B's passphrase did not change; A's does not open B.
    await b.vault.lock();
    await expect(b.vault.unlock(PASS_A)).rejects.toThrow(messages.wrongPassphrase());
    await b.db.meta.delete('attempts');
    await b.vault.unlock(PASS_B);
    expect(a).toBeTruthy();
  });

  it('merge twice adds nothing the second time', async () => {
    const { b, backup } = await twoWallets();
    await importBackup(b.db, b.vault, { text: backup.text, passphrase: PASS_A, mode: 'merge' });
    const once = await dumpAll(b.db);
    const again = await importBackup(b.db, b.vault, { text: backup.text, passphrase: PASS_A, mode: 'merge' });
    expect(again.added).toEqual({ keys: 0, grants: 0, prices: 0, ledger: 0, rollups: 0 });
    expect(await dumpAll(b.db)).toEqual(once);
  });

  it("replace: the wallet's records become the backup's; the passphrase stays", async () => {
    const { a, b, backup } = await twoWallets();
    const result = await importBackup(b.db, b.vault, { text: backup.text, passphrase: PASS_A, mode: 'replace' });
    expect(result.origins.sort()).toEqual(['https://a.example', 'https://b.example']);
    const [aAll, bAll] = [await dumpAll(a.db), await dumpAll(b.db)];
    for (const table of ['grants', 'prices', 'ledger', 'rollups']) expect(bAll[table]).toEqual(aAll[table]);
    // Keys: the same records, re-sealed under B's data key (same ids, same secrets).
    const strip = (rows: unknown[]) => rows.map((r) => ({ ...(r as object), sealed: null }));
    expect(strip(bAll.keys ?? [])).toEqual(strip(aAll.keys ?? []));
    expect(Object.values(await secretsOf(b)).sort()).toEqual([SECRETS.openai, SECRETS.anthropic].sort());
    expect((await b.db.meta.get('settings'))?.value).toEqual((await a.db.meta.get('settings'))?.value);
    await b.vault.lock();
    await b.vault.unlock(PASS_B);
  });

  it('needs the wallet unlocked, and writes nothing otherwise', async () => {
    const { b, backup } = await twoWallets();
    await b.vault.lock();
    const before = await dumpAll(b.db);
    await expect(importBackup(b.db, b.vault, { text: backup.text, passphrase: PASS_A, mode: 'replace' })).rejects.toMatchObject({ code: ErrorCode.locked });
    expect(await dumpAll(b.db)).toEqual(before);
  });

  it('is all or nothing: a failure in the middle of a replace leaves the wallet as it was', async () => {
    const { b, backup } = await twoWallets();
    const before = await dumpAll(b.db);
    b.db.rollups.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(importBackup(b.db, b.vault, { text: backup.text, passphrase: PASS_A, mode: 'replace' })).rejects.toThrow('disk full');
    expect(await dumpAll(b.db)).toEqual(before);
  });

  it('refuses a backup whose records come from a newer database', async () => {
    const a = await filledWallet(PASS_A);
    const header = (await a.vault.header())!;
    const text = serializeBackup(
      sealBackup(await a.vault.requireKey(), header, { exportedAt: AT, schemaVersion: 99, keys: [], grants: [], settings: null, prices: [], ledger: [], rollups: [] }),
    );
    await expect(importBackup(a.db, a.vault, { text, passphrase: PASS_A, mode: 'merge' })).rejects.toThrow(messages.backupSchemaNewer(99));
  });
});
