/**
 * The vault to a password manager's standard (issue 3), in real Chromium: change passphrase,
 * export → reset → import on a fresh profile, key rotation and management, auto-lock, and the
 * lock after a browser restart.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from '@playwright/test';
import { test, expect, PASSPHRASE, TEST_KEY } from './fixtures';
import { launchWallet } from '../../scripts/browser.mjs';
import { OptionsPage } from './po/options-page';
import { byokCall, chat, user } from './po/app';
import { connectApproved, walletWithKeys } from './po/setup';
import { changePassphrase, exportBackup, importBackup, keyAction, keyRow, lock, renameKey, resetWallet, rotateKey, setAutoLock, tryUnlock } from './po/vault';

const NEW_PASSPHRASE = 'a brand new passphrase 2';

test('change passphrase, then lock: the old passphrase fails, the new one unlocks', async ({ options }) => {
  await options.createWallet(PASSPHRASE);
  // Too short is refused before anything is sent; the strength meter is shown.
  let page = await changePassphrase(options, PASSPHRASE, 'short', 'short');
  await expect(page.getByRole('alert')).toHaveText('The passphrase must have at least 10 characters');
  await expect(page.getByRole('meter', { name: 'Strength meter of the new one' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  // A wrong current passphrase is refused.
  page = await changePassphrase(options, 'not my passphrase', NEW_PASSPHRASE);
  await expect(page.getByRole('alert')).toHaveText('Wrong passphrase');
  await page.getByRole('button', { name: 'Cancel' }).click();

  page = await changePassphrase(options, PASSPHRASE, NEW_PASSPHRASE);
  await expect(page.getByRole('status')).toHaveText('Passphrase changed');
  await lock(options);
  expect(await tryUnlock(options, PASSPHRASE)).toBe('Wrong passphrase');
  expect(await tryUnlock(options, NEW_PASSPHRASE)).toBeNull();
});

test('export → reset → import on a fresh profile: everything comes back, and the site still chats', async ({ context, options, app, mock, site }, testInfo) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  await options.setPrice('gpt-4o-mini', 1, 2);
  const origin = new URL(app.url()).origin;
  await connectApproved(context, app, {}, '1');
  expect((await chat(app, { ...user('before the backup'), model: 'gpt-4o-mini' })).result?.text).toContain('before the backup');

  const download = await exportBackup(options);
  expect(download.suggestedFilename()).toMatch(/^byok-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const file = testInfo.outputPath('backup.json');
  await download.saveAs(file);
  const text = await readFile(file, 'utf8');
  expect(JSON.parse(text)).toMatchObject({ format: 'byok-backup', version: 1 });
  for (const needle of [TEST_KEY, Buffer.from(TEST_KEY).toString('base64'), origin]) expect(text).not.toContain(needle);

  // Forgot the passphrase: reset from the locked screen. The site loses its grant.
  await lock(options);
  const events = app.evaluate(
    () => new Promise((resolve) => (window as unknown as { byok: { on(e: string, f: (g: unknown) => void): void } }).byok.on('grantChanged', resolve)),
  );
  await resetWallet(options);
  expect(await events).toBeNull();
  expect(await byokCall(app, 'getGrant')).toBeNull();

  // A fresh install elsewhere: Import backup is offered beside Create wallet.
  const second = await launchWallet({ headless: true });
  try {
    const fresh = new OptionsPage(second.context, second.extensionId);
    const page = await fresh.open();
    await expect(page.getByRole('button', { name: 'Create wallet' })).toBeVisible();
    // A wrong passphrase is refused with the reason.
    await importBackup(fresh, file, 'not the passphrase');
    await expect(page.getByRole('alert')).toContainText('Wrong passphrase for this backup');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await importBackup(fresh, file, PASSPHRASE);
    await page.getByRole('button', { name: 'Add key' }).waitFor();
    await expect(page.getByRole('list', { name: 'Keys' }).getByRole('listitem')).toHaveCount(2);
    await fresh.view('Sites & apps');
    await expect(page.getByRole('list', { name: 'Connected sites' }).getByRole('listitem', { name: origin })).toBeVisible();
    await fresh.view('Settings');
    await expect(page.getByText('gpt-4o-mini: $1 in / $2 out')).toBeVisible();
    await fresh.view('Usage');
    await expect(page.getByRole('table', { name: 'Request log' })).toContainText('gpt-4o-mini');

    // The restored grant serves chat to the site at once: no approval window.
    const app2 = await second.context.newPage();
    await app2.goto(`${site.url}/index.html`);
    expect(await byokCall(app2, 'getGrant')).toMatchObject({ origin });
    const after = await chat(app2, { ...user('after the restore'), model: 'gpt-4o-mini' });
    expect(after.error).toBeUndefined();
    expect(after.result?.text).toContain('after the restore');
    // It opens with the backup's passphrase.
    await lock(fresh);
    expect(await tryUnlock(fresh, PASSPHRASE)).toBeNull();
  } finally {
    await second.close();
  }
});

test('rotate a key: the connected site keeps working with the new secret; manage keys', async ({ context, options, app, mock }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  const grant = (await connectApproved(context, app, {}, '1')) as { createdAt: number };
  expect((await chat(app, { ...user('one'), model: 'gpt-4o-mini' })).result?.text).toContain('one');
  const page = await options.view('Keys');

  // A secret the provider refuses (the mock accepts only sk-test-…): saved anyway, it is flagged
  // and the site's request fails with the provider's 401, so the new secret is the one sent.
  await rotateKey(options, 'Mock OpenAI', 'sk-live-refused-9999', true);
  await expect(keyRow(page, 'Mock OpenAI')).toContainText('••••9999');
  await expect(keyRow(page, 'Mock OpenAI')).toContainText('rejected by the provider');
  mock.reset();
  const refused = await chat(app, { ...user('two'), model: 'gpt-4o-mini' });
  expect(refused.error).toMatchObject({ code: 5000 });
  expect(mock.stats().last).toMatchObject({ path: '/v1/chat/completions', model: 'gpt-4o-mini' });
  expect(mock.stats().completions).toBe(0); // refused by the provider's auth

  await rotateKey(options, 'Mock OpenAI', 'sk-test-rotated-e2e-NEW1');
  await expect(keyRow(page, 'Mock OpenAI')).toContainText('••••NEW1');
  await expect(keyRow(page, 'Mock OpenAI').getByText('valid', { exact: true })).toBeVisible();
  mock.reset();
  const three = await chat(app, { ...user('three'), model: 'gpt-4o-mini' });
  expect(three.result?.text).toContain('three');
  expect(mock.stats()).toMatchObject({ completions: 1, last: { model: 'gpt-4o-mini' } });
  // The same grant: nothing was asked again.
  expect(await byokCall(app, 'getGrant')).toMatchObject({ createdAt: grant.createdAt });
  await expect(keyRow(page, 'Mock OpenAI')).toContainText('last used');

  // Rename, disable (the site is refused), enable, re-validate.
  await renameKey(options, 'Mock OpenAI', 'Work OpenAI');
  await keyAction(options, 'Disable', 'Work OpenAI');
  await expect(keyRow(page, 'Work OpenAI')).toContainText('disabled');
  expect(await byokCall(app, 'chat', { ...user('four'), model: 'gpt-4o-mini' })).toMatchObject({ error: { code: 4100 } });
  await keyAction(options, 'Enable', 'Work OpenAI');
  await expect(keyRow(page, 'Work OpenAI')).not.toContainText('disabled');
  expect((await chat(app, { ...user('five'), model: 'gpt-4o-mini' })).result?.text).toContain('five');
  await keyAction(options, 'Re-validate', 'Mock Anthropic');
  await expect(keyRow(page, 'Mock Anthropic')).toContainText('checked with the provider');
});

async function autolockAlarm(sw: Worker): Promise<number | null> {
  return sw.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: { alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> } } }).chrome;
    return (await chrome.alarms.get('byok-autolock'))?.scheduledTime ?? null;
  });
}

test('auto-lock: the setting arms the alarm; admitted requests and UI commands push it back', async ({ context, options, app, sw, mock }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  await connectApproved(context, app, {}, '1');
  await setAutoLock(options, 'After 1 idle minute');
  // The default's alarm (15 minutes) is there until the new setting arms its own.
  await expect.poll(async () => ((await autolockAlarm(sw)) ?? Infinity) - Date.now()).toBeLessThanOrEqual(60_000);
  const first = (await autolockAlarm(sw))!;
  expect(first - Date.now()).toBeGreaterThan(45_000);
  // Work a site was allowed to do is activity: within a few seconds the alarm moves later.
  // (Calls that do no work, like getGrant, do not count: see lib/pipeline/capabilities/chat.test.ts.)
  await expect
    .poll(
      async () => {
        await byokCall(app, 'chat', { messages: [{ role: 'user', content: 'keep me unlocked' }] });
        return (await autolockAlarm(sw))! - first;
      },
      { timeout: 20_000, intervals: [1000] },
    )
    .toBeGreaterThan(4000);
  // So are the extension pages' commands (a reload asks for the vault's status).
  const second = (await autolockAlarm(sw))!;
  const page = await options.view('Keys');
  await expect
    .poll(
      async () => {
        await page.reload();
        await page.getByRole('button', { name: 'Add key' }).waitFor();
        return (await autolockAlarm(sw))! - second;
      },
      { timeout: 20_000, intervals: [1000] },
    )
    .toBeGreaterThan(4000);
  await setAutoLock(options, 'Never');
  await expect.poll(() => autolockAlarm(sw)).toBeNull();
});

test('the wallet is locked after a browser restart', async () => {
  const profile = await mkdtemp(join(tmpdir(), 'byok-restart-'));
  try {
    const first = await launchWallet({ headless: true, profile });
    await new OptionsPage(first.context, first.extensionId).createWallet(PASSPHRASE);
    await first.close();
    const again = await launchWallet({ headless: true, profile });
    try {
      const options = new OptionsPage(again.context, again.extensionId);
      const page = await options.open();
      await expect(page.getByRole('button', { name: 'Unlock' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Reset wallet' })).toBeVisible();
      expect(await tryUnlock(options, PASSPHRASE)).toBeNull();
    } finally {
      await again.close();
    }
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
});
