/**
 * Keys look after themselves (lib/keys/daily-check.ts): a key revoked at the provider is found by
 * the daily check, and shows so in the key list, with when it was checked and what the provider said.
 */
import type { Worker } from '@playwright/test';
import { expect, PASSPHRASE, test, TEST_KEY } from './fixtures';
import { walletWithKeys } from './po/setup';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A day passes for the key named `name`: its last check is moved back a day (the wallet's own database). */
async function aDayPassesFor(sw: Worker, name: string): Promise<void> {
  await sw.evaluate(
    async ({ name, day }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('byok');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const store = db.transaction('keys', 'readwrite').objectStore('keys');
      const keys = await new Promise<{ name: string; checkedAt?: number }[]>((resolve) => {
        const req = store.getAll();
        req.onsuccess = () => resolve(req.result as { name: string; checkedAt?: number }[]);
      });
      const key = keys.find((k) => k.name === name)!;
      store.put({ ...key, checkedAt: (key.checkedAt ?? Date.now()) - day });
      await new Promise((resolve) => (store.transaction.oncomplete = resolve));
      db.close();
    },
    { name, day: DAY_MS },
  );
}

/** Fires the daily check's alarm now, as the browser would when its hour comes. */
async function fireDailyCheck(sw: Worker): Promise<void> {
  await sw.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: { alarms: { create(name: string, info: { when: number }): Promise<void> } } }).chrome;
    await chrome.alarms.create('keys.dailyCheck', { when: Date.now() + 10 });
  });
}

test('a key revoked at the provider is found by the daily check, and marked so in the key list', async ({ sw, options, mock }) => {
  const revokedKey = `${TEST_KEY}-revoked`;
  await options.createWallet(PASSPHRASE);
  await options.addKey({ provider: 'OpenAI', name: 'Personal', key: revokedKey, baseUrl: `${mock.url}/v1` });
  await options.addKey({ provider: 'OpenAI', name: 'Work', key: TEST_KEY, baseUrl: `${mock.url}/v1` });
  const page = await options.open();
  const personal = page.getByRole('listitem', { name: 'Personal' });
  await expect(personal).toContainText('valid');

  mock.revoke(revokedKey);
  const requestsBefore = mock.stats().requests;
  await aDayPassesFor(sw, 'Personal');
  await fireDailyCheck(sw);

  await expect(personal).toContainText('rejected by the provider');
  await expect(personal).toContainText('Incorrect API key provided');
  await expect(personal).toContainText('checked with the provider');
  // The other key was checked less than a day ago: the check asked the provider about one key only.
  await expect(page.getByRole('listitem', { name: 'Work' })).not.toContainText('rejected');
  expect(mock.stats().requests - requestsBefore).toBe(1);
});

test('the daily check asks nothing while the wallet is locked', async ({ sw, options, mock }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  const page = await options.open();
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByRole('button', { name: 'Unlock' }).waitFor();
  await aDayPassesFor(sw, 'Mock OpenAI');
  const before = mock.stats().requests;
  await fireDailyCheck(sw);
  await expect.poll(() => sw.evaluate(async () => (globalThis as unknown as { chrome: { alarms: { get(n: string): Promise<{ periodInMinutes?: number } | undefined> } } }).chrome.alarms.get('keys.dailyCheck'))).toMatchObject({ periodInMinutes: 60 });
  expect(mock.stats().requests).toBe(before);
});
