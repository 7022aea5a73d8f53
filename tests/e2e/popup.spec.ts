/**
 * The toolbar popup as the control for the current tab's site: its status, spend against budget
 * (near and over the cap said in words, money in cents), Pause / Resume, Revoke with Undo,
 * Settings; nothing about any site while locked; no horizontal scroll at 360 px. In a tab the
 * active tab is the popup itself, so `?origin=` names the site (lib/sites/popup.ts).
 */
import type { Page } from '@playwright/test';
import { test, expect, PASSPHRASE, TEST_KEY } from './fixtures';
import { byokCall, chat, user } from './po/app';
import { connectApproved, walletWithKeys } from './po/setup';
import { openPopup } from './po/control';
import { uiCall } from './po/wallet-api';
import { lock } from './po/vault';

const SIZE = { width: 360, height: 600 };

const card = (popup: Page) => popup.getByRole('region', { name: 'This site' });

async function noHorizontalScroll(popup: Page): Promise<void> {
  expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(SIZE.width);
}

test("Pause and Resume the current site: paused, the site's chat is refused", async ({ context, options, app, mock, extensionId }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  await connectApproved(context, app, {}, '1');
  const origin = new URL(app.url()).origin;
  const popup = await openPopup(context, extensionId, origin, SIZE);
  await expect(card(popup).getByTestId('site-status')).toHaveText('Status: connected');
  await expect(card(popup)).toContainText(origin);
  await noHorizontalScroll(popup);

  await card(popup).getByRole('button', { name: 'Pause' }).click();
  await expect(card(popup).getByTestId('site-status')).toHaveText('Status: paused');
  expect((await chat(app, { ...user('while paused'), model: 'gpt-4o-mini' })).error).toMatchObject({ code: 4100 });

  await card(popup).getByRole('button', { name: 'Resume' }).click();
  await expect(card(popup).getByTestId('site-status')).toHaveText('Status: connected');
  expect((await chat(app, { ...user('resumed'), model: 'gpt-4o-mini' })).error).toBeUndefined();
  await noHorizontalScroll(popup);
});

test('Revoke the current site, with Undo', async ({ context, options, app, mock, extensionId }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  await connectApproved(context, app, {}, '1');
  const origin = new URL(app.url()).origin;
  const popup = await openPopup(context, extensionId, origin, SIZE);
  await card(popup).getByRole('button', { name: 'Revoke', exact: true }).click();
  await expect(card(popup).getByRole('status').filter({ hasText: 'Revoked' })).toContainText('it can no longer use your keys');
  await expect(card(popup).getByTestId('site-status')).toHaveText('Status: not connected');
  expect(await byokCall(app, 'getGrant')).toBeNull();
  await noHorizontalScroll(popup);

  await card(popup).getByRole('button', { name: `Undo revoking ${origin}` }).click();
  await expect(card(popup).getByTestId('site-status')).toHaveText('Status: connected');
  expect(await byokCall(app, 'getGrant')).toMatchObject({ origin });
});

test('near its budget, and over it: said in words, with money in cents', async ({ context, options, app, mock, extensionId }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  await options.setPrice('gpt-4o-mini', 10, 10);
  await connectApproved(context, app, { budget: { usd: 1, period: 'day' } });
  const origin = new URL(app.url()).origin;
  expect((await chat(app, { ...user('spend a little'), model: 'gpt-4o-mini', maxTokens: 20 })).error).toBeUndefined();
  const { spentUsd } = (await byokCall(app, 'getGrant')) as { spentUsd: number };
  expect(spentUsd).toBeGreaterThan(0);
  expect(spentUsd).toBeLessThan(0.01);
  const page = await options.open();
  const setBudget = (usd: number) => uiCall(page, 'grants.update', { origin, budget: { usd, period: 'day' } });

  // 85% of the budget spent.
  await setBudget(spentUsd / 0.85);
  const popup = await openPopup(context, extensionId, origin, SIZE);
  await expect(card(popup).getByRole('status')).toHaveText(/^Near its budget: 8\d% used\.$/);

  // Spent ten times the budget: a clear warning, never "$0.00062 of $0.00010".
  await setBudget(spentUsd / 10);
  await expect(card(popup).getByRole('status')).toContainText('Over budget: requests are refused.');
  await expect(card(popup)).toContainText('< $0.01 of < $0.01 today');
  await expect(card(popup)).not.toContainText('$0.000');
  await noHorizontalScroll(popup);
  expect((await chat(app, { ...user('over'), model: 'gpt-4o-mini', maxTokens: 20 })).error).toMatchObject({ code: 4402 });
});

test('while locked the popup shows only the unlock form, nothing about any site', async ({ context, options, app, mock, extensionId }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  await connectApproved(context, app, {}, '1');
  const origin = new URL(app.url()).origin;
  await lock(options);
  const popup = await openPopup(context, extensionId, origin, SIZE);
  await expect(popup.getByRole('button', { name: 'Unlock' })).toBeVisible();
  await expect(card(popup)).toHaveCount(0);
  expect(await popup.evaluate(() => document.body.innerText)).not.toContain(new URL(origin).host);
  await noHorizontalScroll(popup);

  await popup.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await popup.getByRole('button', { name: 'Unlock' }).click();
  await expect(card(popup).getByTestId('site-status')).toHaveText('Status: connected');
});

test("Settings opens the wallet at the site's settings; a site not connected is said so", async ({ context, options, app, mock, extensionId, site }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  await connectApproved(context, app, {}, '1');
  const origin = new URL(app.url()).origin;
  const popup = await openPopup(context, extensionId, origin, SIZE);
  const opened = context.waitForEvent('page', { predicate: (p) => p.url().includes('options.html?site=') });
  await card(popup).getByRole('button', { name: 'Settings' }).click();
  const settings = await opened;
  await expect(settings.getByRole('form', { name: `Settings for ${origin}` })).toBeVisible();

  const stranger = await openPopup(context, extensionId, site.otherOrigin, SIZE);
  await expect(card(stranger).getByTestId('site-status')).toHaveText('Status: not connected');
  await expect(card(stranger)).toContainText('This site has not asked to connect');
  await noHorizontalScroll(stranger);
});
