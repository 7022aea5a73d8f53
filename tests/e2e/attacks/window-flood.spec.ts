/**
 * Attack: a flood of windows (docs/THREAT_MODEL.md). A page embeds frames of 15 origins, each
 * calling connect(): one approval window shows one request at a time and how many wait; each is
 * answered on its own, naming its own origin; the tab's frames share its limits, so all but three
 * get 4290 at once. The queue's logic is unit-tested in tests/unit/approval-queue.test.ts.
 */
import { resolve } from 'node:path';
import type { BrowserContext, Frame, Page } from '@playwright/test';
import { test, expect, PASSPHRASE, TEST_KEY } from '../fixtures';
import { messages } from '../../../lib/protocol/messages';
import { startStaticServer } from '../../../scripts/static-server.mjs';
import { answerQueued, nextWindow, unlockWindow } from '../po/approval-window';
import { walletWithKeys } from '../po/setup';
import { addFrame, countWindows } from './helpers';

type Outcome = { ok: true; origin: string } | { code: number; message: string };

const FRAMES = 15;
const PER_TAB = 3;
const tooMany = { code: 4290, message: messages.tooManyPending() };

/**
 * `count` origins other than `top`: each test server is two origins (127.0.0.1 and localhost), so
 * a few more servers on other ports make the rest. Closed when the test ends.
 */
async function moreOrigins(site: { otherOrigin: string }, count: number): Promise<{ origins: string[]; close(): Promise<void> }> {
  const servers = await Promise.all(Array.from({ length: Math.ceil((count - 1) / 2) }, () => startStaticServer({ '/': resolve('tests/e2e/pages') })));
  const origins = [site.otherOrigin, ...servers.flatMap((s) => [s.url, s.otherOrigin])].slice(0, count);
  return { origins, close: async () => void (await Promise.all(servers.map((s) => s.close()))) };
}

/** A page on `top` embedding a frame of each origin, the wallet's provider loaded in each. */
async function pageWithFrames(context: BrowserContext, top: string, origins: string[]): Promise<{ page: Page; frames: Frame[] }> {
  const page = await context.newPage();
  await page.goto(`${top}/frame.html`);
  const frames: Frame[] = [];
  for (const origin of origins) frames.push(await addFrame(page, { src: `${origin}/index.html` }));
  for (const frame of frames) await frame.waitForFunction(() => 'byok' in window);
  return { page, frames };
}

/** Starts connect() in every frame; each frame keeps its outcome in `window.__outcome`. */
async function connectAll(frames: Frame[]): Promise<void> {
  await Promise.all(
    frames.map((frame) =>
      frame.evaluate(() => {
        const w = window as unknown as { byok: { connect(): Promise<{ origin: string }> }; __outcome?: Outcome };
        w.byok.connect().then(
          (grant) => (w.__outcome = { ok: true, origin: grant.origin }),
          (e: { code: number; message: string }) => (w.__outcome = { code: e.code, message: e.message }),
        );
      }),
    ),
  );
}

const outcomes = (frames: Frame[]) => Promise.all(frames.map((f) => f.evaluate(() => (window as unknown as { __outcome?: Outcome }).__outcome ?? null)));

/** The most approval windows open at once in `context` from now on. */
function watchOpenWindows(context: BrowserContext): { readonly most: number } {
  const watch = { most: 0 };
  const check = () => {
    const open = context.pages().filter((p) => !p.isClosed() && p.url().includes('approve.html')).length;
    watch.most = Math.max(watch.most, open);
  };
  context.on('page', check);
  return watch;
}

test('15 cross-origin frames: one approval window at a time, showing how many wait; each request is answered on its own; the tab\'s other frames get 4290', async ({ context, options, mock, site }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  const extra = await moreOrigins(site, FRAMES);
  try {
    const { frames } = await pageWithFrames(context, site.url, extra.origins);
    const opened = countWindows(context, 'approve.html');
    const open = watchOpenWindows(context);
    await connectAll(frames);
    // All but three are refused at once, by the tab's limit: no window, no queue entry for them.
    await expect.poll(async () => (await outcomes(frames)).filter((o) => o !== null)).toEqual(Array(FRAMES - PER_TAB).fill(tooMany));
    const win = await nextWindow(context, 'approve.html');
    await expect(win.getByTestId('queue-waiting')).toHaveText('2 more requests waiting after this one');

    // Each request shown names its own origin, one of the three still waiting; Reject, Approve, Reject.
    const shown: string[] = [(await win.getByTestId('requesting-origin').textContent())!];
    shown.push((await answerQueued(win, 'Reject'))!);
    await expect(win.getByTestId('queue-waiting')).toHaveText('1 more request waiting after this one');
    await win.getByLabel('Budget (USD)').fill('1');
    shown.push((await answerQueued(win, 'Approve'))!);
    await expect(win.getByTestId('queue-waiting')).toHaveCount(0);
    expect(await answerQueued(win, 'Reject')).toBeNull();

    const results = await outcomes(frames);
    const byOrigin = new Map(extra.origins.map((origin, i) => [origin, results[i]]));
    expect(new Set(shown).size).toBe(PER_TAB);
    expect(shown.map((origin) => byOrigin.get(origin))).toEqual([
      { code: 4001, message: messages.userRejected() },
      { ok: true, origin: shown[1] },
      { code: 4001, message: messages.userRejected() },
    ]);
    expect(opened.count).toBe(1);
    expect(open.most).toBe(1);
  } finally {
    await extra.close();
  }
});

test('closing the approval window rejects the request it shows and the ones waiting in it with 4001; a later request gets a new window', async ({ context, options, mock, site }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  const extra = await moreOrigins(site, PER_TAB);
  try {
    const { frames } = await pageWithFrames(context, site.url, extra.origins);
    const open = watchOpenWindows(context);
    await connectAll(frames);
    const win = await nextWindow(context, 'approve.html');
    await expect(win.getByTestId('queue-waiting')).toHaveText('2 more requests waiting after this one');
    await win.close();
    const closed = { code: 4001, message: messages.approvalClosed() };
    await expect.poll(() => outcomes(frames)).toEqual([closed, closed, closed]);

    await connectAll(frames.slice(0, 1));
    const again = await nextWindow(context, 'approve.html');
    await expect(again.getByTestId('requesting-origin')).toHaveText(extra.origins[0]!);
    await expect(again.getByTestId('queue-waiting')).toHaveCount(0);
    expect(await answerQueued(again, 'Reject')).toBeNull();
    await expect.poll(async () => (await outcomes(frames.slice(0, 1)))[0]).toEqual({ code: 4001, message: messages.userRejected() });
    expect(open.most).toBe(1);
  } finally {
    await extra.close();
  }
});

test('a locked wallet: the frames share one unlock window, then one approval window with the queue', async ({ context, options, mock, site }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  const page = await options.open();
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByRole('button', { name: 'Unlock' }).waitFor();
  const extra = await moreOrigins(site, 5);
  try {
    const { frames } = await pageWithFrames(context, site.url, extra.origins);
    const unlocks = countWindows(context, 'unlock.html');
    const open = watchOpenWindows(context);
    await connectAll(frames);
    await expect.poll(async () => (await outcomes(frames)).filter((o) => o !== null)).toEqual([tooMany, tooMany]);
    await unlockWindow(context, PASSPHRASE);
    const win = await nextWindow(context, 'approve.html');
    await expect(win.getByTestId('queue-waiting')).toHaveText('2 more requests waiting after this one');
    expect(await answerQueued(win, 'Reject')).not.toBeNull();
    expect(await answerQueued(win, 'Reject')).not.toBeNull();
    expect(await answerQueued(win, 'Reject')).toBeNull();
    await expect.poll(async () => (await outcomes(frames)).filter((o) => o !== null && 'code' in o && o.code === 4001)).toHaveLength(PER_TAB);
    expect(unlocks.count).toBe(1);
    expect(open.most).toBe(1);
  } finally {
    await extra.close();
  }
});
