// @ts-check
/**
 * The windows the extension opens itself (`windows.create({ type: 'popup' })`: approval,
 * unlock). Over BiDi such a window first appears as an `about:blank` target whose URL puppeteer
 * never updates, so each new page is asked for its own `location.href` until one matches.
 */
import { waitUntil } from './wait.mjs';

export class WindowWatcher {
  /** @type {Set<import('puppeteer-core').Page>} */
  #pages = new Set();
  /** @type {Promise<void>} */
  #ready;

  /** @param {import('puppeteer-core').Browser} browser */
  constructor(browser) {
    browser.on('targetcreated', (target) => {
      if (target.type() === 'page') void target.page().then((page) => page && this.#track(page));
    });
    this.#ready = browser.pages().then((pages) => pages.forEach((p) => this.#track(p)));
  }

  /** @param {import('puppeteer-core').Page} page */
  #track(page) {
    if (page.isClosed()) return;
    this.#pages.add(page);
    page.once('close', () => this.#pages.delete(page));
  }

  /**
   * The open window whose document is the extension page `path` (e.g. `approve.html`),
   * waiting for it to open and for its document to be parsed.
   * @param {string} path
   * @param {{ timeoutMs?: number }} [options]
   * @returns {Promise<import('puppeteer-core').Page>}
   */
  async next(path, options = {}) {
    await this.#ready;
    return waitUntil(
      async () => {
        for (const page of this.#pages) {
          if (page.isClosed()) continue;
          const state = await page.evaluate(() => ({ href: location.href, ready: document.readyState !== 'loading' })).catch(() => null);
          if (state?.ready && state.href.startsWith('moz-extension://') && new URL(state.href).pathname === `/${path}`) return page;
        }
        return null;
      },
      { what: `the extension window ${path}`, ...options },
    );
  }

  /**
   * How many open windows show the extension page `path` now.
   * @param {string} path
   */
  async count(path) {
    await this.#ready;
    let count = 0;
    for (const page of this.#pages) {
      if (page.isClosed()) continue;
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension://') && new URL(href).pathname === `/${path}`) count++;
    }
    return count;
  }

  /**
   * Resolves once `page` is closed (by the extension or the browser). A window the extension
   * closes (`windows.remove`) sends puppeteer no close event over BiDi: its browsing context is
   * simply gone, which Firefox reports as "no such frame" when the page is next asked anything.
   * @param {import('puppeteer-core').Page} page
   */
  closed(page) {
    return waitUntil(
      async () =>
        page.isClosed() ||
        page.evaluate(() => false).catch((error) => {
          if (!/no such frame|not found|closed|detached/i.test(String(error?.message))) throw error;
          this.#pages.delete(page);
          return true;
        }),
      { what: 'the window to close' },
    );
  }
}
