/**
 * Fallback between keys (lib/pipeline/fallback.ts, docs/BUDGETS.md): two OpenAI keys on the mock
 * in the person's fallback order. The site's key refused at the provider (revoked, or
 * rate-limited) before anything streamed: the chat is served by the second key, the ledger has
 * one entry naming it, the site is charged once, and the first key is marked in the key list.
 */
import type { Page } from '@playwright/test';
import { expect, PASSPHRASE, test, TEST_KEY, type Mock } from './fixtures';
import { chat, user } from './po/app';
import { editSite } from './po/control';
import type { OptionsPage } from './po/options-page';
import { connectApproved } from './po/setup';
import { uiCall, type LedgerRow } from './po/wallet-api';

/** The mock lives as long as the worker, and a key it revoked stays revoked: each test has keys of its own. */
let tests = 0;
function keysForTest(): { PERSONAL: string; WORK: string } {
  tests += 1;
  return { PERSONAL: `${TEST_KEY}-personal-${tests}`, WORK: `${TEST_KEY}-work-${tests}` };
}

interface KeyRow {
  id: string;
  name: string;
  status: string;
  rateLimitedUntil?: number;
}

/** Two OpenAI keys on the mock, both in the wallet's fallback order (set with its buttons), and the app connected with gpt-4o-mini on Personal. */
async function twoKeysInOrder(options: OptionsPage, mock: Mock, connect: () => Promise<unknown>): Promise<{ page: Page; origin: string; PERSONAL: string }> {
  const { PERSONAL, WORK } = keysForTest();
  await options.createWallet(PASSPHRASE);
  await options.addKey({ provider: 'OpenAI', name: 'Personal', key: PERSONAL, baseUrl: `${mock.url}/v1` });
  await options.addKey({ provider: 'OpenAI', name: 'Work', key: WORK, baseUrl: `${mock.url}/v1` });
  const page = await options.view('Keys');
  const order = page.getByRole('list', { name: 'Fallback order' });
  // Work first, then Personal; then Personal moved up: Personal, Work.
  await order.getByRole('checkbox', { name: 'Use Work for fallback' }).check();
  await expect(order.getByRole('checkbox', { name: '1. Use Work for fallback' })).toBeChecked();
  await order.getByRole('checkbox', { name: 'Use Personal for fallback' }).check();
  await expect(order.getByRole('checkbox', { name: '2. Use Personal for fallback' })).toBeChecked();
  await order.getByRole('button', { name: 'Move Personal up' }).click();
  await expect(order.getByRole('checkbox', { name: '1. Use Personal for fallback' })).toBeChecked();
  await expect(order.getByRole('button', { name: 'Move Personal up' })).toBeDisabled();
  const keys = await uiCall<KeyRow[]>(page, 'keys.list');
  expect((await uiCall<{ keyFallback: string[] }>(page, 'settings.get')).keyFallback).toEqual(['Personal', 'Work'].map((n) => keys.find((k) => k.name === n)!.id));

  await connect();
  const origin = (await uiCall<{ origin: string }[]>(page, 'grants.list'))[0]!.origin;
  await editSite(options, origin, { keys: { 'gpt-4o-mini': 'Personal' } });
  return { page, origin, PERSONAL };
}

async function keyNamed(page: Page, name: string): Promise<KeyRow> {
  return (await uiCall<KeyRow[]>(page, 'keys.list')).find((k) => k.name === name)!;
}

test('a key revoked at the provider: the chat is served by the next key, one ledger entry names it, the first shows as invalid', async ({ context, options, app, mock }) => {
  const { page, origin, PERSONAL } = await twoKeysInOrder(options, mock, () => connectApproved(context, app, {}, '1'));
  mock.revoke(PERSONAL);

  const served = await chat(app, { ...user('hello after a revoke'), model: 'gpt-4o-mini' });
  expect(served.error).toBeUndefined();
  expect(served.result?.text).toContain('You said: hello after a revoke');
  expect(served.deltas.join('')).toBe(served.result?.text);
  // The page hears the provider, never which key served it.
  const work = await keyNamed(page, 'Work');
  const personal = await keyNamed(page, 'Personal');
  expect(JSON.stringify(served)).not.toMatch(new RegExp(`Personal|Work|${work.id}|${personal.id}`));

  const ledger = await uiCall<(LedgerRow & { keyId?: string })[]>(page, 'ledger.recent');
  expect(ledger).toHaveLength(1);
  expect(ledger[0]).toMatchObject({ status: 'ok', origin, keyId: work.id });
  const grant = (await uiCall<{ spentUsd: number }[]>(page, 'grants.list'))[0]!;
  expect(grant.spentUsd).toBeCloseTo(ledger[0]!.costNano / 1e9, 9);

  await options.view('Keys');
  await expect(page.getByRole('listitem', { name: 'Personal' })).toContainText('rejected by the provider');
  await expect(page.getByRole('listitem', { name: 'Personal' })).toContainText('Incorrect API key provided');
  await expect(page.getByRole('listitem', { name: 'Work' })).not.toContainText('rejected');
});

test('a rate-limited key: served by the next key, the first passed over until the provider’s reset', async ({ context, options, app, mock }) => {
  const { page, PERSONAL } = await twoKeysInOrder(options, mock, () => connectApproved(context, app, {}, '1'));
  mock.limit(PERSONAL, 'rate', 120);
  const limitedAt = Date.now();

  const served = await chat(app, { ...user('hello under a rate limit'), model: 'gpt-4o-mini' });
  expect(served.error).toBeUndefined();
  expect(served.result?.text).toContain('You said: hello under a rate limit');
  const work = await keyNamed(page, 'Work');
  const ledger = await uiCall<(LedgerRow & { keyId?: string })[]>(page, 'ledger.recent');
  expect(ledger).toHaveLength(1);
  expect(ledger[0]).toMatchObject({ status: 'ok', keyId: work.id });

  // Marked until the reset the mock's headers gave (x-ratelimit-reset-requests: 120s), still valid.
  await expect.poll(async () => (await keyNamed(page, 'Personal')).rateLimitedUntil ?? 0).toBeGreaterThanOrEqual(limitedAt + 115_000);
  const personal = await keyNamed(page, 'Personal');
  expect(personal.rateLimitedUntil).toBeLessThanOrEqual(Date.now() + 121_000);
  expect(personal.status).toBe('valid');
  await options.view('Keys');
  await expect(page.getByRole('listitem', { name: 'Personal' })).toContainText('rate-limited until');

  // Until then the site's requests go to the next key at once: one request reaches the mock.
  const before = mock.stats().requests;
  expect((await chat(app, { ...user('again'), model: 'gpt-4o-mini' })).error).toBeUndefined();
  expect(mock.stats().requests - before).toBe(1);
  const rows = await uiCall<(LedgerRow & { keyId?: string })[]>(page, 'ledger.recent');
  expect(rows.map((r) => r.keyId)).toEqual([work.id, work.id]);
});

test('a site set to its own order without the other key is not served by it', async ({ context, options, app, mock }) => {
  const { page, origin, PERSONAL } = await twoKeysInOrder(options, mock, () => connectApproved(context, app, {}, '1'));
  const form = await editSite(options, origin, {});
  await form.getByLabel('Fallback between keys').selectOption({ label: 'This site’s own order' });
  await expect(form.getByRole('checkbox', { name: 'Use Work for fallback' })).not.toBeChecked();
  await form.getByRole('button', { name: 'Save site settings' }).click();
  await form.getByRole('status').filter({ hasText: 'Site settings saved' }).waitFor();
  mock.revoke(PERSONAL);

  const refused = await chat(app, { ...user('no fallback here'), model: 'gpt-4o-mini' });
  expect(refused.error).toMatchObject({ code: 5000 });
  const ledger = await uiCall<(LedgerRow & { keyId?: string })[]>(page, 'ledger.recent');
  expect(ledger).toHaveLength(1);
  expect(ledger[0]).toMatchObject({ status: 'error', keyId: (await keyNamed(page, 'Personal')).id });
});
