#!/usr/bin/env node
/**
 * `npm run demo`: builds the extension, starts the bundled mock provider and the demo app on
 * 127.0.0.1, and opens Chromium with the extension. Headless (CI set, or no display) it walks the
 * whole flow as a person would and prints what happened.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { build } from 'vite';
import { startMock } from '../mock/server.mjs';
import { startStaticServer } from './static-server.mjs';
import { launchWallet } from './browser.mjs';

const PASSPHRASE = 'demo passphrase 1234';
const KEY = 'sk-test-demo-key-4242';
const headless = Boolean(process.env.CI) || !process.env.DISPLAY || process.argv.includes('--headless');
const log = (step, detail = '') => console.log(`  ${step.padEnd(28)} ${detail}`);

if (!process.argv.includes('--no-build')) {
  console.log('Building the extension…');
  execFileSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  console.log('Building the demo app…');
  await build({ configFile: resolve('demo/vite.config.ts') });
}
const mock = await startMock();
const site = await startStaticServer({ '/': resolve('demo/dist') });
const wallet = await launchWallet({ headless });
console.log(`Mock provider: ${mock.url}   Demo app: ${site.url}   Chromium: ${headless ? 'headless' : 'window'}`);

if (!headless) {
  const options = await wallet.context.newPage();
  await options.goto(`chrome-extension://${wallet.extensionId}/options.html`);
  const app = await wallet.context.newPage();
  await app.goto(site.url);
  console.log(`\nIn the byok tab: create a wallet, then Add key -> OpenAI, any key starting "sk-test-",\nBase URL ${mock.url}/v1. Then use the demo tab. Ctrl+C to stop.`);
  await new Promise((resolveStop) => process.once('SIGINT', resolveStop));
} else {
  try {
    await walkThrough();
  } catch (error) {
    console.error(`\nThe demo failed: ${error instanceof Error ? error.message : error}`);
    for (const page of wallet.context.pages()) console.error(`  page ${page.url()}: ${(await page.locator('body').innerText().catch(() => '')).slice(0, 300).replace(/\n/g, ' | ')}`);
    process.exitCode = 1;
  }
}
await wallet.close();
await site.close();
await mock.close();

async function walkThrough() {
  const { context, extensionId } = wallet;
  console.log('\nWalking the flow:');
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await options.getByLabel('Confirm passphrase', { exact: true }).fill(PASSPHRASE);
  const t0 = performance.now();
  await options.getByRole('button', { name: 'Create wallet' }).click();
  await options.getByRole('button', { name: 'Add key' }).waitFor();
  log('Created the wallet', `(scrypt N=2^17, ${Math.round(performance.now() - t0)} ms)`);

  await options.getByRole('button', { name: 'Add key' }).click();
  await options.getByLabel('Provider', { exact: true }).selectOption({ label: 'OpenAI' });
  await options.getByLabel('API key').fill(KEY);
  await options.getByLabel('Base URL').fill(`${mock.url}/v1`);
  await options.getByRole('button', { name: 'Save key' }).click();
  await options.getByRole('button', { name: 'Add key' }).waitFor();
  log('Added an OpenAI key', `(validated against ${mock.url}/v1/models; shown as ${await options.getByText(/••••/).first().textContent()})`);

  // The mock runs on 127.0.0.1, which is free by default; price it like OpenAI's gpt-4o-mini.
  // Prices are in the Settings view: its item in the Wallet navigation shows it.
  await options.getByRole('navigation', { name: 'Wallet' }).getByRole('link', { name: 'Settings', exact: true }).click();
  await options.getByLabel('Price model').selectOption('gpt-4o-mini');
  await options.getByLabel('Input price (USD per million tokens)').fill('0.15');
  await options.getByLabel('Output price (USD per million tokens)').fill('0.6');
  await options.getByRole('button', { name: 'Set price' }).click();
  await options.getByText('gpt-4o-mini: $0.15 in').waitFor();
  log('Priced the mock model', '$0.15 / $0.60 per million tokens');
  // And its speech and image models like OpenAI's tts-1 and dall-e-3, each in its own unit.
  for (const [model, unit, usd] of [['tts-1', 'per million characters', '15'], ['dall-e-3', 'per image', '0.04']]) {
    await options.getByLabel('Price model').selectOption(model);
    await options.getByLabel(`Price (USD ${unit})`).fill(usd);
    await options.getByRole('button', { name: 'Set price' }).click();
    await options.getByRole('list', { name: 'Price overrides' }).getByText(model).first().waitFor();
  }
  log('Priced its media models', '$15 per million characters (tts-1), $0.04 an image (dall-e-3)');

  const app = await context.newPage();
  await app.goto(site.url);
  await app.getByText('Wallet found.').waitFor();
  log('Opened the demo app', site.url);

  /** Clicks `button` in the app, then Approve in the approval window it opens; resolves with the requesting origin. */
  const approveAfter = async (button) => {
    const approvalWindow = context.waitForEvent('page', { predicate: (p) => p.url().includes('approve.html') });
    await app.getByRole('button', { name: button }).click();
    const approval = await approvalWindow;
    await approval.getByLabel('Budget (USD)').waitFor();
    const asking = await approval.getByTestId('requesting-origin').textContent();
    const closed = approval.waitForEvent('close');
    // Approve is ignored until the window has been shown and focused for a moment: wait until it is armed.
    await approval.locator('button[data-armed="true"]', { hasText: 'Approve' }).waitFor();
    // The window may close before the click returns: that is the approval going through.
    await approval.getByRole('button', { name: 'Approve' }).click().catch((error) => { if (!approval.isClosed()) throw error; });
    await closed;
    return asking;
  };
  const origin = await approveAfter('Connect wallet');
  await app.getByText(/^Connected as/).waitFor();
  log("Approved the connection", `for ${origin}`);

  await app.getByLabel('Message').fill('What is bring-your-own-key?');
  await app.getByRole('button', { name: 'Send' }).click();
  const reply = app.getByRole('list', { name: 'Conversation' }).getByRole('listitem').last();
  const outcome = (await reply.getByText(/ in \/ .* out, \$|^Error/).textContent()) ?? '';
  if (outcome.startsWith('Error')) throw new Error(`the chat failed: ${outcome}`);
  await app.getByText(/^Spent \$[\d.]*[1-9]/).waitFor();
  log('Streamed a chat', JSON.stringify(await reply.locator('p').textContent()));
  log('Usage', outcome);
  log('Spend', (await app.getByText(/^Spent \$/).textContent()) ?? '');

  // Read the reply aloud, then draw it: each asks the wallet for its scope the first time.
  const media = app.getByRole('region', { name: 'Read it aloud or draw it' });
  await approveAfter('Read it aloud');
  await media.getByLabel('The reply, spoken').waitFor();
  log('Read the reply aloud', (await media.getByText(/ characters, \$/).textContent()) ?? '');
  await approveAfter('Draw it');
  await media.getByRole('img', { name: 'The reply, drawn' }).waitFor();
  log('Drew the reply', (await media.getByText(/ image, \$/).textContent()) ?? '');

  const pageSawKey = await app.evaluate((k) => document.documentElement.outerHTML.includes(k) || JSON.stringify(localStorage).includes(k), KEY);
  log('The page never saw the key', pageSawKey ? 'FAILED: the key is visible to the page' : 'yes');
  if (pageSawKey) throw new Error('the key leaked to the page');
  console.log('\nDone: the page chatted, spoke and drew through the wallet, within its budget, without the key.');
}
