/**
 * Accessibility of every page and window of the wallet: axe-core in the light and the dark scheme
 * (no serious or critical violation), and body text that reads at 14 px at least. Each surface is
 * reached as a person reaches it: the options page's views by its navigation, the approval and
 * unlock windows by a site's request.
 */
import type { Page } from '@playwright/test';
import { test, expect, PASSPHRASE, TEST_KEY } from './fixtures';
import { byokCall, chat, user } from './po/app';
import { clickClosing, nextWindow } from './po/approval-window';
import { openPopup } from './po/control';
import type { ViewName } from './po/options-page';
import { connectApproved, walletWithKeys } from './po/setup';
import { AxeReport, textSizes } from './support/axe';

const VIEWS: ViewName[] = ['Keys', 'Sites & apps', 'Usage', 'Settings', 'Security'];

/** Body text and a sample of paragraphs, labels and cells on `page` compute to 14 px or more. */
async function expectReadableText(page: Page, surface: string): Promise<void> {
  const sizes = await textSizes(page);
  expect.soft(sizes.body, `${surface}: body font size`).toBeGreaterThanOrEqual(14);
  expect.soft(sizes.sampled, `${surface}: text elements sampled`).toBeGreaterThan(0);
  expect.soft(sizes.small, `${surface}: text under 14 px`).toEqual([]);
}

test('options page: first run, every view (empty, then in use) and the locked page pass axe in light and dark', async ({ context, options, app, mock }) => {
  const axe = new AxeReport();
  const page = await options.open();
  await page.getByRole('button', { name: 'Create wallet' }).waitFor();
  await axe.check(page, 'options: create wallet');
  await expectReadableText(page, 'options: create wallet');

  await options.createWallet(PASSPHRASE);
  for (const view of VIEWS) {
    await options.view(view);
    await axe.check(page, `options: ${view}, empty`);
  }

  await walletWithKeysAdded(options, mock.url);
  await connectApproved(context, app, {}, '1');
  expect((await chat(app, { ...user('hello'), model: 'gpt-4o-mini' })).error).toBeUndefined();
  await page.reload();
  for (const view of VIEWS) {
    await options.view(view);
    if (view === 'Sites & apps') await page.getByRole('button', { name: `Settings for ${new URL(app.url()).origin}` }).click();
    if (view === 'Usage') await page.getByRole('table', { name: 'Request log' }).waitFor();
    await axe.check(page, `options: ${view}`);
    await expectReadableText(page, `options: ${view}`);
  }

  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.getByRole('button', { name: 'Unlock' }).waitFor();
  await axe.check(page, 'options: locked');
  await expectReadableText(page, 'options: locked');
  expect(axe.problems, axe.summary()).toEqual([]);
});

/** The two keys of walletWithKeys, on a wallet created already. */
async function walletWithKeysAdded(options: Parameters<typeof walletWithKeys>[0], mockUrl: string): Promise<void> {
  await options.addKey({ provider: 'OpenAI', name: 'Mock OpenAI', key: TEST_KEY, baseUrl: `${mockUrl}/v1` });
  await options.addKey({ provider: 'Anthropic', name: 'Mock Anthropic', key: TEST_KEY, baseUrl: mockUrl });
}

test('popup: no wallet, locked, unlocked, and with a connected site pass axe in light and dark', async ({ context, options, app, mock, extensionId }) => {
  const axe = new AxeReport();
  const origin = new URL(app.url()).origin;
  const fresh = await openPopup(context, extensionId, origin);
  await fresh.getByRole('button', { name: 'Set up byok' }).waitFor();
  await axe.check(fresh, 'popup: no wallet');
  await fresh.close();

  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  const unlocked = await openPopup(context, extensionId, origin);
  await unlocked.getByText('Not connected.').waitFor();
  await axe.check(unlocked, 'popup: unlocked');
  await expectReadableText(unlocked, 'popup: unlocked');
  await unlocked.close();

  await connectApproved(context, app, {}, '1');
  const connected = await openPopup(context, extensionId, origin);
  await connected.getByRole('progressbar', { name: `Spend of ${origin}` }).waitFor();
  await axe.check(connected, 'popup: connected site');
  await expectReadableText(connected, 'popup: connected site');
  await connected.getByRole('button', { name: 'Lock', exact: true }).click();
  await connected.getByRole('button', { name: 'Unlock' }).waitFor();
  await axe.check(connected, 'popup: locked');
  await expectReadableText(connected, 'popup: locked');
  expect(axe.problems, axe.summary()).toEqual([]);
});

test('approval window, raise-budget prompt and unlock window pass axe in light and dark', async ({ context, options, app, mock }) => {
  const axe = new AxeReport();
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  await options.setPrice('gpt-4o-mini', 100, 100);
  // Over budget, the wallet asks to raise it (the wallet-wide setting, in Settings).
  const settings = await options.view('Settings');
  await settings.getByLabel('When a site would go over its budget').selectOption('ask');
  await expect(settings.getByLabel('When a site would go over its budget')).toHaveValue('ask');

  const connecting = byokCall(app, 'connect', { reason: 'An accessibility check' });
  const approval = await nextWindow(context, 'approve.html');
  await approval.getByLabel('Budget (USD)').fill('0.01');
  await axe.check(approval, 'approval window: connect');
  await expectReadableText(approval, 'approval window: connect');
  await clickClosing(approval, 'Approve');
  expect(await connecting).toMatchObject({ origin: new URL(app.url()).origin });

  // (29 + 100 tokens) at $100 per million is over $0.01: the raise-budget prompt.
  const raising = chat(app, { ...user('hello'), model: 'gpt-4o-mini', maxTokens: 100 });
  const prompt = await nextWindow(context, 'approve.html');
  await prompt.getByRole('heading', { name: 'Raise a site’s budget' }).waitFor();
  await axe.check(prompt, 'raise-budget prompt');
  await expectReadableText(prompt, 'raise-budget prompt');
  await prompt.getByRole('button', { name: 'Reject' }).click();
  expect((await raising).error).toMatchObject({ code: 4402 });

  await (await options.open()).getByRole('button', { name: 'Lock', exact: true }).click();
  const locked = chat(app, user('while locked'));
  const unlock = await nextWindow(context, 'unlock.html');
  await unlock.getByRole('button', { name: 'Unlock' }).waitFor();
  await axe.check(unlock, 'unlock window');
  await expectReadableText(unlock, 'unlock window');
  await unlock.close();
  expect((await locked).error).toMatchObject({ code: 4900 });
  expect(axe.problems, axe.summary()).toEqual([]);
});

test('focus: each page opens on a sensible control, a view takes focus on its heading, Esc closes what a button opened', async ({ context, options, extensionId, app }) => {
  const page = await options.open();
  await expect(page.getByLabel('Passphrase', { exact: true })).toBeFocused();
  await options.createWallet(PASSPHRASE);

  // The navigation: one view at a time, the current one marked, its heading focused.
  const nav = page.getByRole('navigation', { name: 'Wallet' });
  await nav.getByRole('link', { name: 'Security', exact: true }).click();
  await expect(page).toHaveURL(/#security$/);
  await expect(page.getByRole('heading', { name: 'Security', level: 2 })).toBeFocused();
  await expect(nav.getByRole('link', { name: 'Security', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Keys', exact: true })).not.toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('button', { name: 'Add key' })).toBeHidden();
  // Esc closes the Change passphrase form and gives focus back to its button.
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  await page.getByLabel('Current passphrase', { exact: true }).fill('typed');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('form', { name: 'Change passphrase' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Change passphrase' })).toBeFocused();
  // Back goes to the view before; a reload stays on the view, its heading focused.
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Keys', level: 2 })).toBeFocused();
  await page.goto(`${options.url}#usage`);
  await expect(page.getByRole('heading', { name: 'Usage', level: 2 })).toBeFocused();
  await expect(page.getByText('No requests yet.')).toBeVisible();

  // Esc closes the Add key form too.
  await options.view('Keys');
  await page.getByRole('button', { name: 'Add key' }).click();
  await page.getByLabel('API key').focus();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('form', { name: 'Add a key' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Add key' })).toBeFocused();

  // The popup: Open wallet when unlocked, the passphrase when locked.
  const popup = await openPopup(context, extensionId, new URL(app.url()).origin);
  await expect(popup.getByRole('button', { name: 'Open wallet' })).toBeFocused();
  await popup.getByRole('button', { name: 'Lock', exact: true }).click();
  await popup.reload();
  await expect(popup.getByLabel('Passphrase', { exact: true })).toBeFocused();
});
