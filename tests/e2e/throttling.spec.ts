/**
 * Chromium's throttling of extension requests (lib/providers/extension-throttle.ts): after three
 * 503 answers from one URL, Chromium refuses the worker's next requests to it for a while, and
 * `fetch` only says "Failed to fetch". The page must hear what happened and when to retry.
 * Chromium never throttles localhost, so the mock is reached under a name that maps to it.
 */
import { launchWallet } from '../../scripts/browser.mjs';
import { test as base, expect, PASSPHRASE, TEST_KEY } from './fixtures';
import { chat, user } from './po/app';
import { connectApproved } from './po/setup';
import { uiCall } from './po/wallet-api';

const HOST = 'throttle.test';

const test = base.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  context: async ({}, use) => {
    const wallet = await launchWallet({ headless: true, args: [`--host-resolver-rules=MAP ${HOST} 127.0.0.1`] });
    await use(wallet.context);
    await wallet.close();
  },
});

test('after repeated 503 answers Chromium holds requests back: the page gets a 5000 naming the provider and when to retry', async ({ context, options, app, mock }) => {
  await options.createWallet(PASSPHRASE);
  const baseUrl = `${mock.url.replace('127.0.0.1', HOST)}/v1`;
  // Through the UI protocol: the form would ask for a host permission, which needs a person.
  await uiCall(await options.open(), 'keys.add', { provider: 'openai-compatible', name: 'Remote', secret: TEST_KEY, baseUrl });
  // A price, so the budget can admit the calls (a remote OpenAI-compatible server has none known).
  await options.setPrice('gpt-4o-mini', 1, 1);
  await connectApproved(context, app, {}, '1');
  mock.reset();

  // Chromium's back-off starts at the third error in a row and grows with each (0.7 s, then ×1.4):
  // a request that happens to come after it ends fails once more and makes the next one longer.
  const messages: string[] = [];
  for (let attempt = 0; attempt < 12 && !messages.some((m) => m.includes('holding back')); attempt += 1) {
    const { error } = await chat(app, { ...user('[[error:503]] please'), model: 'gpt-4o-mini' });
    expect(error).toMatchObject({ code: 5000 });
    messages.push(error?.message ?? '');
  }
  expect(messages.slice(0, 3)).toEqual(Array.from({ length: 3 }, () => expect.stringContaining('HTTP 503')));
  expect(messages.at(-1)).toMatch(/^Chromium is holding back requests to OpenAI-compatible after repeated server errors; try again in about (a second|\d+ seconds)$/);
  // The refused request never reached the provider.
  expect(mock.stats().byPath['/v1/chat/completions']).toBe(messages.length - 1);
});
