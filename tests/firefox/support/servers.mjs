// @ts-check
/**
 * What the Firefox test files share: the wallet's passphrase and the mock's test key, and the
 * bundled mock provider and the test site, started before a file's tests and closed after them.
 */
import { after, before } from 'node:test';
import { resolve } from 'node:path';
import { startMock } from '../../../mock/server.mjs';
import { startStaticServer } from '../../../scripts/static-server.mjs';

export const PASSPHRASE = 'correct horse battery staple';
export const TEST_KEY = 'sk-test-firefox-0123456789abcdefSECRET';

/**
 * Registers the file's `before` and `after`; the returned object holds the servers once they run.
 * @returns {{ mock: Awaited<ReturnType<typeof startMock>>, site: Awaited<ReturnType<typeof startStaticServer>> }}
 */
export function mockAndSite() {
  const env = /** @type {ReturnType<typeof mockAndSite>} */ ({});
  before(async () => {
    env.mock = await startMock();
    env.site = await startStaticServer({ '/': resolve('tests/e2e/pages') });
  });
  after(async () => {
    await env.mock?.close();
    await env.site?.close();
  });
  return env;
}
