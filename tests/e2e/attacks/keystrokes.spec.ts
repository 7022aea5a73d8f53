/**
 * Attack: input meant for a page lands in the wallet's window (docs/THREAT_MODEL.md). A page calls
 * connect() while the person types or clicks in it: the approval or unlock window opens under
 * their hands. Only an explicit activation of Approve approves, never in the window's first 500 ms
 * of being shown and focused; focus starts on Reject; Escape rejects; what is typed as the unlock
 * window opens is no attempt; a site's `reason` shows without bidi controls, capped.
 *
 * "As the window opens" is made exact with Playwright's clock: time stands still in the wallet's
 * pages until the test moves it, so no test here races the machine's load.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, PASSPHRASE, TEST_KEY } from '../fixtures';
import { byokCall, chat, user } from '../po/app';
import { nextWindow, unlockWindow, waitArmed } from '../po/approval-window';
import { connectApproved, walletWithKeys } from '../po/setup';
import { editSite } from '../po/control';
import { lock } from '../po/vault';
import { uiCall } from '../po/wallet-api';
import { REASON_MAX_CHARS } from '../../../lib/approvals/reason';

const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** Stops time in every page of the context (the wallet's windows included, from their first script). */
async function stopTime(context: BrowserContext): Promise<void> {
  await context.clock.install();
  await context.clock.pauseAt(Date.now() + 1000);
}

/** Key presses on a window that may close under them (Reject, reached by a stray key, closes it). */
async function keys(page: Page, ...steps: (string | { type: string })[]): Promise<void> {
  for (const step of steps) {
    try {
      if (typeof step === 'string') await page.keyboard.press(step);
      else await page.keyboard.type(step.type);
    } catch (error) {
      if (!page.isClosed()) throw error;
      return;
    }
  }
}

/** The approval window, once its prompt is on screen; with `stopped`, its time stands still. */
async function promptOpened(context: BrowserContext, { stopped = true } = {}): Promise<Page> {
  const win = await nextWindow(context, 'approve.html');
  if (stopped) expect(await win.evaluate(() => (Date as unknown as { isFake?: boolean }).isFake), "the window's clock is Playwright's").toBe(true);
  await win.getByLabel('Budget (USD)').waitFor();
  return win;
}

const approveButton = (win: Page) => win.getByRole('button', { name: 'Approve', exact: true });

test('typing into a page as it calls connect(): keystrokes, Tab and Enter in the approval window grant nothing', async ({ context, options, app, mock }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  await stopTime(context);
  const connecting = byokCall(app, 'connect', { budget: { usd: 1_000_000, period: 'day' } });
  const win = await promptOpened(context);
  // What the reviewer typed: text, Tab to the first model checkbox, Enter (the form submitted).
  await keys(win, { type: 'ok' }, 'Tab', 'Enter', 'Tab', 'Enter', { type: 'sure go ahead' }, 'Tab', 'Enter', 'Escape');
  expect(await connecting).toMatchObject({ error: { code: 4001 } });
  expect(await byokCall(app, 'getGrant')).toBeNull();
});

test('a click on Approve in the first 500 ms is ignored; after 500 ms shown and focused it approves', async ({ context, options, app, mock }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  await stopTime(context);
  const connecting = byokCall(app, 'connect', { budget: { usd: 5, period: 'day' } });
  const win = await promptOpened(context);
  // A real mouse click (force: Playwright would otherwise wait for the button to be enabled).
  await approveButton(win).click({ force: true });
  // Had that click approved, the grant would be for $5 and the window gone before this fill.
  await win.getByLabel('Budget (USD)').fill('0.25');
  await expect(approveButton(win)).toHaveAttribute('data-armed', 'false');
  await expect(approveButton(win)).toHaveAttribute('aria-disabled', 'true');
  await context.clock.runFor(499);
  await expect(approveButton(win)).toHaveAttribute('data-armed', 'false');
  await context.clock.runFor(1);
  await expect(approveButton(win)).toHaveAttribute('data-armed', 'true');
  await expect(approveButton(win)).not.toHaveAttribute('aria-disabled');
  await approveButton(win)
    .click()
    .catch((error: unknown) => {
      if (!win.isClosed()) throw error;
    });
  expect(await connecting).toMatchObject({ budget: { usd: 0.25, period: 'day' } });
});

test('losing focus disarms Approve; it re-arms 500 ms after the window has focus again', async ({ context, options, app, mock }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  await stopTime(context);
  const connecting = byokCall(app, 'connect');
  const win = await promptOpened(context);
  await context.clock.runFor(500);
  await expect(approveButton(win)).toHaveAttribute('data-armed', 'true');
  // Headless windows all keep focus: the window's own focus events stand in for the person switching away and back.
  await win.evaluate(() => window.dispatchEvent(new Event('blur')));
  await expect(approveButton(win)).toHaveAttribute('data-armed', 'false');
  await win.evaluate(() => window.dispatchEvent(new Event('focus')));
  await approveButton(win).click({ force: true });
  await context.clock.runFor(499);
  await expect(approveButton(win)).toHaveAttribute('data-armed', 'false');
  await context.clock.runFor(1);
  await expect(approveButton(win)).toHaveAttribute('data-armed', 'true');
  await keys(win, 'Escape');
  expect(await connecting).toMatchObject({ error: { code: 4001 } });
});

test('focus starts on Reject when the approval window opens', async ({ context, options, app, mock }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  const connecting = byokCall(app, 'connect');
  const win = await nextWindow(context, 'approve.html');
  await expect(win.getByRole('button', { name: 'Reject' })).toBeFocused();
  await keys(win, 'Escape');
  expect(await connecting).toMatchObject({ error: { code: 4001 } });
});

test('Escape rejects the approval window at once: the page gets 4001', async ({ context, options, app, mock }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  const connecting = byokCall(app, 'connect');
  const win = await nextWindow(context, 'approve.html');
  await win.getByLabel('Budget (USD)').waitFor();
  const closed = win.waitForEvent('close');
  await keys(win, 'Escape');
  await closed;
  expect(await connecting).toMatchObject({ error: { code: 4001 } });
  expect(await byokCall(app, 'getGrant')).toBeNull();
});

test('Enter in the Budget field, a model checkbox or a select does not approve, even once armed', async ({ context, options, app, mock }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  const connecting = byokCall(app, 'connect');
  const win = await nextWindow(context, 'approve.html');
  await win.getByLabel('Budget (USD)').press('Enter');
  await waitArmed(win);
  // The selects first: Enter opens a select's list, and focus moving on closes it.
  await win.getByLabel('Default model').press('Enter');
  await win.getByLabel('Budget period').press('Enter');
  await win.getByRole('checkbox').first().press('Enter');
  await win.getByLabel('Budget (USD)').fill('1000000');
  await win.getByLabel('Budget (USD)').press('Enter');
  // Had any Enter approved, connect() would hold a grant before this Escape is heard.
  await keys(win, 'Escape');
  expect(await connecting).toMatchObject({ error: { code: 4001 } });
  expect(await byokCall(app, 'getGrant')).toBeNull();
});

test('the raise-budget prompt: an early click on Approve and Enter in its Budget field raise nothing; Escape refuses with 4402', async ({ context, options, app, mock }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  await options.setPrice('gpt-4o-mini', 100, 100);
  await connectApproved(context, app, {}, '0.01');
  await editSite(options, new URL(app.url()).origin, { overBudget: 'Ask me to raise the budget' });
  mock.reset();
  await stopTime(context);
  // Up to (29 + 100) tokens at $100 per million: $0.0129, over $0.01.
  const raising = chat(app, { ...user('hello'), model: 'gpt-4o-mini', maxTokens: 100 });
  const win = await promptOpened(context);
  await expect(win.getByRole('heading', { name: 'Raise a site’s budget' })).toBeVisible();
  await approveButton(win).click({ force: true });
  await win.getByLabel('Budget (USD)').fill('1000');
  await win.getByLabel('Budget (USD)').press('Enter');
  await context.clock.runFor(500);
  await expect(approveButton(win)).toHaveAttribute('data-armed', 'true');
  await win.getByLabel('Budget (USD)').press('Enter');
  await keys(win, 'Escape');
  expect((await raising).error).toMatchObject({ code: 4402 });
  expect(mock.stats().completions).toBe(0);
  expect(await byokCall(app, 'getGrant')).toMatchObject({ budget: { usd: 0.01 } });
});

test('typing and Enter in the unlock window as it opens count no failed attempt: the passphrase then unlocks at once', async ({ context, options, app, mock }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  const page = await lock(options);
  await stopTime(context);
  const connecting = byokCall(app, 'connect');
  const win = await nextWindow(context, 'unlock.html');
  const passphrase = win.getByLabel('Passphrase', { exact: true });
  await expect(passphrase).toBeFocused();
  // Three times text and Enter: the three failures that started a back-off before.
  for (let i = 0; i < 3; i++) await keys(win, { type: `see you at ${i}` }, 'Enter');
  await expect(passphrase).toHaveValue('');
  await expect(win.getByRole('button', { name: 'Unlock' })).toHaveAttribute('data-armed', 'false');
  await context.clock.resume();
  await unlockWindow(context, PASSPHRASE);
  await keys(await promptOpened(context, { stopped: false }), 'Escape');
  expect(await connecting).toMatchObject({ error: { code: 4001 } });
  expect(await uiCall<unknown[]>(page, 'audit.list', { type: 'unlock.failed' })).toEqual([]);
});

test("a site's reason shows without bidi controls, capped at 200 characters", async ({ context, options, app, mock }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  // Rendered, the override reads "https://openai.com verified": text that is not in the reason.
  const reason = `\u202Edeifirev moc.ianepo//:sptth\u202C \u2066ok\u2069 ${'x'.repeat(400)}`;
  const connecting = byokCall(app, 'connect', { reason });
  const win = await nextWindow(context, 'approve.html');
  await expect(win.getByRole('main')).toContainText('moc.ianepo//:sptth');
  const main = await win.getByRole('main').innerText();
  expect(main).not.toMatch(BIDI);
  const shown = win.getByTestId('reason');
  await expect(shown).toContainText('deifirev moc.ianepo//:sptth ok xxx');
  const text = await shown.innerText();
  const quoted = text.slice(text.indexOf('“') + 1, text.lastIndexOf('”'));
  expect(Array.from(quoted)).toHaveLength(REASON_MAX_CHARS);
  expect(quoted.endsWith('…')).toBe(true);
  // Stored cleaned too, as connect() accepted it.
  const id = new URL(win.url()).searchParams.get('id');
  const stored = await uiCall<{ reason: string }>(win, 'approvals.get', { id });
  expect(stored.reason).toBe(quoted);
  await keys(win, 'Escape');
  expect(await connecting).toMatchObject({ error: { code: 4001 } });
});
