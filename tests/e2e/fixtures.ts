/**
 * Playwright fixtures: a fresh Chromium profile with the built extension per test, the bundled
 * mock provider and a test web server per worker. Nothing here sleeps: everything waits for a
 * condition.
 */
import { test as base, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { resolve } from 'node:path';
import { startMock } from '../../mock/server.mjs';
import { EXTENSION_PATH, launchWallet } from '../../scripts/browser.mjs';
import { startSite, type Site } from './support/site-server';
import { OptionsPage } from './po/options-page';

export const PASSPHRASE = 'correct horse battery staple';
export const TEST_KEY = 'sk-test-e2e-0123456789abcdefSECRET';

export type Mock = Awaited<ReturnType<typeof startMock>>;

interface WorkerFixtures {
  mock: Mock;
  site: Site;
}

interface Fixtures {
  /**
   * The build under test: the one that ships, unless a spec that reads the worker's diagnostics
   * asks for the diagnostics build (`test.use({ extensionPath: DIAGNOSTICS_PATH })`), the same
   * code with its timings exposed (tests/e2e/diagnostics.spec.ts checks the shipped one has none).
   */
  extensionPath: string;
  context: BrowserContext;
  sw: Worker;
  extensionId: string;
  options: OptionsPage;
  /** A tab on the test site (origin http://127.0.0.1:PORT). */
  app: Page;
}

export async function serviceWorkerOf(context: BrowserContext): Promise<Worker> {
  const existing = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  return existing ?? context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith('chrome-extension://') });
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  mock: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
    async ({}, use) => {
      const mock = await startMock();
      await use(mock);
      await mock.close();
    },
    { scope: 'worker' },
  ],
  site: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
    async ({}, use) => {
      const site = await startSite({ '/client/': resolve('client/dist'), '/demo/': resolve('demo/dist'), '/apps/': resolve('tests/e2e/apps/dist'), '/': resolve('tests/e2e/pages') });
      await use(site);
      await site.close();
    },
    { scope: 'worker' },
  ],
  extensionPath: [EXTENSION_PATH, { option: true }],
  context: async ({ extensionPath }, use) => {
    const wallet = await launchWallet({ headless: true, extension: extensionPath });
    await use(wallet.context);
    await wallet.close();
  },
  sw: async ({ context }, use) => use(await serviceWorkerOf(context)),
  extensionId: async ({ sw }, use) => use(new URL(sw.url()).host),
  options: async ({ context, extensionId }, use) => use(new OptionsPage(context, extensionId)),
  app: async ({ context, site }, use) => {
    const page = await context.newPage();
    await page.goto(`${site.url}/index.html`);
    await use(page);
  },
});

export const expect = test.expect;
