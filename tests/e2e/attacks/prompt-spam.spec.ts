/**
 * Attack: a page spamming prompts (docs/THREAT_MODEL.md). One pending prompt per origin (the
 * unlock window it may need included); three rejections within 30 s block the origin for 60 s
 * with 4290. The timing itself is unit-tested with a fake clock in tests/unit/approvals.test.ts.
 */
import type { Page } from '@playwright/test';
import { test, expect, PASSPHRASE, TEST_KEY } from '../fixtures';
import { messages } from '../../../lib/protocol/messages';
import { answerQueued, nextWindow } from '../po/approval-window';
import { walletWithKeys } from '../po/setup';
import { callIn, countWindows, rejectPrompt } from './helpers';

type Outcome = { ok: true } | { code: number; message: string };

/** Starts `n` connect() calls in the same tick; their outcomes collect in `window.__outcomes`. */
function connectMany(page: Page, n: number): Promise<void> {
  return page.evaluate((n) => {
    const w = window as unknown as { byok: { connect(): Promise<unknown> }; __outcomes: Outcome[] };
    w.__outcomes = [];
    for (let i = 0; i < n; i++) {
      w.byok.connect().then(
        () => w.__outcomes.push({ ok: true }),
        (e: { code: number; message: string }) => w.__outcomes.push({ code: e.code, message: e.message }),
      );
    }
  }, n);
}

const outcomes = (page: Page) => page.evaluate(() => (window as unknown as { __outcomes: Outcome[] }).__outcomes);
const pending = { code: 4290, message: messages.promptPending() };

test('one prompt per origin: connects in the same tick and from another tab get 4290 while the window is open', async ({ context, options, app, mock, site }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  const windows = countWindows(context, 'approve.html');
  await connectMany(app, 5);
  const win = await nextWindow(context, 'approve.html');
  // Four of the five are refused at once: they never get a window of their own.
  await expect.poll(() => outcomes(app)).toEqual([pending, pending, pending, pending]);
  const tab = await context.newPage();
  await tab.goto(`${site.url}/index.html`);
  expect(await callIn(tab, 'connect')).toMatchObject({ error: pending });
  expect(windows.count).toBe(1);

  // Another origin is not held back by this one: its request waits in the same window
  // (one window at a time: window-flood.spec.ts).
  const other = await context.newPage();
  await other.goto(`${site.otherOrigin}/index.html`);
  const otherConnect = callIn(other, 'connect');
  await expect(win.getByTestId('queue-waiting')).toHaveText('1 more request waiting after this one');
  expect(windows.count).toBe(1);

  expect(await answerQueued(win, 'Approve')).toBe(site.otherOrigin);
  await expect.poll(() => outcomes(app)).toEqual([pending, pending, pending, pending, { ok: true }]);
  expect(await answerQueued(win, 'Reject')).toBeNull();
  expect(await otherConnect).toMatchObject({ error: { code: 4001 } });
});

test('three rejections in a row block the origin with 4290 and no window; other origins may still ask', async ({ context, options, app, mock, site }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  for (let i = 0; i < 3; i++) {
    const connecting = callIn(app, 'connect');
    await rejectPrompt(context);
    expect(await connecting).toMatchObject({ error: { code: 4001 } });
  }
  const windows = countWindows(context, 'approve.html');
  const blocked = await callIn(app, 'connect');
  expect(blocked).toMatchObject({ error: { code: 4290, message: expect.stringMatching(/^Too many rejected requests: try again in \d+ s$/) } });
  expect(windows.count).toBe(0);

  const other = await context.newPage();
  await other.goto(`${site.otherOrigin}/index.html`);
  const otherConnect = callIn(other, 'connect');
  await rejectPrompt(context);
  expect(await otherConnect).toMatchObject({ error: { code: 4001 } });
  expect(windows.count).toBe(1);
});

test('a locked wallet: a site\'s connects share one unlock window, and closing it three times blocks the site', async ({ context, options, app, mock }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  const page = await options.open();
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByRole('button', { name: 'Unlock' }).waitFor();
  const unlockWindows = countWindows(context, 'unlock.html');

  await connectMany(app, 5);
  const win = await nextWindow(context, 'unlock.html');
  await expect.poll(() => outcomes(app)).toEqual([pending, pending, pending, pending]);
  await win.close();
  await expect.poll(() => outcomes(app)).toEqual([pending, pending, pending, pending, { code: 4900, message: messages.locked() }]);

  for (let i = 0; i < 2; i++) {
    const connecting = callIn(app, 'connect');
    await (await nextWindow(context, 'unlock.html')).close();
    expect(await connecting).toMatchObject({ error: { code: 4900 } });
  }
  expect(await callIn(app, 'connect')).toMatchObject({ error: { code: 4290, message: expect.stringMatching(/^Too many rejected requests/) } });
  expect(unlockWindows.count).toBe(3);
});
