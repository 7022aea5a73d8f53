// @ts-check
/**
 * Page objects for Firefox, mirroring tests/e2e/po/: the options page, the approval and unlock
 * windows, driven through the accessible names of docs/API.md, "For testers".
 */
import { button, byRole, control, fill, gone, selectOption } from './aria.mjs';
import { waitUntil } from './wait.mjs';

/**
 * @typedef {object} KeyInput
 * @property {string} provider the Provider option's label: 'OpenAI', 'Anthropic', 'OpenAI-compatible'
 * @property {string} key
 * @property {string} [baseUrl]
 * @property {string} [name]
 */

const HEADING = '::-p-aria([name="byok wallet"][role="heading"])';

/**
 * Waits for the options page's heading. A wait begun on the tab's first document fails outright
 * when Firefox swaps in the extension's document (another process), so a failed wait is begun
 * again on the new one, until the deadline.
 * @param {import('puppeteer-core').Page} page
 */
async function walletHeading(page, deadline = Date.now() + 30_000) {
  for (;;) {
    try {
      return await page.waitForSelector(HEADING, { timeout: Math.max(1, deadline - Date.now()) });
    } catch (error) {
      if (page.isClosed() || Date.now() >= deadline) throw error;
    }
  }
}

export class OptionsPage {
  /** @type {import('puppeteer-core').Page | null} */
  page = null;

  /** @param {import('./firefox.mjs').FirefoxWallet} firefox */
  constructor(firefox) {
    this.firefox = firefox;
  }

  /** Opens options.html in a tab (once) and waits for the app to render. */
  async open() {
    if (this.page && !this.page.isClosed()) {
      await this.page.bringToFront();
      return this.page;
    }
    const page = await this.firefox.browser.newPage();
    const url = this.firefox.extensionUrl('options.html');
    // A moz-extension:// navigation never resolves over BiDi: wait for the document instead. On a
    // busy machine the first navigation can be lost (seen once in CI: the options page never rendered),
    // so a page that has not rendered after 15 s is sent there again, until 45 s.
    const deadline = Date.now() + 45_000;
    for (;;) {
      page.goto(url).catch(() => undefined);
      try {
        await walletHeading(page, Math.min(deadline, Date.now() + 15_000));
        break;
      } catch (error) {
        if (page.isClosed() || Date.now() >= deadline) throw new Error(`options.html did not render (the tab is at ${page.url()})`, { cause: error });
      }
    }
    this.page = page;
    return page;
  }

  /** Reloads the page (without awaiting the navigation, see open()) and waits for it to render. */
  async reload() {
    const page = await this.open();
    await page.evaluate(() => location.reload());
    await walletHeading(page);
    return page;
  }

  /**
   * Shows a view as a person does: clicks its item in the Wallet navigation (unless it is the one
   * shown), then waits for the view's heading. The navigation is there once the wallet is unlocked.
   * @param {'Keys' | 'Sites & apps' | 'Usage' | 'Settings' | 'Security'} name
   */
  async view(name) {
    const page = await this.open();
    const nav = await byRole(page, 'navigation', 'Wallet');
    const link = await byRole(nav, 'link', name);
    if ((await link.evaluate((el) => el.getAttribute('aria-current'))) !== 'page') await link.click();
    await byRole(page, 'heading', name);
    return page;
  }

  /** @param {string} passphrase */
  async createWallet(passphrase) {
    const page = await this.open();
    await fill(page, page, 'Passphrase', passphrase);
    await fill(page, page, 'Confirm passphrase', passphrase);
    await (await button(page, 'Create wallet')).click();
    await button(page, 'Add key');
  }

  /** @param {KeyInput} input */
  async addKey(input) {
    const page = await this.view('Keys');
    await (await button(page, 'Add key')).click();
    await selectOption(page, 'Provider', input.provider);
    if (input.name) await fill(page, page, 'Name', input.name);
    await fill(page, page, 'API key', input.key);
    if (input.baseUrl) await fill(page, page, 'Base URL', input.baseUrl);
    await (await button(page, 'Save key')).click();
    await gone(page, 'button', 'Save key');
    await button(page, 'Add key');
  }

  /**
   * A media model's price in its own unit, as the Prices form asks for it.
   * @param {string} model
   * @param {'per million characters' | 'per minute of audio' | 'per image'} unit
   * @param {number} usd
   */
  async setMediaPrice(model, unit, usd) {
    const page = await this.view('Settings');
    await selectOption(page, 'Price model', model);
    await fill(page, page, `Price (USD ${unit})`, String(usd));
    await (await button(page, 'Set price')).click();
    const list = await byRole(page, 'list', 'Price overrides');
    await waitUntil(() => list.evaluate((el, m) => (el.textContent ?? '').includes(m), model), { what: `the price of ${model} to be listed` });
  }

  /**
   * The list item of a connected site (in Sites & apps).
   * @param {string} origin
   */
  async site(origin) {
    const page = await this.view('Sites & apps');
    return byRole(page, 'listitem', origin);
  }

  /**
   * Clicks the site's Revoke button; resolves once the site is no longer listed.
   * @param {string} origin
   */
  async revoke(origin) {
    const page = await this.open();
    await (await button(await this.site(origin), 'Revoke')).click();
    await gone(page, 'listitem', origin);
  }
}

/**
 * Waits until the window's `name` button (Approve, Unlock) is armed: the wallet ignores it until
 * its window has been shown and focused for a moment (lib/ui/arming.ts), and says so in `data-armed`.
 * @param {import('puppeteer-core').Page} win
 * @param {'Approve' | 'Unlock'} [name]
 */
export function armed(win, name = 'Approve') {
  return waitUntil(() => win.evaluate((name) => [...document.querySelectorAll('button[data-armed="true"]')].some((b) => b.textContent === name), name), { what: `${name} to be armed` });
}

/**
 * Approves the pending connection in the approval window, optionally with a new budget;
 * resolves once the window has closed.
 * @param {import('./firefox.mjs').FirefoxWallet} firefox
 * @param {{ budget?: string }} [options]
 */
export async function approve(firefox, options = {}) {
  const win = await firefox.windows.next('approve.html');
  await control(win, 'Budget (USD)');
  if (options.budget !== undefined) await fill(win, win, 'Budget (USD)', options.budget);
  await armed(win);
  await (await button(win, 'Approve')).click();
  await firefox.windows.closed(win);
  return win;
}

/**
 * Rejects the pending connection in the approval window; resolves once it has closed.
 * @param {import('./firefox.mjs').FirefoxWallet} firefox
 */
export async function reject(firefox) {
  const win = await firefox.windows.next('approve.html');
  await (await button(win, 'Reject')).click();
  await firefox.windows.closed(win);
}

/**
 * Unlocks the wallet in the unlock window the wallet opened; resolves once it has closed.
 * @param {import('./firefox.mjs').FirefoxWallet} firefox
 * @param {string} passphrase
 */
export async function unlockWindow(firefox, passphrase) {
  const win = await firefox.windows.next('unlock.html');
  // What is typed before the window is armed is dropped (components/UnlockForm.tsx).
  await armed(win, 'Unlock');
  await fill(win, win, 'Passphrase', passphrase);
  await (await button(win, 'Unlock')).click();
  await firefox.windows.closed(win);
}
