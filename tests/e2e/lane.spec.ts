/**
 * The lane (docs/PROTOCOL.md §5.1): in Chromium a page's calls reach the worker over a MessagePort
 * that the content script opens through the bridge frame after its first call. The runtime port
 * stays: events come on it, and its disconnect is how the content script learns the worker stopped.
 */
import type { BrowserContext, Worker } from '@playwright/test';
import { test, expect, PASSPHRASE, TEST_KEY, serviceWorkerOf } from './fixtures';
import { byokCall, chat, user } from './po/app';
import { connectApproved, walletWithKeys } from './po/setup';
import { stopServiceWorkers } from './support/worker-cdp';
import { DIAGNOSTICS_PATH } from '../../scripts/browser.mjs';

// What the lane carried is the worker's own account: only the diagnostics build exposes it.
test.use({ extensionPath: DIAGNOSTICS_PATH });

interface Diagnostics {
  byokMetrics: { values(name: string): number[] };
  byokSentOn: { port: number; lane: number };
}
const lanesUp = (sw: Worker) => sw.evaluate(() => (globalThis as unknown as Diagnostics).byokMetrics.values('lane.wait').length);
const sentOn = (sw: Worker) => sw.evaluate(() => ({ ...(globalThis as unknown as Diagnostics).byokSentOn }));

/** The worker running now (a stopped one's handle is stale once a new one starts). */
async function liveWorker(context: BrowserContext): Promise<Worker> {
  for (;;) {
    const sw = await serviceWorkerOf(context);
    if (await sw.evaluate(() => true).catch(() => false)) return sw;
    await context.waitForEvent('serviceworker');
  }
}

test("after its first call, a page's requests and answers go over its lane, and the bridge frame is gone", async ({ context, options, app, mock, sw }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  await connectApproved(context, app, {}, '1');
  await expect.poll(() => lanesUp(sw)).toBe(1);
  await expect(app.locator('iframe')).toHaveCount(0);

  const before = await sentOn(sw);
  const streamed = await chat(app, { ...user('[[chunks:40]] over the lane'), model: 'gpt-4o-mini' });
  expect(streamed.error).toBeUndefined();
  expect(streamed.deltas.join('')).toBe(streamed.result!.text);
  const after = await sentOn(sw);
  // Every delta and the answer (with the spend it changed) came on the lane; nothing on the port.
  expect(after.lane - before.lane).toBeGreaterThanOrEqual(2);
  expect(after.port).toBe(before.port);
});

test('a stopped worker takes the lane with it: the next call is answered, then a new lane comes up', async ({ context, options, app, mock }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  await connectApproved(context, app, {}, '1');
  await expect.poll(async () => lanesUp(await liveWorker(context))).toBe(1);

  await stopServiceWorkers(context);
  // getGrant is sent again if it went on the dead lane, so once it is answered the content script
  // has heard its port close: what follows goes on a new port.
  expect(await byokCall(app, 'getGrant')).toMatchObject({ origin: expect.any(String) });
  const first = await chat(app, { ...user('after the stop'), model: 'gpt-4o-mini' });
  expect(first.result?.text).toContain('after the stop');
  const sw = await liveWorker(context);
  await expect.poll(() => lanesUp(sw)).toBe(1);
  const before = await sentOn(sw);
  const second = await chat(app, { ...user('on the new lane'), model: 'gpt-4o-mini' });
  expect(second.result?.text).toContain('on the new lane');
  expect((await sentOn(sw)).lane).toBeGreaterThan(before.lane);
});
