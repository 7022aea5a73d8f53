// @ts-check
/**
 * Oversized requests in real Firefox ESR (docs/THREAT_MODEL.md §1): Firefox has no lane, so a
 * page's messages take the runtime port, and the content script refuses one over its method's
 * limit (lib/protocol/limits.ts) before it parses or forwards it. The page gets -32602 naming the
 * limit; nothing reaches the provider; the next call answers.
 * Run: `npm run build:firefox && node --test tests/firefox/`.
 */
import { mockAndSite, PASSPHRASE, TEST_KEY } from './support/servers.mjs';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertPrerequisites, launchFirefox } from './support/firefox.mjs';
import { OptionsPage, approve } from './support/po.mjs';
import { byokCall, chat, openApp, user } from './support/app.mjs';

/** chat's limit, in characters of JSON (lib/protocol/limits.ts). */
const CHAT_LIMIT = 32 * 1024 * 1024;

const env = mockAndSite();

describe('oversized requests in Firefox ESR', { concurrency: false }, () => {
  test('Firefox ESR and the Firefox build are there', () => assertPrerequisites());

  test('an oversized chat gets -32602 naming the limit, reaches no provider, and the next call answers', { timeout: 180_000 }, async (t) => {
    const firefox = await launchFirefox();
    t.after(() => firefox.close());
    const options = new OptionsPage(firefox);
    await options.createWallet(PASSPHRASE);
    await options.addKey({ provider: 'OpenAI', name: 'Mock OpenAI', key: TEST_KEY, baseUrl: `${env.mock.url}/v1` });
    const app = await openApp(firefox.browser, `${env.site.url}/index.html`);
    const connecting = byokCall(app, 'connect', {});
    await approve(firefox, { budget: '1' });
    assert.equal((await connecting).error, undefined);
    env.mock.reset();

    const tooLarge = `Invalid request: message: too large: chat allows at most ${CHAT_LIMIT} characters of JSON`;
    // 12 parts of 3 M characters, each within the schema: 36 M in all.
    const parts = await app.evaluate(async () => {
      const text = 'x'.repeat(3_000_000);
      const byok = /** @type {{ chat(r: unknown): Promise<unknown> }} */ (/** @type {unknown} */ (Reflect.get(window, 'byok')));
      return byok.chat({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: Array.from({ length: 12 }, () => ({ type: 'text', text })) }] }).then(
        () => 'answered',
        (/** @type {{ code: number, message: string }} */ e) => ({ code: e.code, message: e.message }),
      );
    });
    assert.deepEqual(parts, { code: -32602, message: tooLarge });
    // One string of 100 M characters: over every limit, refused without being parsed.
    const string = await app.evaluate(async () => {
      const byok = /** @type {{ chat(r: unknown): Promise<unknown> }} */ (/** @type {unknown} */ (Reflect.get(window, 'byok')));
      return byok.chat({ messages: [{ role: 'user', content: 'x'.repeat(100_000_000) }] }).then(
        () => 'answered',
        (/** @type {{ code: number, message: string }} */ e) => ({ code: e.code, message: e.message }),
      );
    });
    assert.deepEqual(string, { code: -32602, message: tooLarge });
    assert.equal(env.mock.stats().completions, 0);

    const next = await chat(app, { ...user('still here'), model: 'gpt-4o-mini' });
    assert.equal(next.error, undefined, JSON.stringify(next.error));
    assert.match(next.result?.text ?? '', /still here/);
  });
});
