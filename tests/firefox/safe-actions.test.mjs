// @ts-check
/**
 * Destructive actions are safe, in real Firefox ESR, as in Chromium (tests/e2e/safe-actions.spec.ts,
 * tests/e2e/popup.spec.ts): Revoke acts at once, says so and offers Undo; deleting a key asks
 * first, naming the sites it serves; the popup pauses and revokes the current tab's site.
 * Run: `npm run build:firefox && node --test tests/firefox/`.
 */
import { mockAndSite, PASSPHRASE, TEST_KEY } from './support/servers.mjs';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertPrerequisites, launchFirefox } from './support/firefox.mjs';
import { OptionsPage, approve } from './support/po.mjs';
import { byokCall, chat, openApp, user } from './support/app.mjs';
import { button, byRole, gone } from './support/aria.mjs';
import { waitUntil } from './support/wait.mjs';

const env = mockAndSite();

/**
 * A wallet with the mock's OpenAI key, and the test page connected to it.
 * @param {import('./support/firefox.mjs').FirefoxWallet} firefox
 */
async function connectedSite(firefox) {
  const options = new OptionsPage(firefox);
  await options.createWallet(PASSPHRASE);
  await options.addKey({ provider: 'OpenAI', name: 'Mock OpenAI', key: TEST_KEY, baseUrl: `${env.mock.url}/v1` });
  const app = await openApp(firefox.browser, `${env.site.url}/index.html`);
  const origin = new URL(app.url()).origin;
  const connecting = byokCall(app, 'connect', { models: ['gpt-4o-mini'], budget: { usd: 1, period: 'day' } });
  await approve(firefox);
  assert.equal((await connecting).origin, origin);
  return { options, app, origin };
}

/**
 * The toolbar popup in a tab, for `origin` (in a tab the active tab is the popup itself, so
 * `?origin=` names the site: lib/sites/popup.ts). A moz-extension:// navigation never resolves
 * over BiDi: wait for the site's card instead.
 * @param {import('./support/firefox.mjs').FirefoxWallet} firefox
 * @param {string} origin
 */
async function openPopup(firefox, origin) {
  const page = await firefox.browser.newPage();
  page.goto(firefox.extensionUrl(`popup.html?origin=${encodeURIComponent(origin)}`)).catch(() => undefined);
  // A wait begun on the tab's first document fails when Firefox swaps in the extension's: begin it again.
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      return { page, card: await byRole(page, 'region', 'This site') };
    } catch (error) {
      if (page.isClosed() || Date.now() >= deadline) throw error;
    }
  }
}

/**
 * @param {import('puppeteer-core').Page} page
 * @param {string} status
 */
const statusIs = (page, status) =>
  waitUntil(() => page.evaluate((s) => document.querySelector('[data-testid="site-status"]')?.textContent === s, status), { what: `the popup to say ${status}` });

describe('safe destructive actions in Firefox ESR', { concurrency: false }, () => {
  test('Firefox ESR and the Firefox build are there', () => assertPrerequisites());

  test('Revoke acts at once and says so; Undo puts the grant back', { timeout: 150_000 }, async (t) => {
    const firefox = await launchFirefox();
    t.after(() => firefox.close());
    const { options, app, origin } = await connectedSite(firefox);
    await (await button(await options.site(origin), 'Revoke')).click();
    const page = await options.open();
    await waitUntil(async () => (await byokCall(app, 'getGrant')) === null, { what: 'the grant to be gone' });
    const undo = await button(page, `Undo revoking ${origin}`);
    assert.equal(await undo.evaluate((el) => el === document.activeElement), true, 'Undo has focus');
    await undo.click();
    await byRole(page, 'listitem', origin);
    assert.equal((await byokCall(app, 'getGrant')).origin, origin);
  });

  test('deleting a key asks first, naming the site it serves; Cancel keeps it, Delete key removes it', { timeout: 150_000 }, async (t) => {
    const firefox = await launchFirefox();
    t.after(() => firefox.close());
    const { options, origin } = await connectedSite(firefox);
    const page = await options.view('Keys');
    await (await button(page, 'Delete key Mock OpenAI')).click();
    const dialog = await page.waitForSelector('[role="alertdialog"]');
    assert.ok(dialog);
    assert.match(await dialog.evaluate((el) => el.textContent ?? ''), new RegExp(`This site uses it: ${origin.replace(/[.]/g, '\\.')}`));
    const cancel = await button(dialog, 'Cancel');
    assert.equal(await cancel.evaluate((el) => el === document.activeElement), true, 'Cancel has focus');
    await cancel.click();
    await gone(page, 'alertdialog', 'Delete the key “Mock OpenAI”?');
    await byRole(page, 'listitem', 'Mock OpenAI');

    await (await button(page, 'Delete key Mock OpenAI')).click();
    const confirm = await page.waitForSelector('[role="alertdialog"]');
    await (await button(/** @type {import('puppeteer-core').ElementHandle<Element>} */ (confirm), 'Delete key')).click();
    await gone(page, 'listitem', 'Mock OpenAI');
  });

  test('the popup pauses, resumes and revokes the current site', { timeout: 150_000 }, async (t) => {
    const firefox = await launchFirefox();
    t.after(() => firefox.close());
    const { app, origin } = await connectedSite(firefox);
    const { page, card } = await openPopup(firefox, origin);
    await statusIs(page, 'Status: connected');

    await (await button(card, 'Pause')).click();
    await statusIs(page, 'Status: paused');
    const paused = await chat(app, { ...user('while paused'), model: 'gpt-4o-mini' });
    assert.equal(paused.error?.code, 4100);

    await (await button(card, 'Resume')).click();
    await statusIs(page, 'Status: connected');
    await (await button(card, 'Revoke')).click();
    await statusIs(page, 'Status: not connected');
    assert.equal(await byokCall(app, 'getGrant'), null);
  });
});
