/**
 * Attack: the lane (docs/THREAT_MODEL.md, lib/lane). The bridge page is web-accessible, so any page
 * can frame it and post it a port. A lane is attached only to the runtime port that named its
 * token, when the bridge reports that port's origin; a page's own port, token or bridge gets it
 * nothing, and a frame it does not own is not its to post into.
 */
import type { Frame, Page, Worker } from '@playwright/test';
import { test, expect, PASSPHRASE, TEST_KEY } from '../fixtures';
import { TO_WALLET } from '../../../lib/protocol/wire';
import { connectApproved, walletWithKeys } from '../po/setup';
import { addFrame, callIn } from './helpers';
import { DIAGNOSTICS_PATH } from '../../../scripts/browser.mjs';

// Which hand-overs wait is the worker's own account: only the diagnostics build exposes it.
test.use({ extensionPath: DIAGNOSTICS_PATH });

const TOKEN = 'ab'.repeat(16);
/** The origins of the hand-overs the worker holds, waiting for a port to name their token. */
const waiting = (sw: Worker) => sw.evaluate(() => (globalThis as unknown as { byokLanes: { waitingOrigins: string[] } }).byokLanes.waitingOrigins);

test('a page that frames the bridge and names its own token on the wire gets no lane', async ({ context, options, app, mock, site, sw, extensionId }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  await connectApproved(context, app, {}, '1');
  await app.evaluate(
    async ({ bridge, token, toWallet }) => {
      window.dispatchEvent(new CustomEvent(toWallet, { detail: JSON.stringify({ t: 'lane', token }) }));
      const frame = document.createElement('iframe');
      frame.src = bridge;
      document.body.append(frame);
      await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      const { port1, port2 } = new MessageChannel();
      const heard: unknown[] = [];
      port1.onmessage = (event) => heard.push(event.data);
      Object.assign(window, { heard });
      frame.contentWindow!.postMessage({ lane: token }, '*', [port2]);
      port1.postMessage({ t: 'req', id: 1, method: 'getGrant' });
    },
    { bridge: `chrome-extension://${extensionId}/bridge.html`, token: TOKEN, toWallet: TO_WALLET },
  );
  // The hand-over reached the worker, which holds it for a token no port named.
  await expect.poll(() => waiting(sw)).toEqual([site.url]);
  expect(await callIn(app, 'getGrant')).toMatchObject({ origin: expect.any(String) });
  expect(await app.evaluate(() => (window as unknown as { heard: unknown[] }).heard)).toEqual([]);
});

test("another origin cannot post into a page's bridge frame: only the frame's parent is heard", async ({ context, extensionId, site, sw }) => {
  const evil = await context.newPage();
  await evil.goto(`${site.otherOrigin}/frame.html`);
  const victim = await addFrame(evil, { src: `${site.url}/index.html` });
  // The victim holds a bridge frame open (the wallet's own is removed once its lane is up).
  await victim.evaluate(async (bridge) => {
    const frame = document.createElement('iframe');
    frame.src = bridge;
    document.body.append(frame);
    await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  }, `chrome-extension://${extensionId}/bridge.html`);
  const post = (page: Page | Frame, path: string, token: string) =>
    page.evaluate(
      ({ path, token }) => {
        let target: Window = window;
        for (const i of path.split('.')) target = target.frames[i === 'last' ? target.frames.length - 1 : Number(i)]!;
        target.postMessage({ lane: token }, '*', [new MessageChannel().port2]);
      },
      { path, token },
    );
  // The embedding page reaches into its child's bridge frame: refused there.
  await post(evil, 'last.last', 'cd'.repeat(16));
  // Then the bridge's own parent: handed over (and held: no port named the token). The bridge
  // hears the two in order and the worker gets its hand-overs in order, so had the first been
  // handed over, it would be held by now too.
  await post(victim, 'last', TOKEN);
  await expect.poll(() => waiting(sw)).toContain(site.url);
  expect(await waiting(sw)).toEqual([site.url]);
});
