/** Local apps: the real byok-bridge host, `connect`, and the official SDKs from another process. */
import { PASSPHRASE, TEST_KEY } from './fixtures';
import { walletWithKeys } from './po/setup';
import { allowLocalApps, connectApp, expect, installBridge, sdk, test } from './support/bridge';
import { stopServiceWorkers } from './support/worker-cdp';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWallet } from '../../scripts/browser.mjs';
import { OptionsPage } from './po/options-page';
import { unlockWindow } from './po/approval-window';

test('a local app connects with byok-bridge and streams through the OpenAI and Anthropic SDKs', async ({ context, options, mock, profile, extensionId }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  installBridge(profile, extensionId);
  const port = await allowLocalApps(options);

  const rejected = await connectApp(context, port, 'test-agent', 'Reject');
  expect(rejected.code).toBe(1);
  expect(rejected.stderr).toContain('Not connected');

  const app = await connectApp(context, port, 'test-agent', 'Approve', '1');
  expect(app.code).toBe(0);
  expect(app.env.OPENAI_BASE_URL).toBe(`http://127.0.0.1:${port}/openai/v1`);
  expect(app.env.ANTHROPIC_BASE_URL).toBe(`http://127.0.0.1:${port}/anthropic`);
  expect(app.env.OPENAI_API_KEY).toMatch(/^byok_app_/);
  expect(app.env.ANTHROPIC_API_KEY).toBe(app.env.OPENAI_API_KEY);

  const streamed = await sdk(app.env, 'openai-stream');
  expect(streamed.text).toContain('You said: hello bridge');
  expect(streamed.chunks).toBeGreaterThan(2);
  expect((await sdk(app.env, 'models')).ids).toContain('gpt-4o-mini');
  expect((await sdk(app.env, 'anthropic-stream')).text).toContain('mock anthropic');

  // Listed like a site, named as an app, with its spend and a Revoke button.
  const page = await options.view('Sites & apps');
  const row = options.site('app:test-agent');
  await expect(row).toContainText('test-agent (local app)');
  await expect(row.getByRole('button', { name: 'Revoke' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Settings for app:test-agent' })).toBeVisible();
});

test('budget refusal is HTTP 402, an abort reaches the provider, and Revoke ends the token at once', async ({ context, options, mock, profile, extensionId }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  installBridge(profile, extensionId);
  const port = await allowLocalApps(options);
  const app = await connectApp(context, port, 'test-agent', 'Approve', '1');

  mock.reset();
  const aborted = await sdk(app.env, 'abort');
  expect(aborted).toMatchObject({ aborted: true, chunks: 2 });
  await expect.poll(() => mock.stats().aborted).toBe(1);

  // A price that makes one request's upper bound exceed the $1 budget: refused before sending.
  await options.setPrice('gpt-4o-mini', 100_000, 100_000);
  const refused = await sdk(app.env, 'openai-chat');
  expect(refused.error).toMatchObject({ status: 402 });
  expect((refused.error as { headers: Record<string, string> }).headers['x-should-retry']).toBe('false');

  await options.revoke('app:test-agent');
  const revoked = await sdk(app.env, 'models');
  expect(revoked.error).toMatchObject({ status: 401 });
});

test('after the worker restarts, the host is running again on the same address and the app’s token still works', async ({ context, options, mock, profile, extensionId }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  installBridge(profile, extensionId);
  const port = await allowLocalApps(options);
  const app = await connectApp(context, port, 'test-agent', 'Approve', '1');
  expect((await sdk(app.env, 'openai-stream')).text).toContain('You said: hello bridge');

  // Chrome stops an idle worker (and an update or a crash stops a busy one): the host goes with it.
  await stopServiceWorkers(context);
  // Anything that wakes the worker starts the host again, on the address the app was given.
  const page = await options.view('Sites & apps');
  await page.reload();
  await expect(page.getByTestId('local-apps-address')).toHaveText(`http://127.0.0.1:${port}`, { timeout: 20_000 });
  await expect.poll(async () => ((await sdk(app.env, 'openai-stream').catch(() => ({ text: '' }))) as { text: string }).text, { timeout: 20_000 }).toContain('You said: hello bridge');
});

test('after a browser restart, the host runs again on its address with no page opened, and the app’s token still works', async ({ mock }) => {
  const profile = await mkdtemp(join(tmpdir(), 'byok-bridge-restart-'));
  try {
    const first = await launchWallet({ headless: true, profile });
    let env: Record<string, string>;
    let port: number;
    try {
      const options = new OptionsPage(first.context, first.extensionId);
      await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
      installBridge(profile, first.extensionId);
      port = await allowLocalApps(options);
      const app = await connectApp(first.context, port, 'test-agent', 'Approve', '1');
      env = app.env;
    } finally {
      await first.close();
    }
    const again = await launchWallet({ headless: true, profile });
    try {
      // No page of the wallet's is opened: the worker starts with the browser, and the host with it.
      await expect.poll(async () => (await fetch(`http://127.0.0.1:${port}/byok/status`).catch(() => null))?.status ?? 0, { timeout: 30_000 }).toBe(200);
      // Locked after the restart: the app's request waits for the unlock window, unlocked there.
      const answered = sdk(env, 'openai-stream');
      await unlockWindow(again.context, PASSPHRASE);
      expect((await answered).text).toContain('You said: hello bridge');
    } finally {
      await again.close();
    }
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
});
