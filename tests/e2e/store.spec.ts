/**
 * The store listing's screenshots (store/README.md), made from the real UI at the stores' size,
 * 1280x800: the wallet's keys, a site's approval window, the running site, its usage, and the
 * toolbar popup. Each is checked to be a PNG of exactly that size; with BYOK_STORE_IMAGES=1
 * (`npm run store:screenshots`) they are written to store/screenshots/ for the listing.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, PASSPHRASE, TEST_KEY } from './fixtures';
import { clickClosing, nextWindow } from './po/approval-window';
import { openPopup } from './po/control';
import { walletWithKeys } from './po/setup';

const SIZE = { width: 1280, height: 800 };
const toStore = Boolean(process.env.BYOK_STORE_IMAGES);

/** Writes a 1280x800 PNG of `page` named `name` and checks its size from the PNG header. */
async function shot(page: Page, name: string): Promise<void> {
  await page.setViewportSize(SIZE);
  // A listing shows a page from its top (focus may have scrolled it to a button below).
  await page.evaluate(() => window.scrollTo(0, 0));
  const path = toStore ? resolve('store/screenshots', `${name}.png`) : test.info().outputPath(`${name}.png`);
  await page.screenshot({ path, animations: 'disabled', caret: 'hide', scale: 'css' });
  const png = await readFile(path);
  // IHDR: width and height, big-endian, at bytes 16 and 20 of every PNG.
  expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual(SIZE);
}

test('the store screenshots: keys, approval, the site, usage, popup, each 1280x800', async ({ context, options, mock, site, extensionId }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  await options.setPrice('gpt-4o-mini', 0.15, 0.6);
  const wallet = await options.view('Keys');
  await expect(wallet.getByRole('listitem', { name: 'Mock Anthropic' })).toBeVisible();
  await shot(wallet, '1-keys');

  // The demo app asks to connect: the approval window, pictured before it is approved.
  const demo = await context.newPage();
  await demo.goto(`${site.url}/demo/`);
  await expect(demo.getByRole('status')).toHaveText('Wallet found.');
  await demo.getByRole('button', { name: 'Connect wallet' }).click();
  const approval = await nextWindow(context, 'approve.html');
  await expect(approval.getByTestId('requesting-origin')).toHaveText(site.url);
  await shot(approval, '2-approve');
  await clickClosing(approval, 'Approve');

  await expect(demo.getByRole('status')).toHaveText(`Connected as ${site.url}`);
  await demo.getByLabel('Message').fill('What is bring-your-own-key?');
  await demo.getByRole('button', { name: 'Send' }).click();
  await expect(demo.getByRole('list', { name: 'Conversation' }).getByRole('listitem').last()).toContainText(/gpt-4o-mini: \d+ in/);
  await shot(demo, '3-site');

  const usage = await options.view('Usage');
  await expect(usage.getByRole('region', { name: 'Recent requests' })).toContainText('gpt-4o-mini');
  await shot(usage, '4-usage');

  const popup = await openPopup(context, extensionId, site.url, SIZE);
  await expect(popup.getByRole('region', { name: 'This site' })).toContainText(site.url);
  await shot(popup, '5-popup');
});
