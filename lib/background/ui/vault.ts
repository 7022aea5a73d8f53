/** UI commands for the vault: status, create, unlock, lock, change passphrase, reset, backup. */
import { browser } from 'wxt/browser';
import type { WalletContext } from '../context';
import type { Settings } from '../../settings/settings';
import { exportBackup, importBackup, type ExportedBackup, type ImportResult } from '../../backup/store';
import type { ImportMode } from '../../backup/limits';

export async function vaultStatus(ctx: WalletContext) {
  const status = await ctx.vault.status();
  const settings = await ctx.settings.get();
  return { ...status, autoLockMinutes: settings.autoLockMinutes, keys: (await ctx.keyring.list()).length, waitingSites: ctx.setup.waitingOrigins() };
}

export async function vaultCreate(ctx: WalletContext, p: { passphrase: string }) {
  await ctx.vault.create(p.passphrase);
  return vaultStatus(ctx);
}

export async function vaultUnlock(ctx: WalletContext, p: { passphrase: string }) {
  await ctx.vault.unlock(p.passphrase);
  return vaultStatus(ctx);
}

export async function vaultLock(ctx: WalletContext) {
  await ctx.vault.lock();
  return vaultStatus(ctx);
}

export async function vaultChangePassphrase(ctx: WalletContext, p: { current: string; next: string }) {
  await ctx.vault.changePassphrase(p.current, p.next);
  return vaultStatus(ctx);
}

/**
 * Deletes everything and returns to first run (the typed confirmation was checked by the
 * protocol): the data key, storage.session, every table, every alarm. Connected pages are told
 * the wallet locked and that their grant is gone.
 */
export async function vaultReset(ctx: WalletContext) {
  const origins = (await ctx.grants.list()).map((g) => g.origin);
  await ctx.vault.reset();
  forgetCaches(ctx);
  await browser.alarms.clearAll();
  for (const origin of origins) await ctx.grantChanged(origin);
  ctx.uiChanged();
  return vaultStatus(ctx);
}

/** The encrypted backup file's name and text, for the page to save. */
export function backupExport(ctx: WalletContext): Promise<ExportedBackup> {
  return exportBackup(ctx.db, ctx.vault, ctx.now());
}

export async function backupImport(
  ctx: WalletContext,
  p: { file: string; passphrase: string; mode: ImportMode },
  settingsChanged: (settings: Settings) => void,
): Promise<ImportResult> {
  let result: ImportResult;
  try {
    result = await importBackup(ctx.db, ctx.vault, { text: p.file, passphrase: p.passphrase, mode: p.mode });
  } finally {
    forgetCaches(ctx); // a failed import wrote nothing, but forgetting is always safe
  }
  if (result.settings) settingsChanged(await ctx.settings.get());
  for (const origin of result.origins) await ctx.grantChanged(origin);
  ctx.uiChanged();
  return result;
}

/** The tables were rewritten under the caches (grants, settings, price overrides, ledger sites): drop them. */
function forgetCaches(ctx: WalletContext): void {
  ctx.ledger.origins.forget();
  ctx.grants.clearCache();
  ctx.settings.clearCache();
  ctx.keyring.clearCache();
  ctx.providers.pricesChanged();
}
