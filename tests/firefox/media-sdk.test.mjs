// @ts-check
/**
 * The official openai SDK's speech, transcription and image calls through `byokFetch`, in a page
 * in real Firefox ESR (the Chromium counterpart: tests/e2e/client.spec.ts). The SDK is bundled by
 * vite into the test apps (tests/e2e/apps, `npm run build:test-apps`).
 * Run: `npm run build:firefox && npm run build:test-apps && node --test tests/firefox/`.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { startMock } from '../../mock/server.mjs';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { PASSPHRASE, TEST_KEY } from './support/servers.mjs';
import { assertPrerequisites, launchFirefox } from './support/firefox.mjs';
import { OptionsPage, approve } from './support/po.mjs';
import { byokCall, openApp } from './support/app.mjs';

/** @type {{ mock: Awaited<ReturnType<typeof startMock>>, site: Awaited<ReturnType<typeof startStaticServer>> }} */
const env = /** @type {never} */ ({});
before(async () => {
  env.mock = await startMock();
  env.site = await startStaticServer({ '/apps/': resolve('tests/e2e/apps/dist'), '/': resolve('tests/e2e/pages') });
});
after(async () => {
  await env.mock?.close();
  await env.site?.close();
});

/**
 * Runs `fn(arg)` of the openai test app in `page`; every function returns plain data, errors included.
 * @param {import('puppeteer-core').Page} page
 * @param {string} fn
 * @param {unknown} arg
 * @returns {Promise<any>}
 */
function inOpenAIApp(page, fn, arg) {
  return page.evaluate(
    async (fn, arg) => {
      const apps = /** @type {{ openai: () => Promise<Record<string, (a: unknown) => Promise<unknown>>> }} */ (Reflect.get(window, 'testApps'));
      return (await apps.openai())[fn]?.(arg);
    },
    fn,
    arg,
  );
}

describe('the openai SDK’s media calls through byokFetch in Firefox ESR', { concurrency: false }, () => {
  test('Firefox ESR and the Firefox build are there', () => assertPrerequisites());

  test('audio.speech.create, audio.transcriptions.create and images.generate', { timeout: 150_000 }, async (t) => {
    const firefox = await launchFirefox();
    t.after(() => firefox.close());
    const options = new OptionsPage(firefox);
    await options.createWallet(PASSPHRASE);
    await options.addKey({ provider: 'OpenAI', name: 'Mock OpenAI', key: TEST_KEY, baseUrl: `${env.mock.url}/v1` });
    const page = await openApp(firefox.browser, `${env.site.url}/apps/index.html`);
    await page.waitForFunction(() => 'testApps' in window);
    const connecting = byokCall(page, 'connect', { scopes: ['chat', 'models', 'speech', 'transcription', 'images'] });
    await approve(firefox);
    assert.equal((await connecting).error, undefined);

    const spoken = await inOpenAIApp(page, 'speech', { text: 'Hello from the SDK.' });
    assert.equal(spoken.type, 'audio/mpeg', JSON.stringify(spoken));
    assert.ok(spoken.size > 0);

    const heard = await inOpenAIApp(page, 'transcription', { seconds: 1 });
    assert.match(heard.text ?? '', /^Mock transcript of 32044 bytes/, JSON.stringify(heard));
    assert.match(heard.srt ?? '', /-->/);
    assert.deepEqual(env.mock.stats().uploads.map((/** @type {{ bytes: number }} */ u) => u.bytes), [32_044, 32_044]);

    const drawn = await inOpenAIApp(page, 'image', { prompt: 'a lighthouse at dusk' });
    assert.equal(drawn.images?.[0]?.revised, 'A mock rendering of: a lighthouse at dusk', JSON.stringify(drawn));
    assert.ok(drawn.images[0].bytes > 50);
  });
});
