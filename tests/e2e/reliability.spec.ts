/**
 * Faults and load (issue 9): a worker stopped mid-stream or during an approval, a browser
 * restart, a hanging provider, and 100 concurrent streams across 10 tabs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWallet } from '../../scripts/browser.mjs';
import { test, expect, PASSPHRASE, TEST_KEY } from './fixtures';
import { byokCall, chat, user } from './po/app';
import { clickClosing, nextWindow, unlockWindow } from './po/approval-window';
import { OptionsPage } from './po/options-page';
import { connectApproved, walletWithKeys } from './po/setup';
import { uiCall, type LedgerRow } from './po/wallet-api';
import { stopServiceWorkers, WorkerCdp } from './support/worker-cdp';

const spentNano = (rows: LedgerRow[]) => rows.reduce((s, r) => s + r.costNano, 0);

test('worker stopped mid-stream: a clean error at once, one settlement, a consistent ledger', async ({ context, options, app, mock }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  await options.setPrice('gpt-4o-mini', 100, 100);
  await connectApproved(context, app, {}, '5');
  mock.reset();
  await app.evaluate(() => {
    const w = window as unknown as { byok: { chat(r: unknown, o: unknown): Promise<unknown> }; outcome?: unknown; deltas: number };
    w.deltas = 0;
    w.byok
      .chat({ messages: [{ role: 'user', content: '[[chunks:2000]] [[delay:10]] long' }], model: 'gpt-4o-mini', maxTokens: 3000 }, { onDelta: () => w.deltas++ })
      .then((r) => (w.outcome = { ok: r }), (e: { code: number; message: string }) => (w.outcome = { code: e.code, message: e.message, at: performance.now() }));
  });
  await expect.poll(() => app.evaluate(() => (window as unknown as { deltas: number }).deltas)).toBeGreaterThan(5);
  const stoppedAt = await app.evaluate(() => performance.now());
  await stopServiceWorkers(context);
  const outcome = (await expect
    .poll(() => app.evaluate(() => (window as unknown as { outcome?: unknown }).outcome), { timeout: 5_000 })
    .toBeTruthy()
    .then(() => app.evaluate(() => (window as unknown as { outcome: { code: number; message: string; at: number } }).outcome))) as { code: number; message: string; at: number };
  expect(outcome.code).toBe(5000);
  expect(outcome.message).toContain('restarted');
  expect(outcome.at - stoppedAt).toBeLessThan(2_000);
  // The upstream call died with the worker.
  await expect.poll(() => mock.stats().aborted).toBe(1);

  // The next request wakes a new worker, which first settles what the old one left pending.
  const again = await chat(app, { ...user('after'), model: 'gpt-4o-mini' });
  expect(again.error).toBeUndefined();
  const page = await options.open();
  const rows = await uiCall<LedgerRow[]>(page, 'ledger.recent');
  expect(rows.map((r) => r.status).sort()).toEqual(['interrupted', 'ok']);
  const interrupted = rows.find((r) => r.status === 'interrupted')!;
  expect(interrupted.costNano).toBeGreaterThan(0);
  expect(interrupted.costNano).toBeLessThanOrEqual(interrupted.reservedNano);
  const grant = (await byokCall(app, 'getGrant')) as { spentUsd: number };
  expect(Math.round(grant.spentUsd * 1e9)).toBe(spentNano(rows));
});

test('worker restarted while the approval window is open: approving still connects the page', async ({ context, options, app, mock }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  const connecting = byokCall(app, 'connect', { reason: 'restart test' });
  const win = await nextWindow(context, 'approve.html');
  await win.getByLabel('Budget (USD)').waitFor();
  await stopServiceWorkers(context);
  await clickClosing(win, 'Approve');
  expect(await connecting).toMatchObject({ origin: new URL(app.url()).origin });
  expect((await chat(app, user('hello'))).result?.text).toContain('hello');
});

test('browser restart: the vault comes back locked; grants and ledger are intact', async ({ mock, site }) => {
  const profile = await mkdtemp(join(tmpdir(), 'byok-restart-'));
  try {
    let wallet = await launchWallet({ headless: true, profile });
    let options = new OptionsPage(wallet.context, wallet.extensionId);
    await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
    let app = await wallet.context.newPage();
    await app.goto(`${site.url}/index.html`);
    await connectApproved(wallet.context, app, {}, '2');
    expect((await chat(app, user('first run'))).result?.text).toContain('first run');
    await wallet.close();

    wallet = await launchWallet({ headless: true, profile });
    options = new OptionsPage(wallet.context, wallet.extensionId);
    const page = await options.open();
    await page.getByRole('button', { name: 'Unlock' }).waitFor();
    app = await wallet.context.newPage();
    await app.goto(`${site.url}/index.html`);
    expect(await byokCall(app, 'getGrant')).toMatchObject({ origin: new URL(site.url).origin, budget: { usd: 2 } });
    const pending = chat(app, user('second run'));
    await unlockWindow(wallet.context, PASSPHRASE);
    expect((await pending).result?.text).toContain('second run');
    const rows = await uiCall<LedgerRow[]>(page, 'ledger.recent');
    expect(rows.filter((r) => r.status === 'ok')).toHaveLength(2);
    await wallet.close();
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
});

test('a hanging provider ends with a clear timeout error and releases the reservation', async ({ context, options, app, mock }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  await options.setPrice('gpt-4o-mini', 1000, 1000);
  const page = await options.open();
  await page.getByLabel('Request timeout (seconds)').fill('2');
  await page.getByRole('button', { name: 'Save timeout' }).click();
  await expect.poll(() => uiCall<{ providerTimeoutSeconds: number }>(page, 'settings.get')).toMatchObject({ providerTimeoutSeconds: 2 });
  // A budget that holds one request's reservation at a time.
  await connectApproved(context, app, {}, '0.1');
  const hung = await chat(app, { ...user('[[hang]]'), model: 'gpt-4o-mini', maxTokens: 50 });
  expect(hung.error).toMatchObject({ code: 5000 });
  expect(hung.error?.message).toMatch(/did not answer|timed? ?out/i);
  // The reservation was released: the next request fits.
  const next = await chat(app, { ...user('next'), model: 'gpt-4o-mini', maxTokens: 50 });
  expect(next.error).toBeUndefined();
});

test('100 concurrent streaming chats across 10 tabs: all correct, the ledger exact, memory back to baseline', async ({ mock, site }) => {
  test.setTimeout(180_000);
  const wallet = await launchWallet({ headless: true, args: ['--js-flags=--expose-gc'] });
  try {
    const options = new OptionsPage(wallet.context, wallet.extensionId);
    await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
    await options.setPrice('gpt-4o-mini', 10, 10);
    const first = await wallet.context.newPage();
    await first.goto(`${site.url}/index.html`);
    const grant = (await connectApproved(wallet.context, first, {}, '20')) as { origin: string };
    await uiCall(await options.open(), 'grants.update', { origin: grant.origin, rateLimitPerMin: 1000 });
    const tabs = [first];
    for (let i = 1; i < 10; i++) {
      const tab = await wallet.context.newPage();
      await tab.goto(`${site.url}/index.html`);
      tabs.push(tab);
    }
    const run = (tab: (typeof tabs)[number], t: number) =>
      tab.evaluate(async (t) => {
        const byok = (window as unknown as { byok: { chat(r: unknown, o: unknown): Promise<{ text: string }> } }).byok;
        return Promise.all(
          Array.from({ length: 10 }, async (_, j) => {
            let streamed = '';
            const r = await byok.chat({ messages: [{ role: 'user', content: `[[chunks:40]] tab ${t} request ${j}` }], model: 'gpt-4o-mini' }, { onDelta: (d: string) => (streamed += d) });
            return { text: r.text, streamed };
          }),
        );
      }, t);
    // Warm up, then measure the worker's heap before and after the load.
    await run(first, -1);
    const cdp = await WorkerCdp.attach(wallet.context);
    const before = await cdp.heapAfterGc();
    const results = (await Promise.all(tabs.map((tab, t) => run(tab, t)))).flat();
    const expected = Array.from({ length: 40 }, (_, i) => `w${i} `).join('');
    expect(results).toHaveLength(100);
    for (const r of results) {
      expect(r.text).toBe(expected);
      expect(r.streamed).toBe(expected);
    }
    const rows = await uiCall<LedgerRow[]>(await options.open(), 'ledger.recent', { limit: 1000 });
    expect(rows.filter((r) => r.status === 'ok')).toHaveLength(110);
    const now = (await byokCall(first, 'getGrant')) as { spentUsd: number };
    expect(Math.round(now.spentUsd * 1e9)).toBe(spentNano(rows));
    const after = await cdp.heapAfterGc();
    // Nothing per request stays behind: the heap is back within 1 MB of where it was.
    expect(after - before).toBeLessThan(1_000_000);
  } finally {
    await wallet.close();
  }
});

