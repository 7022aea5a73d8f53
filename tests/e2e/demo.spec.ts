/**
 * The demo chat app (demo/, built into demo/dist and served under /demo/) in real Chromium: the
 * whole flow with the wallet installed, and the install hint without it.
 */
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/browser.mjs';
import { test, expect, PASSPHRASE, TEST_KEY } from './fixtures';
import { approve, reject } from './po/approval-window';
import { walletWithKeys } from './po/setup';

/** The demo's parts, by the names a person sees. */
const demo = (page: Page) => ({
  status: page.getByRole('status'),
  connect: page.getByRole('button', { name: 'Connect wallet' }),
  model: page.getByLabel('Model'),
  message: page.getByLabel('Message'),
  send: page.getByRole('button', { name: 'Send' }),
  stop: page.getByRole('button', { name: 'Stop' }),
  replies: page.getByRole('list', { name: 'Conversation' }).getByRole('listitem').filter({ hasText: 'Assistant' }),
  spend: page.getByText(/^Spent \$/),
});

const spentUsd = async (page: Page) => Number(/Spent \$([\d.]+)/.exec((await demo(page).spend.textContent()) ?? '')?.[1]);

test('the demo app: connect, pick a model, stream, stop, spend shown', async ({ context, options, mock, site }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  // The mock runs on 127.0.0.1, free by default: price gpt-4o-mini so the spend moves.
  await options.setPrice('gpt-4o-mini', 0.15, 0.6);
  const page = await context.newPage();
  await page.goto(`${site.url}/demo/`);
  const ui = demo(page);
  await expect(ui.status).toHaveText('Wallet found.');

  // A rejected connection says so, and the app can ask again.
  await ui.connect.click();
  await reject(context);
  await expect(page.getByRole('alert')).toContainText('Error 4001');
  await ui.connect.click();
  await approve(context);
  await expect(ui.status).toHaveText(`Connected as ${site.url}`);
  await expect(ui.spend).toHaveText('Spent $0 of $1.00 today');

  // The model picker holds the granted models; pick Anthropic's, then OpenAI's.
  await expect(ui.model.locator('option')).toContainText(['gpt-4o-mini', 'gpt-4o', 'claude-haiku-4-5'].map((m) => new RegExp(m)) as never);
  await ui.model.selectOption('claude-haiku-4-5');
  await ui.message.fill('bonjour');
  await ui.send.click();
  await expect(ui.replies.last()).toContainText('Hello from the mock anthropic (claude-haiku-4-5). You said: bonjour');
  await expect(ui.replies.last()).toContainText(/claude-haiku-4-5: \d+ in \/ \d+ out, \$0/);

  await ui.model.selectOption('gpt-4o-mini');
  await ui.message.fill('What is bring-your-own-key?');
  await ui.send.click();
  await expect(ui.replies.last()).toContainText('You said: What is bring-your-own-key?');
  await expect(ui.replies.last()).toContainText(/gpt-4o-mini: \d+ in \/ \d+ out, \$0\.0000\d+/);
  await expect.poll(() => spentUsd(page)).toBeGreaterThan(0);
  const before = await spentUsd(page);

  // Stop a slow stream halfway: the reply keeps what streamed, the provider call is aborted.
  mock.reset();
  await ui.message.fill('[[chunks:400]] [[delay:20]] a long answer');
  await ui.send.click();
  await expect(ui.stop).toBeEnabled();
  await expect(ui.replies.last()).toContainText('w2 ');
  await ui.stop.click();
  await expect(ui.replies.last()).toContainText('Stopped.');
  await expect(ui.stop).toBeDisabled();
  await expect.poll(() => mock.stats()).toMatchObject({ aborted: 1, active: 0 });
  // What streamed before the stop is charged, and shown.
  await expect.poll(() => spentUsd(page)).toBeGreaterThan(before);
  expect(await ui.replies.last().textContent()).not.toContain('w399');

  // The conversation goes on after a stop.
  await ui.message.fill('still there?');
  await ui.send.click();
  await expect(ui.replies.last()).toContainText('You said: still there?');
});

test('without the wallet, the demo shows how to install it', async ({ site }) => {
  // A plain Chromium, same binary and flags, no extension.
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage();
    await page.goto(`${site.url}/demo/`);
    await expect(page.getByRole('heading', { name: 'Install the byok wallet' })).toBeVisible();
    await expect(demo(page).status).toHaveText('No wallet found.');
    await expect(demo(page).connect).toHaveCount(0);
    expect(await page.evaluate(() => 'byok' in window)).toBe(false);
  } finally {
    await browser.close();
  }
});

test('the demo app reads a reply aloud and draws it, asking for each scope the first time', async ({ context, options, mock, site }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  const page = await context.newPage();
  await page.goto(`${site.url}/demo/`);
  const ui = demo(page);
  await ui.connect.click();
  await approve(context);
  await ui.message.fill('A lighthouse at dusk');
  await ui.send.click();
  await expect(ui.replies.last()).toContainText('You said: A lighthouse at dusk');

  const media = page.getByRole('region', { name: 'Read it aloud or draw it' });
  await media.getByRole('button', { name: 'Read it aloud' }).click();
  // The grant had no speech scope: the approval window asks for it.
  await approve(context);
  await expect(media.getByLabel('The reply, spoken')).toBeVisible();
  await expect(media.getByText(/^tts-1: \d+ characters, \$/)).toBeVisible();

  await media.getByRole('button', { name: 'Draw it' }).click();
  await approve(context);
  await expect(media.getByRole('img', { name: 'The reply, drawn' })).toBeVisible();
  await expect(media.getByText(/^dall-e-3: 1 image, \$/)).toBeVisible();
  expect(mock.stats().byPath['/v1/audio/speech']).toBe(1);
  expect(mock.stats().byPath['/v1/images/generations']).toBe(1);
});
