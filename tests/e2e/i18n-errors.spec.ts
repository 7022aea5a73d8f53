/**
 * The errors the wallet's pages show come from its message file: with the build pseudo-translated
 * (every message wrapped in ⟦ ⟧, as tests/e2e/i18n.spec.ts does it), an error from the worker
 * shows translated in its alert, its code and the worker's exact English words behind Details,
 * outside the alert; a problem the page finds itself shows translated, with no details.
 */
import { expect, PASSPHRASE } from './fixtures';
import { test } from './support/pseudo-locale';
import { uiCall } from './po/wallet-api';

/** A name as the page shows it, translated or (for a control not yet read from the message file) in English. */
const named = (words: string) => new RegExp(`^⟦?${words}⟧?$`);

test('a wrong passphrase is said in the person’s language; its code and the worker’s words wait behind Details', async ({ options }) => {
  const page = await options.open();
  await uiCall(page, 'vault.create', { passphrase: PASSPHRASE });
  await uiCall(page, 'vault.lock');
  await page.reload();
  await page.getByLabel(named('Passphrase'), { exact: true }).fill('not the passphrase');
  await page.getByRole('button', { name: named('Unlock') }).click();
  await expect(page.getByRole('alert')).toHaveText('⟦Wrong passphrase⟧');
  const details = page.locator('details').filter({ has: page.getByText('⟦Details⟧', { exact: true }) });
  await expect(details.getByText('⟦Error 4900: Wrong passphrase⟧')).toBeHidden();
  await details.getByText('⟦Details⟧', { exact: true }).click();
  await expect(details.getByText('⟦Error 4900: Wrong passphrase⟧')).toBeVisible();
  // The disclosure sits beside the alert, not in it.
  await expect(page.getByRole('alert').locator('details')).toHaveCount(0);
});

test('a problem the page finds itself is said in the person’s language, with no details', async ({ options }) => {
  const page = await options.open();
  await uiCall(page, 'vault.create', { passphrase: PASSPHRASE });
  await page.goto(`${options.url}#security`);
  await page.reload();
  await page.getByRole('button', { name: named('Change passphrase') }).click();
  const form = page.getByRole('form', { name: named('Change passphrase') });
  await form.getByLabel(named('Current passphrase'), { exact: true }).fill(PASSPHRASE);
  await form.getByLabel(named('New passphrase'), { exact: true }).fill('a long enough passphrase');
  await form.getByLabel(named('Confirm new passphrase'), { exact: true }).fill('another long passphrase');
  await form.getByRole('button', { name: named('Change passphrase') }).click();
  await expect(page.getByRole('alert')).toHaveText('⟦The new passphrases do not match⟧');
  await expect(page.locator('details')).toHaveCount(0);
});
