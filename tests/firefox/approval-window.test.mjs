// @ts-check
/**
 * The approval window's model preselection in real Firefox ESR (the same contract as
 * tests/e2e/approval-window.spec.ts): without `models` in the request, every model of the keys is
 * offered, and only those the asked-for scopes use are ticked. Run: `node --test tests/firefox/approval-window.test.mjs`
 * after `npm run build:firefox`.
 */
import { mockAndSite, PASSPHRASE, TEST_KEY } from './support/servers.mjs';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertPrerequisites, launchFirefox } from './support/firefox.mjs';
import { OptionsPage, armed } from './support/po.mjs';
import { byokCall, openApp } from './support/app.mjs';
import { button, control } from './support/aria.mjs';
import { waitUntil } from './support/wait.mjs';

const TEST_TIMEOUT_MS = 120_000;

const env = mockAndSite();

/**
 * Each offered model with whether its box is ticked (a box's label reads "MODEL via KEY").
 * @param {import('puppeteer-core').Page} win
 * @returns {Promise<Record<string, boolean>>}
 */
function ticks(win) {
  return win.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('fieldset input[type="checkbox"]')].map((box) => [(box.parentElement?.textContent ?? '').split(' via ')[0]?.trim(), /** @type {HTMLInputElement} */ (box).checked]),
    ),
  );
}

/**
 * The option values of the Default model select.
 * @param {import('puppeteer-core').Page} win
 */
async function defaultChoices(win) {
  const select = await control(win, 'Default model');
  return select.evaluate((el) => [.../** @type {HTMLSelectElement} */ (el).options].map((o) => o.value));
}

/** The key's chat and embedding models; the mock lists its speech, transcription and image models too, never ticked for these scopes. */
const THREE = ['gpt-4o-mini', 'gpt-4o', 'text-embedding-3-small'];
/** @param {Record<string, boolean>} shown */
const pick = (shown) => Object.fromEntries(THREE.map((m) => [m, shown[m]]));
/** @param {Record<string, boolean>} shown */
const othersTicked = (shown) => Object.keys(shown).filter((m) => !THREE.includes(m) && shown[m]);

describe('the approval window in Firefox ESR', { concurrency: false }, () => {
  test('Firefox ESR and the Firefox build are there', () => assertPrerequisites());

  test('only the models the asked-for scopes use are ticked: chat models for chat, the embedding model for embed', { timeout: TEST_TIMEOUT_MS }, async (t) => {
    const firefox = await launchFirefox();
    t.after(() => firefox.close());
    const options = new OptionsPage(firefox);
    await options.createWallet(PASSPHRASE);
    await options.addKey({ provider: 'OpenAI', name: 'Mock OpenAI', key: TEST_KEY, baseUrl: `${env.mock.url}/v1` });
    const app = await openApp(firefox.browser, `${env.site.url}/index.html`);

    const chatting = byokCall(app, 'connect', { scopes: ['chat', 'models'] });
    const chatWin = await firefox.windows.next('approve.html');
    await control(chatWin, 'Budget (USD)');
    const chatTicks = await waitUntil(async () => {
      const shown = await ticks(chatWin);
      return THREE.every((m) => m in shown) ? shown : null;
    }, { what: 'the models of the key' });
    assert.deepEqual(pick(chatTicks), { 'gpt-4o-mini': true, 'gpt-4o': true, 'text-embedding-3-small': false });
    assert.deepEqual(othersTicked(chatTicks), []);
    assert.deepEqual(await defaultChoices(chatWin), ['gpt-4o-mini', 'gpt-4o']);
    await (await button(chatWin, 'Reject')).click();
    await firefox.windows.closed(chatWin);
    assert.equal((await chatting).error?.code, 4001);

    const embedding = byokCall(app, 'connect', { scopes: ['embed'] });
    const embedWin = await firefox.windows.next('approve.html');
    await control(embedWin, 'Budget (USD)');
    const embedTicks = await waitUntil(async () => {
      const shown = await ticks(embedWin);
      return THREE.every((m) => m in shown) ? shown : null;
    }, { what: 'the models of the key' });
    assert.deepEqual(pick(embedTicks), { 'gpt-4o-mini': false, 'gpt-4o': false, 'text-embedding-3-small': true });
    assert.deepEqual(othersTicked(embedTicks), []);
    assert.deepEqual(await defaultChoices(embedWin), ['text-embedding-3-small']);
    await armed(embedWin);
    await (await button(embedWin, 'Approve')).click();
    await firefox.windows.closed(embedWin);
    const grant = await embedding;
    assert.deepEqual(grant.models, ['text-embedding-3-small']);
    assert.equal(grant.defaultModel, 'text-embedding-3-small');
  });
});
