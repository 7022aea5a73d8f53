// @ts-check
/**
 * Debian's Firefox ESR with the built add-on, driven by puppeteer-core over WebDriver BiDi
 * (Playwright cannot drive this Firefox). Each launch gets a fresh profile in a temp dir, removed
 * on close. The add-on is installed as a temporary add-on with a fixed moz-extension UUID, so its
 * pages have a known URL. See docs/FIREFOX.md.
 */
import puppeteer from 'puppeteer-core';
import { access, constants, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { WindowWatcher } from './windows.mjs';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const ADDON_DIR = resolve('.output/firefox-mv3');
/** The id in the Firefox manifest (wxt.config.ts). */
export const GECKO_ID = 'wallet@byok.dev';
/** Fixed through the `extensions.webextensions.uuids` pref, so `moz-extension://UUID/` is known. */
export const ADDON_UUID = '0b7c5a1e-6a1c-4b8e-9d1e-2f0b6b0d3a58';

/**
 * @typedef {object} FirefoxWallet
 * @property {import('puppeteer-core').Browser} browser
 * @property {WindowWatcher} windows every page the browser opens, the extension's windows included
 * @property {(path: string) => string} extensionUrl `moz-extension://UUID/<path>`
 * @property {() => Promise<void>} close closes Firefox and removes the profile
 */

/**
 * @typedef {object} LaunchOptions
 * @property {Record<string, unknown>} [prefs] extra Firefox prefs for this launch
 * @property {Record<string, string | undefined>} [env] Firefox's environment (e.g. a HOME whose ~/.mozilla holds a native-messaging host)
 */

/**
 * Fails with a message that says what to do when Firefox or the Firefox build is missing: this
 * suite must never pass by skipping.
 */
export async function assertPrerequisites() {
  try {
    await access(FIREFOX_PATH, constants.X_OK);
  } catch {
    throw new Error(`Firefox is missing: no executable at ${FIREFOX_PATH}. Install it (apt-get install -y firefox-esr) or set FIREFOX_PATH.`);
  }
  let manifest;
  try {
    manifest = JSON.parse(await readFile(join(ADDON_DIR, 'manifest.json'), 'utf8'));
  } catch {
    throw new Error(`The Firefox build is missing: no ${join(ADDON_DIR, 'manifest.json')}. Run \`npm run build:firefox\` first.`);
  }
  const id = manifest?.browser_specific_settings?.gecko?.id;
  if (manifest.manifest_version !== 3 || id !== GECKO_ID) {
    throw new Error(`Unexpected Firefox build in ${ADDON_DIR}: manifest_version ${manifest.manifest_version}, gecko id ${id} (expected 3, ${GECKO_ID}).`);
  }
}

/**
 * Launches headless Firefox ESR on a fresh profile with the add-on installed.
 * @param {LaunchOptions} [options]
 * @returns {Promise<FirefoxWallet>}
 */
export async function launchFirefox(options = {}) {
  await assertPrerequisites();
  const profile = await mkdtemp(join(tmpdir(), 'byok-firefox-'));
  /** @type {import('puppeteer-core').Browser | undefined} */
  let browser;
  const close = async () => {
    await browser?.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true });
  };
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      userDataDir: profile,
      ...(options.env ? { env: options.env } : {}),
      // Lets the remote agent reach privileged (moz-extension://) documents.
      args: ['-remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: ADDON_UUID }),
        ...options.prefs,
      },
    });
    const windows = new WindowWatcher(browser);
    const id = await browser.installExtension(ADDON_DIR);
    if (id !== GECKO_ID) throw new Error(`Firefox installed the add-on as ${id}, expected ${GECKO_ID}`);
    return { browser, windows, extensionUrl: (path) => `moz-extension://${ADDON_UUID}/${path.replace(/^\//, '')}`, close };
  } catch (error) {
    await close();
    throw error;
  }
}
