/**
 * Attack: oversized messages (docs/THREAT_MODEL.md §1, lib/protocol/limits.ts). A page with no
 * grant sends 400 MB requests through the relay, on its runtime port and on its lane; a
 * compromised content script writes over-limit requests straight onto both. Each is refused with
 * -32602 naming its method's limit, before it is parsed or validated (by the content script, or
 * else by the worker), and another site's calls keep answering.
 */
import type { Page, Worker } from '@playwright/test';
import { test, expect, PASSPHRASE, TEST_KEY } from '../fixtures';
import { REQUEST_LIMITS, requestTooLarge } from '../../../lib/protocol/limits';
import { connectApproved, walletWithKeys } from '../po/setup';
import { callIn, inContentScriptWorld, type WireReply } from './helpers';
import { DIAGNOSTICS_PATH } from '../../../scripts/browser.mjs';

const CHAT_LIMIT = REQUEST_LIMITS.chat!;
const tooLarge = { code: -32602, message: requestTooLarge('chat') };
// Whether the lanes are up is the worker's own account, kept only in the diagnostics build.
test.use({ extensionPath: DIAGNOSTICS_PATH });

const lanesUp = (sw: Worker) => sw.evaluate(() => (globalThis as unknown as { byokMetrics: { values(name: string): number[] } }).byokMetrics.values('lane.wait').length);

/**
 * Sends, as a page does, a 400 MB chat through the relay; resolves its reply. `parts`: 100 parts
 * of 4 M characters, each within the schema (the request, which the worker used to
 * validate whole before answering 4100); else one string of 400 M characters.
 */
function relayAttack(page: Page, id: number, parts: boolean): Promise<WireReply> {
  return page.evaluate(
    ({ id, parts }) =>
      new Promise<WireReply>((resolve) => {
        const onReply = (event: Event) => {
          const m = JSON.parse((event as CustomEvent<string>).detail) as WireReply;
          if (m.t !== 'res' || m.id !== id) return;
          window.removeEventListener('byok/v1:to-page', onReply);
          resolve(m);
        };
        window.addEventListener('byok/v1:to-page', onReply);
        const text = 'x'.repeat(parts ? 4_000_000 : 400_000_000);
        const content = parts ? Array.from({ length: 100 }, () => ({ type: 'text', text })) : text;
        const detail = JSON.stringify({ t: 'req', id, method: 'chat', params: { messages: [{ role: 'user', content }] } });
        window.dispatchEvent(new CustomEvent('byok/v1:to-wallet', { detail }));
      }),
    { id, parts },
  );
}

/** Calls getGrant over and over (one frame apart), timing each with the page's own clock. */
function startCalling(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { byok: { getGrant(): Promise<unknown> }; __latencies: number[]; __started: number | null; __stop: boolean; __done: Promise<void> };
    w.__latencies = [];
    w.__started = null;
    w.__stop = false;
    w.__done = (async () => {
      while (!w.__stop) {
        w.__started = performance.now();
        await w.byok.getGrant();
        w.__latencies.push(performance.now() - w.__started);
        w.__started = null;
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
    })();
  });
}

/** Stops the calls; resolves every call's latency, the one in flight included. */
function stopCalling(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const w = window as unknown as { __latencies: number[]; __started: number | null; __stop: boolean; __done: Promise<void> };
    const inFlight = w.__started === null ? [] : [performance.now() - w.__started];
    w.__stop = true;
    await w.__done;
    return [...w.__latencies, ...inFlight];
  });
}

const callsSoFar = (page: Page) => page.evaluate(() => (window as unknown as { __latencies: number[] }).__latencies.length);

test('a page with no grant sending 400 MB requests through the relay, on its port and on its lane, stalls no other site: each getGrant answers within 1 s', async ({ context, options, app, mock, site, sw }) => {
  test.setTimeout(180_000);
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  const victim = await context.newPage();
  await victim.goto(`${site.otherOrigin}/index.html`);
  await connectApproved(context, victim, {}, '1');
  mock.reset();
  await startCalling(victim);
  await expect.poll(() => callsSoFar(victim)).toBeGreaterThan(3);
  const before = await callsSoFar(victim);
  const lanesBefore = await lanesUp(sw);

  // The page's first message: its relay has only its runtime port.
  const onPort = await relayAttack(app, 1, false);
  // Once a call brought its lane up, the relay sends everything there.
  expect(await callIn(app, 'getGrant')).toBeNull();
  await expect.poll(() => lanesUp(sw)).toBe(lanesBefore + 1);
  await expect(app.locator('iframe')).toHaveCount(0);
  const onLane = await relayAttack(app, 2, true);

  const during = (await callsSoFar(victim)) - before;
  const latencies = await stopCalling(victim);
  test.info().annotations.push({ type: 'getGrant', description: `another site: ${during} calls during the attack, the slowest ${Math.round(Math.max(...latencies))} ms` });
  expect(tooLarge.message).toContain(`chat allows at most ${CHAT_LIMIT} characters`);
  expect(onPort).toEqual({ t: 'res', id: 1, ok: false, error: tooLarge });
  expect(onLane).toEqual({ t: 'res', id: 2, ok: false, error: tooLarge });
  expect(during).toBeGreaterThan(0);
  expect(Math.max(...latencies)).toBeLessThan(1_000);
  expect(mock.stats().completions).toBe(0);
});

/**
 * The expression, for byok's content-script world, that opens a runtime port and a lane as the
 * relay does (docs/PROTOCOL.md §5.1) and, once the lane is up, posts `chat` and then a getGrant on
 * the lane, and `chat` (with id 3) and a getGrant on the port; resolves the four replies.
 */
const DIRECT_ATTACK = (chat: string) => `new Promise((resolve) => {
  const port = chrome.runtime.connect({ name: 'byok-page/v1' });
  const token = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  const { port1: lane, port2 } = new MessageChannel();
  const replies = {};
  const heard = (channel) => (m) => {
    if (m.t !== 'res') return;
    replies[channel + ':' + m.id] = m;
    if (Object.keys(replies).length === 4) resolve(replies);
  };
  port.onMessage.addListener(heard('port'));
  lane.onmessage = (event) => {
    if (event.data !== 'byok/v1:lane-up') return heard('lane')(event.data);
    const chat = ${chat};
    lane.postMessage({ t: 'req', id: 1, method: 'chat', params: chat });
    lane.postMessage({ t: 'req', id: 2, method: 'getGrant' });
    port.postMessage({ t: 'req', id: 3, method: 'chat', params: chat });
    port.postMessage({ t: 'req', id: 4, method: 'getGrant' });
  };
  port.postMessage({ t: 'lane', token });
  const frame = document.createElement('iframe');
  frame.src = chrome.runtime.getURL('bridge.html');
  frame.addEventListener('load', () => frame.contentWindow.postMessage({ lane: token }, new URL(frame.src).origin, [port2]), { once: true });
  document.documentElement.append(frame);
})`;

test("a compromised content script writing over-limit requests straight onto its lane and its port is refused by the worker, naming the limit; its next call is answered", async ({ context, options, app, mock, site }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  const other = await context.newPage();
  await other.goto(`${site.otherOrigin}/index.html`);
  await connectApproved(context, other, {}, '1');
  mock.reset();
  // 12 parts of 3 M characters, each within the schema: 36 M in all, over chat's limit and under
  // the largest message a Chromium runtime port carries (64 MiB).
  const replies = await inContentScriptWorld(context, app, app.mainFrame(), DIRECT_ATTACK(`{ messages: [{ role: 'user', content: Array.from({ length: 12 }, () => ({ type: 'text', text: 'x'.repeat(3_000_000) })) }] }`));
  expect(replies).toEqual({
    'lane:1': { t: 'res', id: 1, ok: false, error: tooLarge },
    'lane:2': { t: 'res', id: 2, ok: true, value: null },
    'port:3': { t: 'res', id: 3, ok: false, error: tooLarge },
    'port:4': { t: 'res', id: 4, ok: true, value: null },
  });
  expect(await callIn(other, 'getGrant')).toMatchObject({ origin: site.otherOrigin });
  expect(mock.stats().completions).toBe(0);
});
