import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { RollupRecord } from '../db/tables/rollups';
import { openWalletDb } from '../db/database';
import { localDay } from '../budget/period';
import { Ledger, type PendingEntry } from './ledger';
import { withKeySpend } from './key-spend';

const row: RollupRecord = { origin: 'https://a.example', day: '2026-11-23', model: 'm', provider: 'openai', requests: 1, inputTokens: 1, outputTokens: 1, costNano: 10 };

describe('withKeySpend', () => {
  it('adds the cost and a request to the key, keeping the other keys', () => {
    const before = { ...row, keys: { other: { costNano: 5, requests: 1 } } };
    const once = withKeySpend({ ...row, costNano: 15, requests: 2 }, before, 'k1', 10);
    expect(once.keys).toEqual({ other: { costNano: 5, requests: 1 }, k1: { costNano: 10, requests: 1 } });
    expect(withKeySpend(once, once, 'k1', 7).keys).toEqual({ other: { costNano: 5, requests: 1 }, k1: { costNano: 17, requests: 2 } });
  });

  it('adds nothing per key for an entry without one, and keeps what was there', () => {
    expect(withKeySpend(row, undefined, undefined, 10)).toEqual(row);
    const before = { ...row, keys: { k1: { costNano: 10, requests: 1 } } };
    expect(withKeySpend(row, before, undefined, 0).keys).toEqual(before.keys);
  });

  it('is not fooled by a key id that names an Object property', () => {
    expect(withKeySpend(row, undefined, 'constructor', 3).keys).toEqual({ constructor: { costNano: 3, requests: 1 } });
  });
});

describe('settlement', () => {
  it('records the spend of the key that served each request in the day rollup', async () => {
    const at = new Date(2026, 10, 23, 12).getTime();
    const db = openWalletDb(`key-spend-${crypto.randomUUID()}`);
    const ledger = new Ledger(db, () => at + 1000);
    const entry = (id: string, keyId: string): PendingEntry => ({
      id,
      at,
      origin: 'https://a.example',
      kind: 'chat',
      model: 'm',
      provider: 'openai',
      keyId,
      status: 'pending',
      inputTokens: 0,
      outputTokens: 0,
      costNano: 0,
      reservedNano: 500,
      inputEstimate: 3,
      price: { inputPerM: 1, outputPerM: 1 } as PendingEntry['price'],
    });
    for (const [id, keyId, cost] of [['e1', 'personal', 100], ['e2', 'work', 40], ['e3', 'personal', 1]] as const) {
      await ledger.begin(entry(id, keyId));
      await ledger.settle(id, { status: 'ok', inputTokens: 1, outputTokens: 1, costNano: cost });
    }
    expect(await db.rollups.get(['https://a.example', localDay(at + 1000), 'm'])).toMatchObject({
      costNano: 141,
      requests: 3,
      keys: { personal: { costNano: 101, requests: 2 }, work: { costNano: 40, requests: 1 } },
    });
  });
});
