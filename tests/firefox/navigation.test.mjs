// @ts-check
/**
 * The options page's navigation in real Firefox ESR: each view shown by its item in the Wallet
 * navigation, one at a time, marked aria-current, its heading focused, and the URL's hash
 * following (components/WalletNav.tsx). Run: `npm run build:firefox && node --test tests/firefox/`.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertPrerequisites, launchFirefox } from './support/firefox.mjs';
import { OptionsPage } from './support/po.mjs';
import { byRole } from './support/aria.mjs';

const PASSPHRASE = 'correct horse battery staple';

/**
 * Each view: its nav item, the hash it routes to, and something only it shows (a role and a name).
 * @type {{ name: 'Keys' | 'Sites & apps' | 'Usage' | 'Settings' | 'Security', hash: string, role: string, shows: string }[]}
 */
const VIEWS = [
  { name: 'Sites & apps', hash: '#sites', role: 'list', shows: 'Connected sites' },
  { name: 'Usage', hash: '#usage', role: 'region', shows: 'Recent requests' },
  { name: 'Settings', hash: '#settings', role: 'region', shows: 'Over budget' },
  { name: 'Security', hash: '#security', role: 'button', shows: 'Change passphrase' },
  { name: 'Keys', hash: '#keys', role: 'button', shows: 'Add key' },
];

describe('the options page navigation in Firefox ESR', { concurrency: false }, () => {
  test('Firefox ESR and the Firefox build are there', () => assertPrerequisites());

  test('each nav item shows its view alone, marked current, with focus on its heading', { timeout: 120_000 }, async (t) => {
    const firefox = await launchFirefox();
    t.after(() => firefox.close());
    const options = new OptionsPage(firefox);
    await options.createWallet(PASSPHRASE);
    for (const { name, hash, role, shows } of VIEWS) {
      const page = await options.view(name);
      await byRole(page, role, shows);
      const state = await page.evaluate(() => ({
        hash: location.hash,
        current: [...document.querySelectorAll('nav[aria-label="Wallet"] a[aria-current="page"]')].map((a) => a.textContent),
        focused: document.activeElement?.tagName === 'H2' ? document.activeElement.textContent : null,
        views: document.querySelectorAll('main section.view').length,
      }));
      assert.deepEqual(state, { hash, current: [name], focused: name, views: 1 }, `the ${name} view`);
    }
  });
});
