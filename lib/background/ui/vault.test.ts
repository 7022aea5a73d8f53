/**
 * The vault commands on the whole background (the pipeline harness): reset deletes everything
 * (tables, session, alarms, caches) and tells connected pages; a backup import refreshes the
 * caches so the restored grants and settings are the ones in force. The protocol refuses a reset
 * without the typed word.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeHarness, TEST_ORIGIN } from '../../../tests/support/wallet-harness';
import { ErrorCode, WalletError } from '../../protocol/errors';
import { messages } from '../../protocol/messages';
import { parseOrThrow } from '../../protocol/validate';
import { uiCommands } from '../../protocol/ui';
import { MAX_BACKUP_CHARS } from '../../backup/limits';
import { scriptedAdapter } from '../../../tests/support/wallet-harness';
import { runChat } from '../../pipeline/capabilities/chat';
import { backupExport, backupImport, vaultChangePassphrase, vaultReset, vaultStatus } from './vault';

vi.mock('../../crypto/kdf', async (importOriginal) => (await import('../../../tests/support/vault')).fastKdf(await importOriginal()));

const PASS = 'harness passphrase';
const chat = (ctx: Awaited<ReturnType<typeof makeHarness>>['ctx']) =>
  runChat(ctx, { caller: { origin: TEST_ORIGIN }, request: { messages: [{ role: 'user', content: 'hi' }], maxTokens: 5 }, signal: new AbortController().signal, onDelta: () => undefined });

describe('vault.reset', () => {
  it('deletes every table, the session and every alarm, forgets cached grants, and tells connected pages', async () => {
    const { ctx } = await makeHarness({ adapter: scriptedAdapter({}) });
    await chat(ctx); // the grant is now cached, the ledger has a row
    await ctx.settings.set({ autoLockMinutes: 1 });
    await fakeBrowser.alarms.create('byok-autolock', { delayInMinutes: 1 });
    await fakeBrowser.alarms.create('someone-else', { delayInMinutes: 5 });
    const emitted: unknown[][] = [];
    vi.spyOn(ctx.ports, 'emit').mockImplementation((...args: unknown[]) => void emitted.push(args));
    const status = await vaultReset(ctx);
    expect(status).toMatchObject({ exists: false, unlocked: false, keys: 0, autoLockMinutes: 15 });
    for (const table of ctx.db.tables) expect(await table.count(), table.name).toBe(0);
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    expect(await ctx.grants.get(TEST_ORIGIN)).toBeUndefined();
    expect(emitted).toContainEqual([null, 'lock', null]);
    expect(emitted).toContainEqual([TEST_ORIGIN, 'grantChanged', null]);
    await expect(chat(ctx)).rejects.toMatchObject({ code: ErrorCode.unauthorized });
    // First run again: a new wallet can be created.
    await ctx.vault.create('a brand new passphrase');
    expect(await vaultStatus(ctx)).toMatchObject({ exists: true, unlocked: true, keys: 0 });
  });

  it.each<unknown>([{}, { confirm: 'reset' }, { confirm: 'RESET ' }, { confirm: true }, { confirm: 'RESET', force: true }, undefined])('refuses %j without the typed word', (params) => {
    expect(() => parseOrThrow(uiCommands['vault.reset'], params, 'params')).toThrow(WalletError);
  });

  it('accepts exactly { confirm: "RESET" }', () => {
    expect(parseOrThrow(uiCommands['vault.reset'], { confirm: 'RESET' }, 'params')).toEqual({ confirm: 'RESET' });
  });
});

describe('backup commands', () => {
  it('export → reset → import: the restored grant and settings are in force (caches refreshed)', async () => {
    const { ctx } = await makeHarness({ adapter: scriptedAdapter({}) });
    await ctx.settings.set({ autoLockMinutes: 5 });
    await chat(ctx);
    const backup = await backupExport(ctx);
    await vaultReset(ctx);
    const settingsChanged = vi.fn();
    const result = await backupImport(ctx, { file: backup.text, passphrase: PASS, mode: 'replace' }, settingsChanged);
    expect(result).toMatchObject({ restored: true, added: { keys: 1, grants: 1, ledger: 1 } });
    expect(settingsChanged).toHaveBeenCalledWith(expect.objectContaining({ autoLockMinutes: 5 }));
    expect(await vaultStatus(ctx)).toMatchObject({ exists: true, unlocked: true, keys: 1, autoLockMinutes: 5 });
    await expect(chat(ctx)).resolves.toMatchObject({ text: 'Hello world' });
  });

  it('replace: a grant cached before the import is not used after it', async () => {
    const { ctx } = await makeHarness({ adapter: scriptedAdapter({}) });
    const backup = await backupExport(ctx);
    await chat(ctx);
    await ctx.grants.patch(TEST_ORIGIN, (g) => g && { ...g, paused: true });
    await expect(chat(ctx)).rejects.toMatchObject({ code: ErrorCode.unauthorized });
    await backupImport(ctx, { file: backup.text, passphrase: PASS, mode: 'replace' }, () => undefined);
    await expect(chat(ctx)).resolves.toMatchObject({ text: 'Hello world' }); // the backup's grant was not paused
  });

  it('a failed import says why and leaves the wallet as it was', async () => {
    const { ctx } = await makeHarness({ adapter: scriptedAdapter({}) });
    const backup = await backupExport(ctx);
    await expect(backupImport(ctx, { file: backup.text, passphrase: 'wrong passphrase', mode: 'replace' }, () => undefined)).rejects.toThrow(
      messages.backupWrongPassphrase(),
    );
    await expect(backupImport(ctx, { file: '{"hello": 1}', passphrase: PASS, mode: 'merge' }, () => undefined)).rejects.toThrow(messages.backupNotBackup());
    await expect(chat(ctx)).resolves.toMatchObject({ text: 'Hello world' });
  });

  it('after a passphrase change, a new backup opens with the new passphrase', async () => {
    const { ctx } = await makeHarness({ adapter: scriptedAdapter({}) });
    await vaultChangePassphrase(ctx, { current: PASS, next: 'the next passphrase' });
    const backup = await backupExport(ctx);
    await vaultReset(ctx);
    await expect(backupImport(ctx, { file: backup.text, passphrase: PASS, mode: 'merge' }, () => undefined)).rejects.toThrow(messages.backupWrongPassphrase());
    await backupImport(ctx, { file: backup.text, passphrase: 'the next passphrase', mode: 'merge' }, () => undefined);
    expect(await vaultStatus(ctx)).toMatchObject({ unlocked: true, keys: 1 });
  });

  it.each<unknown>([
    { file: '', passphrase: PASS, mode: 'merge' },
    { file: 'x', passphrase: '', mode: 'merge' },
    { file: 'x', passphrase: PASS, mode: 'overwrite' },
    { file: 'x', passphrase: PASS },
    { file: 'x'.repeat(MAX_BACKUP_CHARS + 1), passphrase: PASS, mode: 'merge' },
    { file: 'x', passphrase: PASS, mode: 'merge', extra: 1 },
  ])('backup.import refuses bad params', (params) => {
    expect(() => parseOrThrow(uiCommands['backup.import'], params, 'params')).toThrow(WalletError);
  });
});
