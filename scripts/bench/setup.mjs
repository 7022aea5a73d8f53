/** Puts a benchmark wallet in place through the UI: created, keyed to the mock, page connected. */
import { launchWallet } from '../browser.mjs';

export const PASSPHRASE = 'bench passphrase 1234';

export async function setUpWallet({ context, extensionId }, mockUrl) {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await options.getByLabel('Confirm passphrase', { exact: true }).fill(PASSPHRASE);
  await options.getByRole('button', { name: 'Create wallet' }).click();
  await options.getByRole('button', { name: 'Add key' }).click();
  await options.getByLabel('Provider').selectOption({ label: 'OpenAI' });
  await options.getByLabel('API key').fill('sk-test-bench');
  await options.getByLabel('Base URL').fill(`${mockUrl}/v1`);
  await options.getByRole('button', { name: 'Save key' }).click();
  await options.getByRole('button', { name: 'Add key' }).waitFor();
  return options;
}

/**
 * Connects `page` with a generous budget and rate limit, approving in the approval window;
 * `request` adds to what connect() asks for (e.g. `{ scopes }`).
 */
export async function connectPage(context, page, options, request = {}) {
  const approval = context.waitForEvent('page', { predicate: (p) => p.url().includes('approve.html') });
  const connected = page.evaluate((request) => window.byok.connect({ budget: { usd: 1000, period: 'total' }, ...request }), request);
  const win = await approval;
  await win.getByLabel('Budget (USD)').waitFor();
  // Approve is ignored until the window has been shown and focused for a moment: wait until it is armed.
  await win.locator('button[data-armed="true"]', { hasText: 'Approve' }).waitFor();
  // The window closes as soon as the wallet has the answer, sometimes before the click returns.
  await win.getByRole('button', { name: 'Approve', exact: true }).click();
  // $1000 is above the wallet's "Confirm budgets above" ($20 by default): a second step, armed on its own.
  await win.locator('button[data-armed="true"]', { hasText: 'Approve anyway' }).waitFor();
  await win.getByRole('button', { name: 'Approve anyway' }).click().catch((error) => {
    if (!win.isClosed()) throw error;
  });
  const grant = await connected;
  // Benchmarks send far more than the default 30 requests a minute.
  await options.evaluate(
    (origin) => chrome.runtime.sendMessage({ byokUi: 1, command: 'grants.update', params: { origin, rateLimitPerMin: 10000 } }),
    grant.origin,
  );
  return grant;
}

/** Runs in a wallet page: unlocks the vault (a browser started again starts locked). */
export async function unlockWallet(passphrase) {
  const reply = await chrome.runtime.sendMessage({ byokUi: 1, command: 'vault.unlock', params: { passphrase } });
  if (!reply?.ok) throw new Error(reply?.error?.message ?? 'the wallet did not unlock');
  return true;
}

/** Median ms of `vault.unlock` at the default KDF, measured from an extension page. */
export async function measureUnlock(options, runs) {
  return options.evaluate(
    async ({ passphrase, runs }) => {
      const send = (command, params) => chrome.runtime.sendMessage({ byokUi: 1, command, params });
      const times = [];
      for (let i = 0; i < runs; i++) {
        await send('vault.lock');
        const t0 = performance.now();
        const reply = await send('vault.unlock', { passphrase });
        if (!reply.ok) throw new Error(reply.error.message);
        times.push(performance.now() - t0);
      }
      return times;
    },
    { passphrase: PASSPHRASE, runs },
  );
}

/**
 * A wallet of the build at `extension` in `profile`, created, keyed to the mock and with the bench
 * page at `siteUrl` connected (`request` adds to what connect() asks for), then closed: the profile
 * is ready for a browser nobody observes (plain-browser.mjs).
 */
export async function connectedProfile({ profile, extension, mockUrl, siteUrl, request = {} }) {
  const wallet = await launchWallet({ headless: true, profile, extension });
  try {
    const options = await setUpWallet(wallet, mockUrl);
    const page = await wallet.context.newPage();
    await page.goto(`${siteUrl}/index.html`);
    await connectPage(wallet.context, page, options, request);
  } finally {
    await wallet.close();
  }
}
