// @ts-check
/**
 * A flood of windows in Firefox ESR (docs/THREAT_MODEL.md): frames of two origins in one page
 * call connect() together and get one approval window, which shows one request at a time and
 * how many wait; each is answered on its own. Run: `npm run e2e:firefox`.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { startMock } from '../../mock/server.mjs';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { assertPrerequisites, launchFirefox } from './support/firefox.mjs';
import { OptionsPage } from './support/po.mjs';
import { byokCall, loadChildFrame, openApp } from './support/app.mjs';
import { button } from './support/aria.mjs';
import { waitUntil } from './support/wait.mjs';

const PASSPHRASE = 'correct horse battery staple';
const TEST_KEY = 'sk-test-firefox-0123456789abcdefSECRET';

/** @type {Awaited<ReturnType<typeof startMock>>} */
let mock;
/** @type {Awaited<ReturnType<typeof startStaticServer>>} */
let site;
/** A second server: a third origin for the second frame. @type {Awaited<ReturnType<typeof startStaticServer>>} */
let third;

before(async () => {
  mock = await startMock();
  site = await startStaticServer({ '/': resolve('tests/e2e/pages') });
  third = await startStaticServer({ '/': resolve('tests/e2e/pages') });
});

after(async () => {
  await mock?.close();
  await site?.close();
  await third?.close();
});

/**
 * Adds an iframe of `url` to `page`; resolves its frame once the wallet's provider is there.
 * @param {import('puppeteer-core').Page} page
 * @param {string} url
 */
async function addFrame(page, url) {
  await page.evaluate(
    (url) =>
      new Promise((resolve) => {
        const frame = document.createElement('iframe');
        frame.addEventListener('load', () => resolve(undefined), { once: true });
        frame.src = url;
        document.body.append(frame);
      }),
    url,
  );
  const frame = page.frames().find((f) => f.url() === url);
  if (!frame) throw new Error(`no frame for ${url}`);
  await frame.waitForFunction(() => 'byok' in window);
  return frame;
}

/**
 * The approval window's text, once it contains every one of `expected` (the queue's count shows
 * before the request's own details have loaded).
 * @param {import('puppeteer-core').Page} win
 * @param {...string} expected
 */
const windowText = (win, ...expected) =>
  waitUntil(async () => {
    const text = await win.$eval('body', (el) => /** @type {HTMLElement} */ (el).innerText).catch(() => '');
    return expected.every((e) => text.includes(e)) ? text : null;
  }, { what: `the approval window to show ${expected.map((e) => `"${e}"`).join(' and ')}` });

describe('a flood of windows in Firefox ESR', { concurrency: false }, () => {
  test('Firefox ESR and the Firefox build are there', () => assertPrerequisites());

  test('two cross-origin frames connecting together get one approval window, one request at a time', { timeout: 120_000 }, async (t) => {
    const firefox = await launchFirefox();
    t.after(() => firefox.close());
    const options = new OptionsPage(firefox);
    await options.createWallet(PASSPHRASE);
    await options.addKey({ provider: 'OpenAI', name: 'Mock OpenAI', key: TEST_KEY, baseUrl: `${mock.url}/v1` });

    const top = await openApp(firefox.browser, `${site.url}/frame.html`);
    const frames = [await loadChildFrame(top, `${site.otherOrigin}/index.html`), await addFrame(top, `${third.url}/index.html`)];
    const origins = [site.otherOrigin, third.url];
    const connecting = frames.map((frame) => byokCall(frame, 'connect', {}));

    const win = await firefox.windows.next('approve.html');
    const first = await windowText(win, '1 more request waiting after this one', 'wants to use your AI keys');
    const firstOrigin = origins.find((o) => first.includes(`${o} wants to use your AI keys`));
    assert.ok(firstOrigin, first);
    assert.equal(await firefox.windows.count('approve.html'), 1);

    // Rejected: the same window shows the other frame's request, naming its own origin.
    await (await button(win, 'Reject')).click();
    const secondOrigin = origins.find((o) => o !== firstOrigin);
    const second = await windowText(win, `${secondOrigin} wants to use your AI keys`);
    assert.ok(!second.includes('more request'), second);
    assert.equal(await firefox.windows.count('approve.html'), 1);
    await (await button(win, 'Reject')).click();
    await firefox.windows.closed(win);

    const outcomes = await Promise.all(connecting);
    assert.deepEqual(outcomes.map((o) => o.error?.code), [4001, 4001]);
  });
});
