// @ts-check
/**
 * Input meant for a page must not land in the wallet's window (docs/THREAT_MODEL.md,
 * `tests/e2e/attacks/keystrokes.spec.ts` in Chromium), in real Firefox ESR: focus starts on
 * Reject and Escape rejects; Approve ignores a click until its window has been shown and focused
 * for 500 ms. Firefox's windows really take and lose focus (Chromium's headless ones all keep
 * it), so here a click comes while the window has just lost focus: no timing race.
 * Run: `npm run e2e:firefox` (node's test runner).
 */
import { mockAndSite, PASSPHRASE, TEST_KEY } from './support/servers.mjs';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchFirefox } from './support/firefox.mjs';
import { OptionsPage, armed } from './support/po.mjs';
import { byokCall, openApp } from './support/app.mjs';
import { button, fill } from './support/aria.mjs';
import { waitUntil } from './support/wait.mjs';

const TEST_TIMEOUT_MS = 120_000;

const env = mockAndSite();

/**
 * A fresh Firefox with a wallet holding the mock's key, and a page of the test env.site.
 * @param {import('node:test').TestContext} t
 */
async function walletAndApp(t) {
  const firefox = await launchFirefox();
  t.after(() => firefox.close());
  const options = new OptionsPage(firefox);
  await options.createWallet(PASSPHRASE);
  await options.addKey({ provider: 'OpenAI', name: 'Mock OpenAI', key: TEST_KEY, baseUrl: `${env.mock.url}/v1` });
  return { firefox, app: await openApp(firefox.browser, `${env.site.url}/index.html`) };
}

/** @param {import('puppeteer-core').Page} win */
const approveState = (win) => win.evaluate(() => document.querySelector('button[data-armed]')?.getAttribute('data-armed') ?? null);

describe('byok in Firefox ESR: the wallet’s windows take no input meant for a page', { concurrency: false }, () => {
  test('focus starts on Reject, and Escape rejects: the page gets 4001', { timeout: TEST_TIMEOUT_MS }, async (t) => {
    const { firefox, app } = await walletAndApp(t);
    const connecting = byokCall(app, 'connect', {});
    const win = await firefox.windows.next('approve.html');
    await waitUntil(() => win.evaluate(() => document.activeElement?.textContent === 'Reject'), { what: 'focus on Reject' });
    await win.keyboard.press('Escape');
    await firefox.windows.closed(win);
    assert.equal((await connecting).error?.code, 4001);
    assert.equal(await byokCall(app, 'getGrant'), null);
  });

  test('a click on Approve before its window has been focused for 500 ms is ignored; once armed it approves', { timeout: TEST_TIMEOUT_MS }, async (t) => {
    const { firefox, app } = await walletAndApp(t);
    const connecting = byokCall(app, 'connect', { budget: { usd: 5, period: 'day' } });
    const win = await firefox.windows.next('approve.html');
    await button(win, 'Approve');
    // The person goes back to the page: the window loses focus, and Approve is disarmed.
    await app.bringToFront();
    await waitUntil(async () => (await approveState(win)) === 'false', { what: 'Approve disarmed once the window lost focus' });
    // A click now (which may bring the window back, starting its 500 ms again) approves nothing.
    await win.evaluate(() => {
      const w = /** @type {Window & { clicks?: number }} */ (window);
      w.clicks = 0;
      window.addEventListener('click', (e) => void (/** @type {HTMLElement} */ (e.target).textContent === 'Approve' && (w.clicks = (w.clicks ?? 0) + 1)), true);
    });
    await (await button(win, 'Approve')).click();
    // The click did reach the button (so it was ignored, not lost).
    await waitUntil(() => win.evaluate(() => /** @type {Window & { clicks?: number }} */ (window).clicks === 1), { what: 'the click on Approve to arrive' });
    // Had that click approved, the grant would be for $5 and the window gone before this fill.
    await win.bringToFront();
    await fill(win, win, 'Budget (USD)', '0.25');
    await armed(win);
    await (await button(win, 'Approve')).click();
    await firefox.windows.closed(win);
    const grant = await connecting;
    assert.deepEqual(grant.budget, { usd: 0.25, period: 'day' });
  });
});
