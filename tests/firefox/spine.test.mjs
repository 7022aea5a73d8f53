// @ts-check
/* global browser -- the WebExtension API, in callbacks evaluated inside the add-on's own pages */
/**
 * The spine in real Firefox ESR (issue 7): the built add-on (`npm run build:firefox`), a person
 * using it through the accessible names of docs/API.md, "For testers", a page on 127.0.0.1 calling
 * `window.byok`, the bundled mock provider. Each test gets a fresh Firefox profile.
 * Run: `npm run e2e:firefox` (node's test runner).
 */
import { mockAndSite, PASSPHRASE, TEST_KEY } from './support/servers.mjs';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ADDON_DIR, assertPrerequisites, launchFirefox } from './support/firefox.mjs';
import { OptionsPage, approve, armed, reject, unlockWindow } from './support/po.mjs';
import { byokCall, chat, loadChildFrame, nextGrantChanged, openApp, user } from './support/app.mjs';
import { button, fill, valueOf } from './support/aria.mjs';
import { waitUntil } from './support/wait.mjs';

const TEST_TIMEOUT_MS = 120_000;

const env = mockAndSite();

/**
 * A fresh Firefox with the add-on, closed (and its profile removed) when the test ends.
 * @param {import('node:test').TestContext} t
 * @param {import('./support/firefox.mjs').LaunchOptions} [options]
 */
async function firefoxFor(t, options) {
  const firefox = await launchFirefox(options);
  t.after(() => firefox.close());
  return { firefox, options: new OptionsPage(firefox) };
}

/**
 * A wallet with the mock's OpenAI key (Base URL = mock + '/v1').
 * @param {OptionsPage} options
 */
async function walletWithKey(options) {
  await options.createWallet(PASSPHRASE);
  await options.addKey({ provider: 'OpenAI', name: 'Mock OpenAI', key: TEST_KEY, baseUrl: `${env.mock.url}/v1` });
}

/**
 * connect() from `app`, approved in the approval window.
 * @param {import('./support/firefox.mjs').FirefoxWallet} firefox
 * @param {import('puppeteer-core').Page} app
 * @param {string} budget
 */
async function connectApproved(firefox, app, budget = '1') {
  const connecting = byokCall(app, 'connect', {});
  await approve(firefox, { budget });
  const grant = await connecting;
  assert.equal(grant.error, undefined, `connect failed: ${JSON.stringify(grant.error)}`);
  return grant;
}

describe('byok in Firefox ESR', { concurrency: false }, () => {
  // No Firefox, or no Firefox build: this test, and every other one, fails saying what to do
  // (never a silent skip).
  test('Firefox ESR and the Firefox build are there', () => assertPrerequisites());

  test('the Firefox build has no lane: nothing web-accessible, no page may be framed, no bridge page', async () => {
    // docs/FIREFOX.md: the background is no service worker, so the lane (PROTOCOL.md §5.1) is Chromium's only.
    const manifest = JSON.parse(await readFile(join(ADDON_DIR, 'manifest.json'), 'utf8'));
    assert.equal(manifest.web_accessible_resources, undefined);
    assert.match(manifest.content_security_policy.extension_pages, /frame-ancestors 'none'/);
    assert.equal(existsSync(join(ADDON_DIR, 'bridge.html')), false);
    assert.doesNotMatch(await readFile(join(ADDON_DIR, 'relay.js'), 'utf8'), /bridge\.html/);
  });

  test('create the wallet, add a key, connect: reject, then approve', { timeout: TEST_TIMEOUT_MS }, async (t) => {
    const { firefox, options } = await firefoxFor(t);
    await walletWithKey(options);
    const page = await options.open();
    const keys = await page.waitForSelector('::-p-aria([name="Keys"][role="list"])');
    assert.ok(keys);
    await waitUntil(() => keys.evaluate((el, tail) => el.children.length === 1 && el.textContent?.includes(`••••${tail}`), TEST_KEY.slice(-4)), { what: 'the key, masked, in the Keys list' });
    assert.ok(!(await page.evaluate(() => document.body.innerText)).includes(TEST_KEY), 'the options page shows the key in plaintext');
    // Firefox MV3 treats host permissions as the person's to withdraw; since Firefox 127 the
    // manifest's are granted at install (listed in the install prompt): the background reaches
    // the mock on 127.0.0.1, and pages get window.byok.
    const granted = await page.evaluate(() => browser.permissions.getAll());
    for (const origin of ['http://127.0.0.1/*', 'http://localhost/*', 'https://api.openai.com/*', 'https://api.anthropic.com/*', 'http://*/*', 'https://*/*']) {
      assert.ok(granted.origins?.includes(origin), `host permission ${origin} not granted: ${JSON.stringify(granted.origins)}`);
    }

    const app = await openApp(firefox.browser, `${env.site.url}/index.html`);
    const origin = new URL(app.url()).origin;
    const rejected = byokCall(app, 'connect', { reason: 'testing' });
    await reject(firefox);
    assert.equal((await rejected).error?.code, 4001);

    const connecting = byokCall(app, 'connect', { budget: { usd: 0.5, period: 'day' } });
    const win = await firefox.windows.next('approve.html');
    await waitUntil(async () => (await win.$eval('[data-testid="requesting-origin"]', (el) => el.textContent)) === origin, { what: `the approval window to show ${origin}` });
    assert.equal(await valueOf(win, 'Budget (USD)'), '0.5');
    await fill(win, win, 'Budget (USD)', '0.001');
    await armed(win);
    await (await button(win, 'Approve')).click();
    await firefox.windows.closed(win);
    const grant = await connecting;
    assert.equal(grant.origin, origin);
    assert.deepEqual(grant.budget, { usd: 0.001, period: 'day' });
    assert.equal(grant.spentUsd, 0);
    assert.equal((await byokCall(app, 'getGrant'))?.origin, origin);
    // Asking again for what is granted resolves at once, with no window.
    assert.equal((await byokCall(app, 'connect'))?.origin, origin);
  });

  test('streams a chat; abort stops the provider call; bad input is refused', { timeout: TEST_TIMEOUT_MS }, async (t) => {
    const { firefox, options } = await firefoxFor(t);
    await walletWithKey(options);
    const app = await openApp(firefox.browser, `${env.site.url}/index.html`);
    await connectApproved(firefox, app);

    const streamed = await chat(app, { ...user('hello from firefox'), model: 'gpt-4o-mini' });
    assert.equal(streamed.error, undefined, JSON.stringify(streamed.error));
    assert.match(streamed.result?.text ?? '', /You said: hello from firefox/);
    assert.ok(streamed.deltas.length > 1, `expected several deltas, got ${streamed.deltas.length}`);
    assert.equal(streamed.deltas.join(''), streamed.result?.text);
    assert.equal(streamed.result?.provider, 'openai');
    assert.equal(streamed.result?.finishReason, 'stop');
    assert.ok((streamed.result?.usage.outputTokens ?? 0) > 0);

    env.mock.reset();
    const aborted = await chat(app, user('[[chunks:400]] [[delay:20]] go'), { abortAfterDeltas: 2 });
    assert.equal(aborted.error?.name, 'AbortError');
    await waitUntil(() => env.mock.stats().aborted === 1, { what: 'the mock to see the upstream call aborted' });

    const bad = await byokCall(app, 'chat', { messages: [{ role: 'wizard', content: 'x' }] });
    assert.equal(bad.error?.code, -32602);
    assert.match(bad.error.message, /messages\[0\]\.role/);
    assert.equal((await byokCall(app, 'chat', { ...user('x'), model: 'not-granted' })).error?.code, 4100);
  });

  test('a second origin has no grant', { timeout: TEST_TIMEOUT_MS }, async (t) => {
    const { firefox, options } = await firefoxFor(t);
    await walletWithKey(options);
    const app = await openApp(firefox.browser, `${env.site.url}/index.html`);
    await connectApproved(firefox, app);
    const other = await openApp(firefox.browser, `${env.site.otherOrigin}/index.html`);
    assert.equal(await byokCall(other, 'getGrant'), null);
    assert.equal((await byokCall(other, 'chat', user('hi'))).error?.code, 4100);
  });

  test('a cross-origin iframe has its own origin, and the approval names the embedder', { timeout: TEST_TIMEOUT_MS }, async (t) => {
    const { firefox, options } = await firefoxFor(t);
    await walletWithKey(options);
    const top = await openApp(firefox.browser, `${env.site.url}/frame.html`);
    await connectApproved(firefox, top);
    const child = await loadChildFrame(top, `${env.site.otherOrigin}/index.html`);
    // The top page's grant is not the frame's: the browser reports the frame's own origin.
    assert.equal(await byokCall(child, 'getGrant'), null);
    assert.equal((await byokCall(child, 'chat', user('from the frame'))).error?.code, 4100);

    const connecting = byokCall(child, 'connect', {});
    const win = await firefox.windows.next('approve.html');
    const shown = await waitUntil(() => win.$eval('form', (el) => /** @type {HTMLElement} */ (el).innerText), { what: 'the approval form' });
    assert.ok(shown.includes(`${env.site.otherOrigin} wants to use your AI keys`), shown);
    assert.ok(shown.includes(`It is embedded in ${env.site.url}.`), shown);
    await (await button(win, 'Reject')).click();
    await firefox.windows.closed(win);
    assert.equal((await connecting).error?.code, 4001);
  });

  test('the background is suspended between requests: it wakes still unlocked', { timeout: TEST_TIMEOUT_MS }, async (t) => {
    // Firefox runs an MV3 background as an event page that it unloads when idle (30 s by default;
    // 5 s here, still long enough for every step of the setup on a loaded machine).
    const { firefox, options } = await firefoxFor(t, { prefs: { 'extensions.background.idle.timeout': 5000 } });
    await walletWithKey(options);
    const app = await openApp(firefox.browser, `${env.site.url}/index.html`);
    await connectApproved(firefox, app);
    assert.match((await chat(app, user('before'))).result?.text ?? '', /before/);

    // A marker in the background page's global: gone once Firefox has unloaded and restarted it.
    const page = await options.open();
    /** @returns {Promise<boolean>} */
    const marked = () =>
      page.evaluate(async () => {
        const bg = /** @type {Window & { __marker?: number }} */ (await browser.runtime.getBackgroundPage());
        return bg.__marker === 42;
      });
    await page.evaluate(async () => {
      const bg = /** @type {Window & { __marker?: number }} */ (await browser.runtime.getBackgroundPage());
      bg.__marker = 42;
    });
    assert.equal(await marked(), true);
    await waitUntil(async () => !(await marked()), { what: 'Firefox to unload the idle background', timeoutMs: 30_000, intervalMs: 250 });

    const after = await chat(app, user('after the restart'));
    assert.equal(after.error, undefined, JSON.stringify(after.error));
    assert.match(after.result?.text ?? '', /after the restart/);
    assert.equal((await byokCall(app, 'getGrant'))?.origin, new URL(app.url()).origin);
  });

  test('a provider silent for longer than the idle limit: the keepalive holds the background', { timeout: TEST_TIMEOUT_MS }, async (t) => {
    // Idle limit 25 s; the provider sends nothing for 40 s. Without lib/background/keepalive.ts
    // Firefox unloads the background mid-request and the page gets "the wallet restarted".
    const { firefox, options } = await firefoxFor(t, { prefs: { 'extensions.background.idle.timeout': 25_000 } });
    await walletWithKey(options);
    const app = await openApp(firefox.browser, `${env.site.url}/index.html`);
    await connectApproved(firefox, app);
    const slow = await chat(app, user('[[chunks:1]] [[delay:40000]] slow'));
    assert.equal(slow.error, undefined, JSON.stringify(slow.error));
    assert.equal(slow.result?.text, 'w0 ');
  });

  test('revoke: the page is told at once, then gets 4100', { timeout: TEST_TIMEOUT_MS }, async (t) => {
    const { firefox, options } = await firefoxFor(t);
    await walletWithKey(options);
    const app = await openApp(firefox.browser, `${env.site.url}/index.html`);
    const origin = new URL(app.url()).origin;
    await connectApproved(firefox, app);
    assert.equal((await chat(app, user('before revoke'))).error, undefined);

    const changed = await nextGrantChanged(app);
    await options.revoke(origin);
    assert.equal(await changed.next, null);
    assert.equal(await byokCall(app, 'getGrant'), null);
    assert.equal((await byokCall(app, 'chat', user('after revoke'))).error?.code, 4100);
  });

  test('lock: a request opens the unlock window; unlocking proceeds, closing it gives 4900', { timeout: TEST_TIMEOUT_MS }, async (t) => {
    const { firefox, options } = await firefoxFor(t);
    await walletWithKey(options);
    const app = await openApp(firefox.browser, `${env.site.url}/index.html`);
    await connectApproved(firefox, app);
    const page = await options.open();
    await (await button(page, 'Lock')).click();
    await button(page, 'Unlock');

    const pending = chat(app, user('while locked'));
    await unlockWindow(firefox, PASSPHRASE);
    const result = await pending;
    assert.equal(result.error, undefined, JSON.stringify(result.error));
    assert.match(result.result?.text ?? '', /while locked/);

    // Closing the unlock window instead (windows.onRemoved) rejects with 4900.
    await (await button(page, 'Lock')).click();
    await button(page, 'Unlock');
    const refused = chat(app, user('again'));
    const win = await firefox.windows.next('unlock.html');
    await win.close();
    assert.equal((await refused).error?.code, 4900);
  });
});
