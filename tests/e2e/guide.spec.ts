/**
 * The user guide's walk (docs/USER_GUIDE.md), as a person does it: create the wallet, add a key,
 * connect the demo app in the approval window, chat, and see the spend in the wallet. Each step's
 * screenshot goes to the test's output folder; with BYOK_DOCS_IMAGES=1 (`npm run docs:images`)
 * to docs/images/ for the guide.
 */
import { resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect, PASSPHRASE, TEST_KEY } from './fixtures';
import { clickClosing, nextWindow } from './po/approval-window';

const toDocs = Boolean(process.env.BYOK_DOCS_IMAGES);

/** Saves a PNG of `what` (a page, or one part of it) named `name`. */
async function shot(what: Page | Locator, name: string): Promise<void> {
  const path = toDocs ? resolve('docs/images', `${name}.png`) : test.info().outputPath(`${name}.png`);
  await what.screenshot({ path, animations: 'disabled', caret: 'hide', scale: 'css' });
}

test('the user guide: options, add a key, approve a site, chat, see the spend', async ({ context, options, mock, site }) => {
  // 1. First run: the options page creates the wallet.
  const wallet = await options.open();
  await wallet.setViewportSize({ width: 760, height: 560 });
  await wallet.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await wallet.getByLabel('Confirm passphrase', { exact: true }).fill(PASSPHRASE);
  await shot(wallet, '1-create-wallet');
  await wallet.getByRole('button', { name: 'Create wallet' }).click();

  // 2. Add a key: OpenAI, its key, and (for the mock) a base URL.
  await wallet.getByRole('button', { name: 'Add key' }).click();
  await wallet.getByLabel('Provider', { exact: true }).selectOption({ label: 'OpenAI' });
  await wallet.getByLabel('Name', { exact: true }).fill('My OpenAI key');
  await wallet.getByLabel('API key').fill(TEST_KEY);
  await wallet.getByLabel('Base URL').fill(`${mock.url}/v1`);
  await shot(wallet.getByRole('form', { name: 'Add a key' }), '2-add-key');
  await wallet.getByRole('button', { name: 'Save key' }).click();
  const keys = wallet.getByRole('region', { name: 'Keys' });
  await expect(keys.getByRole('listitem')).toHaveCount(1);
  await expect(keys).toContainText(`••••${TEST_KEY.slice(-4)}`);
  await shot(keys, '3-keys');
  // The mock is on 127.0.0.1 (free by default): price its model so the spend shows.
  await options.setPrice('gpt-4o-mini', 0.15, 0.6);

  // 3. A site asks to connect: the wallet's approval window.
  const app = await context.newPage();
  await app.setViewportSize({ width: 720, height: 520 });
  await app.goto(`${site.url}/demo/`);
  await expect(app.getByRole('status')).toHaveText('Wallet found.');
  await app.getByRole('button', { name: 'Connect wallet' }).click();
  const approval = await nextWindow(context, 'approve.html');
  await expect(approval.getByLabel('Budget (USD)')).toHaveValue('1');
  await expect(approval.getByTestId('requesting-origin')).toHaveText(site.url);
  await shot(approval.getByRole('main'), '4-approve');
  await clickClosing(approval, 'Approve');

  // 4. The site chats through the wallet; the reply streams in, with its cost.
  await expect(app.getByRole('status')).toHaveText(`Connected as ${site.url}`);
  await app.getByLabel('Message').fill('What is bring-your-own-key?');
  await app.getByRole('button', { name: 'Send' }).click();
  const reply = app.getByRole('list', { name: 'Conversation' }).getByRole('listitem').last();
  await expect(reply).toContainText(/gpt-4o-mini: \d+ in \/ \d+ out, \$0\.0000\d+/);
  await expect(app.getByText(/^Spent \$0\.0000\d+ of \$1\.00 today$/)).toBeVisible();
  await shot(app, '5-chat');

  // 5. Back in the wallet: the site, its budget and spend, and the request in the usage ledger.
  await wallet.reload();
  await options.view('Sites & apps');
  const sites = wallet.getByRole('region', { name: 'Connected sites' });
  await expect(sites.getByRole('listitem', { name: site.url })).toBeVisible();
  await expect(sites.getByRole('button', { name: 'Revoke' })).toBeVisible();
  await shot(sites, '6-sites');
  await options.view('Usage');
  const ledger = wallet.getByRole('region', { name: 'Recent requests' });
  await expect(ledger).toContainText('gpt-4o-mini');
  await shot(ledger, '7-usage');
});
