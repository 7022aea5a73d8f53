/**
 * Attack: another extension (docs/THREAT_MODEL.md). A second, hostile extension is written to a
 * temp dir and loaded next to the wallet: its background messages and ports are refused by the
 * browser itself (`externally_connectable: { ids: [], matches: [] }`), even when the wallet has a
 * listener for them; its content script, like the page, has at most the page's own grant.
 */
import { chromium, type Worker } from '@playwright/test';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, PASSPHRASE, TEST_KEY } from '../fixtures';
import { CHROMIUM_ARGS, CHROMIUM_PATH, EXTENSION_PATH } from '../../../scripts/browser.mjs';
import { messages } from '../../../lib/protocol/messages';
import { connectApproved, walletWithKeys } from '../po/setup';

const EVIL_BACKGROUND = `
/** Everything a hostile extension can try against the wallet from its background. */
self.attack = async (walletId) => {
  const out = {};
  const send = async (name, message) => {
    try {
      out[name] = { reply: await chrome.runtime.sendMessage(walletId, message) };
    } catch (error) {
      out[name] = { error: String(error.message || error) };
    }
  };
  const connect = (name, portName, message) =>
    new Promise((resolve) => {
      const port = chrome.runtime.connect(walletId, portName ? { name: portName } : undefined);
      port.onMessage.addListener((reply) => resolve((out[name] = { reply })));
      port.onDisconnect.addListener(() => resolve((out[name] = { disconnected: chrome.runtime.lastError?.message ?? null })));
      try {
        port.postMessage(message);
      } catch (error) {
        resolve((out[name] = { error: String(error.message || error) }));
      }
    });
  await send('uiStatus', { byokUi: 1, command: 'vault.status' });
  await send('uiKeys', { byokUi: 1, command: 'keys.list' });
  await send('uiUnlock', { byokUi: 1, command: 'vault.unlock', params: { passphrase: ${JSON.stringify(PASSPHRASE)} } });
  await send('pageRequest', { t: 'req', id: 1, method: 'getGrant' });
  await connect('pagePort', 'byok-page/v1', { t: 'req', id: 1, method: 'getGrant' });
  await connect('anyPort', '', { byokUi: 1, command: 'keys.list' });
  return out;
};
`;

/** The hostile extension's content script: it speaks the page channel, as any page script can. */
const EVIL_CONTENT = `
document.addEventListener('evil:go', () => {
  const results = [];
  window.addEventListener('byok/v1:to-page', (event) => {
    const m = JSON.parse(event.detail);
    if (m.t !== 'res' || m.id < 7000) return;
    results.push(m);
    if (results.length === 2) document.documentElement.dataset.evil = JSON.stringify(results.sort((a, b) => a.id - b.id));
  });
  const post = (m) => window.dispatchEvent(new CustomEvent('byok/v1:to-wallet', { detail: JSON.stringify(m) }));
  post({ t: 'req', id: 7001, method: 'getGrant' });
  post({ t: 'req', id: 7002, method: 'getGrant', origin: 'https://bank.example' });
});
`;

const test = base.extend<{ evil: Worker }>({
  // Both extensions in one fresh profile.
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  context: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'byok-evil-'));
    await writeFile(
      join(dir, 'manifest.json'),
      JSON.stringify({
        manifest_version: 3,
        name: 'evil',
        version: '1.0',
        background: { service_worker: 'evil-background.js' },
        host_permissions: ['http://127.0.0.1/*'],
        content_scripts: [{ matches: ['http://127.0.0.1/*'], js: ['evil-content.js'], run_at: 'document_start' }],
      }),
    );
    await writeFile(join(dir, 'evil-background.js'), EVIL_BACKGROUND);
    await writeFile(join(dir, 'evil-content.js'), EVIL_CONTENT);
    const profile = await mkdtemp(join(tmpdir(), 'byok-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [`--disable-extensions-except=${EXTENSION_PATH},${dir}`, `--load-extension=${EXTENSION_PATH},${dir}`, ...CHROMIUM_ARGS],
    });
    await use(context);
    await context.close();
    await rm(profile, { recursive: true, force: true });
    await rm(dir, { recursive: true, force: true });
  },
  sw: async ({ context }, use) => use(await workerEndingWith(context, '/background.js')),
  evil: async ({ context }, use) => use(await workerEndingWith(context, '/evil-background.js')),
});

async function workerEndingWith(context: import('@playwright/test').BrowserContext, suffix: string): Promise<Worker> {
  for (;;) {
    const found = context.serviceWorkers().find((w) => w.url().endsWith(suffix));
    if (found) return found;
    await context.waitForEvent('serviceworker');
  }
}

test("another extension's messages and ports are refused by the browser, even with a listener in the wallet", async ({ sw, evil, extensionId, options }) => {
  await options.createWallet(PASSPHRASE);
  const page = await options.open();
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByRole('button', { name: 'Unlock' }).waitFor();
  // Stand-ins for a future bug or a dependency that listens to other extensions: they must stay silent.
  await sw.evaluate(() => {
    type Event<F> = { addListener(f: F): void };
    type Port = { sender?: { id?: string }; postMessage(m: unknown): void };
    const g = globalThis as unknown as {
      chrome: { runtime: { onMessageExternal: Event<(m: unknown, s: { id?: string }, reply: (r: unknown) => void) => void>; onConnectExternal: Event<(p: Port) => void> } };
      __external: string[];
    };
    g.__external = [];
    g.chrome.runtime.onMessageExternal.addListener((_m, sender, reply) => {
      g.__external.push(`message from ${sender.id}`);
      reply({ leaked: true });
    });
    g.chrome.runtime.onConnectExternal.addListener((port) => {
      g.__external.push(`port from ${port.sender?.id}`);
      port.postMessage({ leaked: true });
    });
  });
  const refused = 'Could not establish connection. Receiving end does not exist.';
  const outcome = await evil.evaluate((id) => (globalThis as unknown as { attack(id: string): Promise<unknown> }).attack(id), extensionId);
  expect(outcome).toEqual({
    uiStatus: { error: refused },
    uiKeys: { error: refused },
    uiUnlock: { error: refused },
    pageRequest: { error: refused },
    pagePort: { disconnected: refused },
    anyPort: { disconnected: refused },
  });
  expect(await sw.evaluate(() => (globalThis as unknown as { __external: string[] }).__external)).toEqual([]);
  // The wallet is as it was: still locked after the attempt to unlock it.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeVisible();
});

test("another extension's content script has at most the page's own grant", async ({ context, options, mock, site }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  const page = await context.newPage();
  await page.goto(`${site.url}/index.html`);
  await connectApproved(context, page, {}, '1');
  await page.evaluate(() => document.dispatchEvent(new Event('evil:go')));
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.evil ?? null)).not.toBeNull();
  const results = JSON.parse((await page.evaluate(() => document.documentElement.dataset.evil))!) as { id: number; ok: boolean; value?: { origin: string }; error?: unknown }[];
  expect(results[0]).toMatchObject({ id: 7001, ok: true, value: { origin: site.url } });
  expect(results[1]).toEqual({ t: 'res', id: 7002, ok: false, error: { code: -32602, message: messages.invalidParams('message.origin', 'unknown field') } });
});
