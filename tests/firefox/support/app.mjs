// @ts-check
/**
 * A web page calling `window.byok` as an app would (mirrors tests/e2e/po/app.ts): results, or
 * `{ error }` as data when the call rejects.
 */

/**
 * @typedef {{ code?: number, name: string, message: string }} CallErrorInfo
 * @typedef {{ error: CallErrorInfo }} CallError
 * @typedef {{ text: string, model: string, provider: string, usage: { inputTokens: number, outputTokens: number }, costUsd: number, finishReason: string }} ChatResult
 * @typedef {{ result?: ChatResult, deltas: string[], error?: CallErrorInfo }} StreamedChat
 * @typedef {Record<string, (...args: unknown[]) => Promise<unknown>> & { on(event: string, fn: (data: unknown) => void): void }} Byok
 */

/**
 * Opens `url` in a new tab and waits for the wallet's provider to be there.
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} url
 */
export async function openApp(browser, url) {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForFunction(() => 'byok' in window);
  return page;
}

/** @typedef {import('puppeteer-core').Page | import('puppeteer-core').Frame} Target a page or one of its frames */

/**
 * Runs `window.byok[method](...args)` in the page or frame.
 * @param {Target} page
 * @param {string} method
 * @param {unknown[]} args
 * @returns {Promise<any>} the method's result, or a {@link CallError}
 */
export function byokCall(page, method, ...args) {
  return page.evaluate(
    async (method, args) => {
      try {
        const byok = /** @type {Byok} */ (/** @type {unknown} */ (Reflect.get(window, 'byok')));
        return await byok[method]?.(...args);
      } catch (e) {
        const err = /** @type {CallErrorInfo} */ (e);
        return { error: { code: err.code, name: err.name, message: err.message } };
      }
    },
    method,
    args,
  );
}

/**
 * A streaming chat; with `abortAfterDeltas`, aborts once that many deltas arrived.
 * @param {Target} page
 * @param {unknown} request
 * @param {{ abortAfterDeltas?: number }} [options]
 * @returns {Promise<StreamedChat>}
 */
export function chat(page, request, options = {}) {
  return page.evaluate(
    async (request, abortAfterDeltas) => {
      /** @type {string[]} */
      const deltas = [];
      const controller = new AbortController();
      try {
        const byok = /** @type {Byok} */ (/** @type {unknown} */ (Reflect.get(window, 'byok')));
        const result = /** @type {ChatResult} */ (
          await byok.chat?.(request, {
            signal: controller.signal,
            /** @param {string} d */
            onDelta: (d) => {
              deltas.push(d);
              if (abortAfterDeltas !== null && deltas.length >= abortAfterDeltas) controller.abort();
            },
          })
        );
        return { result, deltas };
      } catch (e) {
        const err = /** @type {CallErrorInfo} */ (e);
        return { deltas, error: { code: err.code, name: err.name, message: err.message } };
      }
    },
    request,
    options.abortAfterDeltas ?? null,
  );
}

/**
 * Resolves with the data of the next `grantChanged` event the page receives. Subscribes
 * before resolving the outer promise, so nothing is missed.
 * @param {import('puppeteer-core').Page} page
 * @returns {Promise<{ next: Promise<unknown> }>}
 */
export async function nextGrantChanged(page) {
  await page.evaluate(() => {
    const byok = /** @type {Byok} */ (/** @type {unknown} */ (Reflect.get(window, 'byok')));
    Reflect.set(
      window,
      '__grantChanged',
      new Promise((resolve) => byok.on('grantChanged', resolve)),
    );
  });
  return { next: page.evaluate(() => Reflect.get(window, '__grantChanged')) };
}

/**
 * Loads `url` into the page's `iframe#child` and resolves its frame once the wallet's provider
 * is there.
 * @param {import('puppeteer-core').Page} page a page like tests/e2e/pages/frame.html
 * @param {string} url
 */
export async function loadChildFrame(page, url) {
  await page.evaluate(
    (url) =>
      new Promise((resolve) => {
        const frame = /** @type {HTMLIFrameElement} */ (document.getElementById('child'));
        frame.addEventListener('load', () => resolve(undefined), { once: true });
        frame.src = url;
      }),
    url,
  );
  const frame = page.frames().find((f) => f.url() === url);
  if (!frame) throw new Error(`no frame for ${url} in ${page.url()}`);
  await frame.waitForFunction(() => 'byok' in window);
  return frame;
}

/** @param {string} content */
export const user = (content) => ({ messages: [{ role: 'user', content }] });
