import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openWalletDb } from '../db/database';
import type { LedgerEntry, LedgerStatus } from '../db/tables/ledger';
import { LedgerOrigins } from '../ledger/origins';
import { logFilterChoices, queryLedger, rangeStart } from './query';

const entry = (id: string, at: number, origin: string, model: string, status: LedgerStatus): LedgerEntry & { price?: unknown } => ({
  id,
  at,
  origin,
  kind: 'chat',
  model,
  provider: 'openai',
  status,
  inputTokens: 1,
  outputTokens: 1,
  costNano: 1,
  reservedNano: 2,
  inputEstimate: 1,
  price: { inputPerM: 1, outputPerM: 1 },
});

async function filled() {
  const db = openWalletDb(`query-${Math.random()}`);
  await db.ledger.bulkAdd([
    entry('1', 100, 'https://a.example', 'm1', 'ok'),
    entry('2', 200, 'https://b.example', 'm1', 'refused'),
    entry('3', 300, 'https://a.example', 'm2', 'ok'),
    entry('4', 400, 'https://a.example', 'm1', 'error'),
    entry('5', 500, 'https://b.example', 'm2', 'ok'),
  ]);
  await db.rollups.put({ origin: 'https://a.example', day: '2026-11-23', model: 'm1', provider: 'openai', requests: 1, inputTokens: 1, outputTokens: 1, costNano: 1 });
  return db;
}

describe('the request log query', () => {
  it('newest first, without the price the pending entry carried', async () => {
    const db = await filled();
    const rows = await queryLedger(db);
    expect(rows.map((r) => r.id)).toEqual(['5', '4', '3', '2', '1']);
    expect(rows[0]).not.toHaveProperty('price');
  });

  it.each([
    [{ origin: 'https://a.example' }, ['4', '3', '1']],
    [{ model: 'm1' }, ['4', '2', '1']],
    [{ status: 'ok' as const }, ['5', '3', '1']],
    [{ from: 200, to: 400 }, ['4', '3', '2']],
    [{ origin: 'https://a.example', model: 'm1', status: 'ok' as const }, ['1']],
    [{ origin: 'https://a.example', from: 250 }, ['4', '3']],
    [{ limit: 2 }, ['5', '4']],
    [{ model: 'm1', limit: 1 }, ['4']],
    [{ from: 400, to: 100 }, []],
    [{ origin: 'https://nobody.example' }, []],
  ])('filters %j', async (q, ids) => {
    const db = await filled();
    expect((await queryLedger(db, q)).map((r) => r.id)).toEqual(ids);
  });

  it.each([
    [{}, ['p2', '5', '4', '3', 'p1', '2', '1']],
    [{ origin: 'https://a.example' }, ['4', '3', 'p1', '1']],
    [{ status: 'pending' as const }, ['p2', 'p1']],
    [{ from: 200, to: 400 }, ['4', '3', 'p1', '2']],
    [{ limit: 2 }, ['p2', '5']],
    [{ model: 'm2', status: 'ok' as const }, ['5', '3']],
  ])('merges the requests in flight, filtered alike: %j', async (q, ids) => {
    const db = await filled();
    await db.inflight.bulkAdd([
      { ...entry('p1', 250, 'https://a.example', 'm1', 'pending'), status: 'pending', price: { inputPerM: 1, outputPerM: 1 }, streamedChars: 9 },
      { ...entry('p2', 600, 'https://b.example', 'm2', 'pending'), status: 'pending', price: { inputPerM: 1, outputPerM: 1 } },
    ]);
    const rows = await queryLedger(db, q);
    expect(rows.map((r) => r.id)).toEqual(ids);
    for (const row of rows) expect(Object.keys(row)).not.toEqual(expect.arrayContaining(['price']));
    expect(rows.find((r) => r.id === 'p1') ?? {}).not.toHaveProperty('streamedChars');
  });

  it('offers the sites of the ledger and the models with usage', async () => {
    const db = await filled();
    expect(await logFilterChoices(db, new LedgerOrigins(db))).toEqual({ origins: ['https://a.example', 'https://b.example'], models: ['m1'] });
  });

  it('named ranges end now', () => {
    expect(rangeStart('hour', 10_000_000)).toBe(10_000_000 - 3_600_000);
    expect(rangeStart('all', 5)).toBeUndefined();
  });
});
