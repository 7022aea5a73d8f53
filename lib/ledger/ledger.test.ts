import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openWalletDb } from '../db/database';
import type { GrantRecord } from '../db/tables/grants';
import { localDay, periodKey } from '../budget/period';
import { Ledger, type PendingEntry } from './ledger';

const AT = new Date(2026, 10, 23, 12).getTime();
const origin = 'https://app.example';

async function setup() {
  const db = openWalletDb(`ledger-${crypto.randomUUID()}`);
  const grant: GrantRecord = {
    origin,
    scopes: ['chat'],
    models: ['m'],
    routes: { m: 'k' },
    defaultModel: 'm',
    budgetNano: 10_000,
    period: 'month',
    spentNano: 100,
    periodKey: periodKey('month', AT),
    rateLimitPerMin: 60,
    paused: false,
    createdAt: AT,
    updatedAt: AT,
  };
  await db.grants.put(grant);
  const entry: PendingEntry = {
    id: 'e1',
    at: AT,
    origin,
    kind: 'chat',
    model: 'm',
    provider: 'openai',
    keyId: 'k',
    status: 'pending',
    inputTokens: 0,
    outputTokens: 0,
    costNano: 0,
    reservedNano: 500,
    inputEstimate: 3,
    price: { inputPerM: 1, outputPerM: 1 } as PendingEntry['price'],
  };
  const ledger = new Ledger(db, () => AT + 1000);
  await ledger.begin(entry);
  return { db, ledger, entry };
}

describe('Ledger.settle', () => {
  it.each([
    ['without a hint', undefined],
    ['with the entry it settles', { origin, model: 'm' }],
    ['with a wrong hint (reads the right rows anyway)', { origin: 'https://other.example', model: 'x' }],
  ])('%s: entry, grant spend and rollup change together, once', async (_name, known) => {
    const { db, ledger } = await setup();
    await ledger.settle('e1', { status: 'ok', inputTokens: 3, outputTokens: 4, costNano: 300 }, known);
    await ledger.settle('e1', { status: 'ok', inputTokens: 3, outputTokens: 4, costNano: 300 }, known);
    expect(await db.ledger.get('e1')).toMatchObject({ status: 'ok', costNano: 300, inputTokens: 3, outputTokens: 4, settledAt: AT + 1000, durationMs: 1000 });
    expect((await db.grants.get(origin))?.spentNano).toBe(400);
    expect(await db.rollups.get([origin, localDay(AT + 1000), 'm'])).toMatchObject({ requests: 1, inputTokens: 3, outputTokens: 4, costNano: 300 });
    expect(await db.rollups.count()).toBe(1);
  });

  it('never charges more than the reservation, nor less than nothing', async () => {
    const { db, ledger } = await setup();
    await ledger.settle('e1', { status: 'ok', inputTokens: 1, outputTokens: 1, costNano: 9_999 });
    expect((await db.ledger.get('e1'))?.costNano).toBe(500);
    const again = await setup();
    await again.ledger.settle('e1', { status: 'error', inputTokens: 0, outputTokens: 0, costNano: -0 });
    expect(Object.is((await again.db.ledger.get('e1'))?.costNano, 0)).toBe(true);
  });
});
