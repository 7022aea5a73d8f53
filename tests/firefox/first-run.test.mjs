// @ts-check
/**
 * First run in real Firefox ESR (docs/API.md, "For testers"): installing the add-on opens the
 * welcome page, and a site's connect made before the wallet or any key exists waits while the
 * person sets up on that page, then resolves once they approve in the approval window.
 * Run: `npm run build:firefox && node --test tests/firefox/`.
 */
import { mockAndSite, PASSPHRASE, TEST_KEY } from './support/servers.mjs';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertPrerequisites, launchFirefox } from './support/firefox.mjs';
import { OptionsPage, approve } from './support/po.mjs';
import { byokCall, openApp } from './support/app.mjs';
import { waitUntil } from './support/wait.mjs';


const env = mockAndSite();

describe('first run in Firefox ESR', { concurrency: false }, () => {
  test('Firefox ESR and the Firefox build are there', () => assertPrerequisites());

  test('installing opens the welcome page; a connect made before any wallet resolves after setup and approval', { timeout: 150_000 }, async (t) => {
    const firefox = await launchFirefox();
    t.after(() => firefox.close());
    const welcome = await firefox.windows.next('options.html');
    await welcome.waitForSelector('::-p-aria([name="Welcome to byok"][role="heading"])');

    const app = await openApp(firefox.browser, `${env.site.url}/index.html`);
    const origin = new URL(app.url()).origin;
    const connecting = byokCall(app, 'connect', { budget: { usd: 0.5, period: 'day' } });
    await waitUntil(() => welcome.evaluate((o) => document.body.innerText.includes(`${o} is waiting to connect`), origin), { what: 'the welcome page to name the waiting site' });

    const options = new OptionsPage(firefox);
    options.page = welcome;
    await options.createWallet(PASSPHRASE);
    await options.addKey({ provider: 'OpenAI', name: 'Mock OpenAI', key: TEST_KEY, baseUrl: `${env.mock.url}/v1` });
    await approve(firefox, { budget: '0.25' });

    const grant = await connecting;
    assert.equal(grant.error, undefined, `connect failed: ${JSON.stringify(grant.error)}`);
    assert.equal(grant.origin, origin);
    assert.deepEqual(grant.budget, { usd: 0.25, period: 'day' });
  });
});
