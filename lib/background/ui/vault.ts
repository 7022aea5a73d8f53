/** UI commands for the vault: status, create, unlock, lock, change passphrase. */
import type { WalletContext } from '../context';
import { loadSettings } from '../../settings/settings';

export async function vaultStatus(ctx: WalletContext) {
  const status = await ctx.vault.status();
  const settings = await loadSettings(ctx.db);
  return { ...status, autoLockMinutes: settings.autoLockMinutes, keys: (await ctx.keyring.list()).length };
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
