/** The vault and key-management parts of the options page, driven through accessible names (docs/API.md, "For testers"). */
import type { Download, Locator, Page } from '@playwright/test';
import { goToView, type OptionsPage } from './options-page';

export async function changePassphrase(options: OptionsPage, current: string, next: string, confirm = next): Promise<Page> {
  const page = await options.view('Security');
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  await page.getByLabel('Current passphrase', { exact: true }).fill(current);
  await page.getByLabel('New passphrase', { exact: true }).fill(next);
  await page.getByLabel('Confirm new passphrase', { exact: true }).fill(confirm);
  await page.getByRole('form', { name: 'Change passphrase' }).getByRole('button', { name: 'Change passphrase' }).click();
  return page;
}

export async function lock(options: OptionsPage): Promise<Page> {
  const page = await options.open();
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.getByRole('button', { name: 'Unlock' }).waitFor();
  return page;
}

/** Tries to unlock; resolves with the error shown, or null once unlocked. */
export async function tryUnlock(options: OptionsPage, passphrase: string): Promise<string | null> {
  const page = await options.open();
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
  // Unlocked: Lock shows at the top of whichever view the page is on.
  const unlocked = page.getByRole('button', { name: 'Lock', exact: true });
  const alert = page.getByRole('alert');
  await unlocked.or(alert).first().waitFor();
  return (await unlocked.isVisible()) ? null : await alert.innerText();
}

/** Export backup: the file the browser downloads. */
export async function exportBackup(options: OptionsPage): Promise<Download> {
  const page = await options.view('Security');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export backup' }).click();
  return download;
}

/** Import backup (first run or an existing wallet), then waits for the unlocked wallet. */
export async function importBackup(options: OptionsPage, file: string, passphrase: string, mode?: 'Merge' | 'Replace'): Promise<Page> {
  const page = await securityIfUnlocked(options);
  await page.getByRole('button', { name: 'Import backup' }).click();
  const form = page.getByRole('form', { name: 'Import backup' });
  await form.getByLabel('Backup file').setInputFiles(file);
  await form.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  if (mode) await form.getByLabel(mode).check();
  await form.getByRole('button', { name: 'Import backup' }).click();
  return page;
}

/** Reset wallet with the typed confirmation; waits for first run. */
export async function resetWallet(options: OptionsPage): Promise<Page> {
  const page = await securityIfUnlocked(options);
  await page.getByRole('button', { name: 'Reset wallet' }).click();
  const form = page.getByRole('form', { name: 'Reset wallet' });
  await form.getByLabel('Type RESET to confirm').fill('RESET');
  await form.getByRole('button', { name: 'Reset wallet' }).click();
  await page.getByRole('button', { name: 'Create wallet' }).waitFor();
  return page;
}

/** The row of a key in the Keys list. */
export function keyRow(page: Page, name: string): Locator {
  return page.getByRole('list', { name: 'Keys' }).getByRole('listitem', { name });
}

/** Rotate: a new secret for the key; `force` saves it even if the provider refuses it. */
export async function rotateKey(options: OptionsPage, name: string, secret: string, force = false): Promise<Page> {
  const page = await options.view('Keys');
  await page.getByRole('button', { name: `Rotate key ${name}` }).click();
  const form = page.getByRole('form', { name: `Rotate ${name}` });
  await form.getByLabel('New API key').fill(secret);
  await form.getByRole('button', { name: 'Replace key' }).click();
  if (force) await form.getByRole('button', { name: 'Replace without validation' }).click();
  await form.waitFor({ state: 'detached' });
  return page;
}

export async function renameKey(options: OptionsPage, name: string, next: string): Promise<void> {
  const page = await options.view('Keys');
  await page.getByRole('button', { name: `Rename key ${name}` }).click();
  const form = page.getByRole('form', { name: `Rename ${name}` });
  await form.getByLabel('New name').fill(next);
  await form.getByRole('button', { name: 'Save name' }).click();
  await keyRow(page, next).waitFor();
}

/** Clicks a key's Disable / Enable / Re-validate button. */
export async function keyAction(options: OptionsPage, action: 'Disable' | 'Enable' | 'Re-validate', name: string): Promise<Page> {
  const page = await options.view('Keys');
  await page.getByRole('button', { name: `${action} key ${name}` }).click();
  return page;
}

export async function setAutoLock(options: OptionsPage, label: string): Promise<void> {
  const page = await options.view('Security');
  await page.getByLabel('Auto-lock').selectOption({ label });
}

/**
 * Import backup and Reset wallet: in Security once the wallet is unlocked; on first run and on
 * the locked page they are on the page itself (no navigation is shown then).
 */
async function securityIfUnlocked(options: OptionsPage): Promise<Page> {
  const page = await options.open();
  const nav = page.getByRole('navigation', { name: 'Wallet' });
  const loaded = page.getByRole('button', { name: /^(Create wallet|Unlock|Lock)$/ });
  await loaded.first().waitFor();
  return (await nav.isVisible()) ? goToView(page, 'Security') : page;
}
