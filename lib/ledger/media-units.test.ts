import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openWalletDb } from '../db/database';
import { periodKey } from '../budget/period';
import { Ledger, type PendingEntry } from './ledger';

const AT = new Date(2026, 11, 6, 12).getTime();
const origin = 'https://voice.example';

async function setup(units: PendingEntry['units']) {
  const db = openWalletDb(`media-units-${crypto.randomUUID()}`);
  await db.grants.put({
    origin,
    scopes: ['speech'],
    models: ['tts-1'],
    routes: { 'tts-1': 'k' },
    defaultModel: '',
    budgetNano: 1e9,
    period: 'month',
    spentNano: 0,
    periodKey: periodKey('month', AT),
    rateLimitPerMin: 60,
    paused: false,
    createdAt: AT,
    updatedAt: AT,
  });
  const entry: PendingEntry = {
    id: 's1',
    at: AT,
    origin,
    kind: 'speech',
    model: 'tts-1',
    provider: 'openai',
    keyId: 'k',
    status: 'pending',
    inputTokens: 0,
    outputTokens: 0,
    costNano: 0,
    reservedNano: 15_000_000,
    inputEstimate: 0,
    price: { inputPerM: 0, outputPerM: 0, perMChars: 15 },
    ...(units ? { units } : {}),
  };
  const ledger = new Ledger(db, () => AT + 1000);
  await ledger.begin(entry);
  return { db, ledger, entry };
}

describe('media units in the ledger', () => {
  it('a settlement records its units on the line and sums them into the day’s rollup', async () => {
    const { db, ledger, entry } = await setup({ characters: 1_000 });
    await ledger.settle('s1', { status: 'ok', inputTokens: 0, outputTokens: 0, units: { characters: 1_000 }, costNano: 15_000_000 });
    await ledger.begin({ ...entry, id: 's2' });
    await ledger.settle('s2', { status: 'ok', inputTokens: 0, outputTokens: 0, units: { characters: 500 }, costNano: 7_500_000 });
    expect(await db.ledger.get('s1')).toMatchObject({ kind: 'speech', units: { characters: 1_000 } });
    expect(await db.rollups.toArray()).toEqual([expect.objectContaining({ requests: 2, characters: 1_500, costNano: 22_500_000 })]);
    expect((await db.rollups.toArray())[0]).not.toHaveProperty('seconds');
  });

  it('a settlement without units leaves none on the line, whatever the pending entry metered', async () => {
    const { db, ledger } = await setup({ characters: 1_000 });
    await ledger.settle('s1', { status: 'error', inputTokens: 0, outputTokens: 0, costNano: 0 });
    expect(await db.ledger.get('s1')).not.toHaveProperty('units');
  });

  it('recovery charges the units a killed worker left metered, within the reservation', async () => {
    const { db, ledger } = await setup({ characters: 2_000 });
    await ledger.recoverPending();
    // 2 000 characters at $15/M would be $0.03: kept within the $0.015 reserved.
    expect(await db.ledger.get('s1')).toMatchObject({ status: 'interrupted', costNano: 15_000_000 });
  });
});
