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
    // Settled, the entry has left the requests in flight.
    expect(await db.inflight.count()).toBe(0);
    expect((await db.grants.get(origin))?.spentNano).toBe(400);
    expect(await db.rollups.get([origin, localDay(AT + 1000), 'm'])).toMatchObject({ requests: 1, inputTokens: 3, outputTokens: 4, costNano: 300 });
    expect(await db.rollups.count()).toBe(1);
  });

  it('records what the provider billed, above the reservation too (the spend shows it), and never less than nothing', async () => {
    const { db, ledger } = await setup();
    await ledger.settle('e1', { status: 'ok', inputTokens: 1, outputTokens: 50_000, costNano: 9_999 });
    expect((await db.ledger.get('e1'))?.costNano).toBe(9_999);
    expect((await db.grants.get(origin))?.spentNano).toBe(100 + 9_999);
    expect(await db.rollups.get([origin, localDay(AT + 1000), 'm'])).toMatchObject({ costNano: 9_999 });
    const again = await setup();
    await again.ledger.settle('e1', { status: 'error', inputTokens: 0, outputTokens: 0, costNano: -0 });
    expect(Object.is((await again.db.ledger.get('e1'))?.costNano, 0)).toBe(true);
  });

  it('settlements that arrive together add up: same grant, same rollup, a duplicate settled once', async () => {
    const { db, ledger, entry } = await setup();
    await ledger.begin({ ...entry, id: 'e2' });
    await ledger.begin({ ...entry, id: 'e3' });
    const charged: number[] = [];
    const heard = new Ledger(db, () => AT + 1000, (_settled, grant) => grant && charged.push(grant.spentNano));
    const ok = (costNano: number) => ({ status: 'ok' as const, inputTokens: 1, outputTokens: 2, costNano });
    await Promise.all([heard.settle('e1', ok(10), { origin, model: 'm' }), heard.settle('e2', ok(20)), heard.settle('e3', ok(30), { origin, model: 'm' }), heard.settle('e1', ok(10))]);
    expect((await db.grants.get(origin))?.spentNano).toBe(160);
    expect(await db.rollups.get([origin, localDay(AT + 1000), 'm'])).toMatchObject({ requests: 3, inputTokens: 3, outputTokens: 6, costNano: 60 });
    expect((await db.ledger.toArray()).map((e) => e.status)).toEqual(['ok', 'ok', 'ok']);
    expect(await db.inflight.count()).toBe(0);
    // The grants cache hears each new spend in order; the last is what was written.
    expect(charged).toEqual([110, 130, 160]);
  });

  it('a batch that cannot commit writes none of it, and the entries stay in flight to recover', async () => {
    const { db, ledger, entry } = await setup();
    await ledger.begin({ ...entry, id: 'e2' });
    const put = IDBObjectStore.prototype.put;
    // The grant's write is refused: the entry written before it in the transaction must roll back.
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'grants') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
    try {
      const ok = { status: 'ok' as const, inputTokens: 1, outputTokens: 1, costNano: 50 };
      const settling = await Promise.allSettled([ledger.settle('e1', ok, { origin, model: 'm' }), ledger.settle('e2', ok, { origin, model: 'm' })]);
      expect(settling.map((r) => r.status === 'rejected' && (r.reason as DOMException).name)).toEqual(['QuotaExceededError', 'QuotaExceededError']);
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(await db.inflight.count()).toBe(2);
    expect(await db.ledger.count()).toBe(0);
    expect((await db.grants.get(origin))?.spentNano).toBe(100);
    expect(await db.rollups.count()).toBe(0);
    expect(await ledger.recoverPending()).toBe(2);
    expect(await db.inflight.count()).toBe(0);
    expect((await db.ledger.toArray()).map((e) => e.status)).toEqual(['interrupted', 'interrupted']);
  });

  it("recovery charges the wallet's own count, a guess, never more than the reservation", async () => {
    const { db, ledger } = await setup();
    await db.inflight.update('e1', { streamedChars: 400_000 });
    await ledger.recoverPending();
    expect(await db.ledger.get('e1')).toMatchObject({ status: 'interrupted', outputTokens: 100_000, costNano: 500 });
  });

  it('waits for the pending write of the entry it settles, which has its own transaction', async () => {
    const { db, ledger, entry } = await setup();
    const begun = ledger.begin({ ...entry, id: 'e2' });
    await ledger.settle('e2', { status: 'ok', inputTokens: 1, outputTokens: 1, costNano: 7 });
    await begun;
    expect(await db.ledger.get('e2')).toMatchObject({ status: 'ok', costNano: 7 });
  });

  it("counts a settlement at once, and sets up its transaction only in the next task (after the request's answer)", async () => {
    const { db, ledger } = await setup();
    const idb = db.backendDB();
    const opened: string[] = [];
    const transaction = idb.transaction.bind(idb);
    idb.transaction = ((names: string | string[], ...rest: [IDBTransactionMode?, IDBTransactionOptions?]) => {
      opened.push(...[names].flat());
      return transaction(names, ...rest);
    }) as IDBDatabase['transaction'];
    const settling = ledger.settle('e1', { status: 'ok', inputTokens: 1, outputTokens: 1, costNano: 40 }, { origin, model: 'm' });
    expect(ledger.unsettledNano(origin)).toBe(40);
    for (let i = 0; i < 50; i++) await Promise.resolve();
    expect(opened).toEqual([]);
    await settling;
    expect(opened).toContain('ledger');
    expect(ledger.unsettledNano(origin)).toBe(0);
  });

  it('settled(origin) resolves once the settlements in flight for the site (or of unknown site) have committed', async () => {
    const { db, ledger } = await setup();
    let spentWhenSettled = -1;
    void ledger.settle('e1', { status: 'ok', inputTokens: 1, outputTokens: 1, costNano: 40 }, { origin, model: 'm' });
    await ledger.settled('https://other.example');
    await ledger.settled(origin).then(async () => (spentWhenSettled = (await db.grants.get(origin))!.spentNano));
    expect(spentWhenSettled).toBe(140);
    await ledger.settled();
  });
});

describe('Ledger.begin', () => {
  it('writes pending entries, several per transaction under load; a duplicate id fails its transaction, nothing of it written', async () => {
    const { db, ledger, entry } = await setup();
    await Promise.all([ledger.begin({ ...entry, id: 'b1' }), ledger.begin({ ...entry, id: 'b2' })]);
    expect(await db.inflight.count()).toBe(3);
    // b4 is written alone (the wallet was idle); b3 and a duplicate of e1 arrive meanwhile and share the next transaction.
    const outcomes = await Promise.allSettled([ledger.begin({ ...entry, id: 'b4' }), ledger.begin({ ...entry, id: 'b3' }), ledger.begin({ ...entry, id: 'e1' })]);
    expect(outcomes.map((o) => (o.status === 'rejected' ? (o.reason as DOMException).name : 'ok'))).toEqual(['ok', 'ConstraintError', 'ConstraintError']);
    expect(await db.inflight.get('b3')).toBeUndefined();
    expect(await db.inflight.get('b4')).toBeDefined();
    // In flight only: the indexed ledger gets the entry when it settles.
    expect(await db.ledger.count()).toBe(0);
    expect(await ledger.origins.list()).toEqual([origin]);
  });
});
