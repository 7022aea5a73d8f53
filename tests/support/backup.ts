/**
 * Test fixtures for the backup: a wallet filled with every kind of record. Imported only by
 * `*.test.ts` (crypto's conventions test checks `_testing` imports).
 */
import { openWalletDb, type WalletDb } from '../../lib/db/database';
import { Keyring } from '../../lib/keys/keyring';
import { Ledger, type PendingEntry } from '../../lib/ledger/ledger';
import { memorySessionStore } from '../../lib/vault/session-store';
import { Vault } from '../../lib/vault/vault';
import { freshDbName } from './vault';
import { periodKey } from '../../lib/budget/period';
import type { GrantRecord } from '../../lib/db/tables/grants';

export const SECRETS = { openai: 'sk-test-openai-FIXTURE-0001', anthropic: 'sk-ant-FIXTURE-0002' };

export interface Wallet {
  db: WalletDb;
  vault: Vault;
  keyring: Keyring;
}

export async function emptyWallet(passphrase?: string): Promise<Wallet> {
  const db = openWalletDb(freshDbName('backup'));
  const vault = new Vault({ db, session: memorySessionStore() });
  if (passphrase) await vault.create(passphrase);
  return { db, vault, keyring: new Keyring(db, vault) };
}

export function grant(origin: string, routes: Record<string, string>, at = 1_700_000_000_000): GrantRecord {
  return {
    origin,
    scopes: ['chat', 'models'],
    models: Object.keys(routes),
    routes,
    defaultModel: Object.keys(routes)[0] ?? '',
    budgetNano: 2_000_000_000,
    period: 'month',
    spentNano: 0,
    periodKey: periodKey('month', at),
    rateLimitPerMin: 30,
    paused: false,
    createdAt: at,
    updatedAt: at,
  };
}

/** A wallet with two keys, two sites, settings, prices, settled/pending/refused requests and rollups. */
export async function filledWallet(passphrase: string, origins = ['https://a.example', 'https://b.example']): Promise<Wallet & { keyIds: string[] }> {
  const w = await emptyWallet(passphrase);
  const openai = await w.keyring.add({ provider: 'openai', name: 'Work', secret: SECRETS.openai, models: ['gpt-4o-mini', 'gpt-4o'], status: 'valid' });
  const anthropic = await w.keyring.add({ provider: 'anthropic', name: 'Home', secret: SECRETS.anthropic, models: ['claude-haiku-4-5'], status: 'unverified', statusMessage: 'not checked' });
  // A field a newer version might add: it must survive the round trip.
  await w.db.keys.update(anthropic.id, { futureField: { nested: [1, 2] } } as never);
  await w.db.grants.put(grant(origins[0] ?? '', { 'gpt-4o-mini': openai.id }));
  await w.db.grants.put({ ...grant(origins[1] ?? '', { 'claude-haiku-4-5': anthropic.id, 'gpt-4o': openai.id }), expiresAt: 1_900_000_000_000, paused: true });
  await w.db.meta.put({ id: 'settings', value: { autoLockMinutes: 5, defaultRateLimitPerMin: 12, defaultBudgetUsd: 3, defaultPeriod: 'week', defaultMaxTokens: 1000 } });
  await w.db.prices.bulkPut([
    { keyId: openai.id, model: 'gpt-4o-mini', inputPerM: 0.15, outputPerM: 0.6 },
    { keyId: anthropic.id, model: 'claude-haiku-4-5', inputPerM: 1, outputPerM: 5 },
  ]);
  let t = 1_700_000_000_000;
  const ledger = new Ledger(w.db, () => t);
  const entry = (id: string, origin: string, model: string, keyId: string): PendingEntry => ({
    id,
    at: t,
    origin,
    kind: 'chat',
    model,
    provider: 'openai',
    keyId,
    status: 'pending',
    inputTokens: 0,
    outputTokens: 0,
    costNano: 0,
    reservedNano: 5_000_000,
    inputEstimate: 12,
    price: { inputPerM: 0.15, outputPerM: 0.6 },
  });
  await ledger.begin(entry('req-1', origins[0] ?? '', 'gpt-4o-mini', openai.id));
  t += 1500;
  await ledger.settle('req-1', { status: 'ok', inputTokens: 12, outputTokens: 30, costNano: 20_000 });
  t += 86_400_000;
  await ledger.begin(entry('req-2', origins[1] ?? '', 'gpt-4o', openai.id));
  await ledger.settle('req-2', { status: 'error', inputTokens: 0, outputTokens: 0, costNano: 0, errorCode: 5000, errorMessage: 'openai error: 500' });
  await ledger.begin(entry('req-3', origins[1] ?? '', 'gpt-4o', openai.id)); // still pending
  await ledger.refused({ id: 'req-4', at: t, origin: origins[0] ?? '', kind: 'chat', model: 'gpt-4o-mini', provider: 'openai', errorCode: 4402, errorMessage: 'Budget exceeded' });
  return { ...w, keyIds: [openai.id, anthropic.id] };
}

/** Every table's records, sorted by primary key, for deep comparison. */
export async function dumpAll(db: WalletDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    const keys = await table.toCollection().primaryKeys();
    const rows = await table.toArray();
    out[table.name] = rows
      .map((row, i) => [JSON.stringify(keys[i]), row] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, row]) => row);
  }
  return out;
}
