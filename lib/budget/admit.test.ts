import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openWalletDb } from '../db/database';
import { Ledger, type PendingEntry } from '../ledger/ledger';
import { Grants } from '../grants/grants';
import { WalletError } from '../protocol/errors';
import { BudgetGate } from './gate';
import { admit } from './admit';
import { periodKey } from './period';
import type { GrantRecord, Period } from '../db/tables/grants';

const ORIGIN = 'https://app.example';
let dbCount = 0;

function grant(budgetNano: number, period: Period, at: number): GrantRecord {
  return {
    origin: ORIGIN,
    scopes: ['chat'],
    models: ['m'],
    routes: { m: 'k' },
    defaultModel: 'm',
    budgetNano,
    period,
    spentNano: 0,
    periodKey: periodKey(period, at),
    rateLimitPerMin: 1000,
    paused: false,
    createdAt: at,
    updatedAt: at,
  };
}

function entry(id: string, reservedNano: number, at: number): PendingEntry {
  return {
    id,
    at,
    origin: ORIGIN,
    kind: 'chat',
    model: 'm',
    provider: 'p',
    status: 'pending',
    inputTokens: 0,
    outputTokens: 0,
    costNano: 0,
    reservedNano,
    inputEstimate: 1,
    price: { inputPerM: 1, outputPerM: 1 },
  };
}

const tick = (n: number) => new Promise<void>((r) => setTimeout(r, n));

describe('budget admission', () => {
  it('never overspends under random concurrent schedules, and the ledger equals the spend shown', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          budget: fc.integer({ min: 0, max: 5_000 }),
          period: fc.constantFrom<Period>('day', 'week', 'month', 'total'),
          requests: fc.array(
            fc.record({ reserve: fc.integer({ min: 0, max: 2_000 }), usedShare: fc.double({ min: 0, max: 1, noNaN: true }), delay: fc.integer({ min: 0, max: 3 }), advanceMs: fc.integer({ min: 0, max: 6 * 3600_000 }) }),
            { minLength: 1, maxLength: 25 },
          ),
        }),
        async ({ budget, period, requests }) => {
          let now = new Date(2026, 10, 23, 20, 0, 0).getTime();
          const clock = () => now;
          const db = openWalletDb(`admit-${dbCount++}`);
          const grants = new Grants(db);
          const ledger = new Ledger(db, clock, (_, g) => g && grants.remember(g));
          const gate = new BudgetGate();
          await grants.put(grant(budget, period, now));
          // period key -> what was charged in it (by settlement time)
          const charged = new Map<string, number>();
          await Promise.all(
            requests.map(async (r, i) => {
              await tick(r.delay);
              now += r.advanceMs;
              const e = entry(`r${i}`, r.reserve, clock());
              try {
                await (await admit({ grants, gate, ledger, now: clock }, e)).written;
              } catch (error) {
                expect(error).toBeInstanceOf(WalletError);
                expect((error as WalletError).code).toBe(4402);
                return;
              }
              // What is committed and held never exceeds the budget.
              const g = await db.grants.get(ORIGIN);
              const spent = g!.periodKey === periodKey(period, clock()) ? g!.spentNano : 0;
              expect(spent + gate.heldNano(ORIGIN)).toBeLessThanOrEqual(budget);
              await tick(r.delay);
              const cost = Math.floor(r.reserve * r.usedShare);
              await ledger.settle(e.id, { status: 'ok', inputTokens: 1, outputTokens: 1, costNano: cost });
              const key = periodKey(period, clock());
              charged.set(key, (charged.get(key) ?? 0) + cost);
              gate.release(ORIGIN, e.id);
            }),
          );
          for (const total of charged.values()) expect(total).toBeLessThanOrEqual(budget);
          const g = (await db.grants.get(ORIGIN))!;
          const rows = await db.ledger.toArray();
          const inPeriod = rows.filter((row) => row.settledAt !== undefined && periodKey(period, row.settledAt) === g.periodKey);
          expect(inPeriod.reduce((s, row) => s + row.costNano, 0)).toBe(g.spentNano);
          expect(gate.heldIds()).toEqual([]);
          db.close();
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses with 4402 and writes nothing when the request does not fit', async () => {
    const db = openWalletDb(`admit-${dbCount++}`);
    const now = () => 1_000;
    const grants = new Grants(db);
    await grants.put(grant(100, 'total', 1_000));
    const deps = { grants, gate: new BudgetGate(), ledger: new Ledger(db, now, (_, g) => g && grants.remember(g)), now };
    await (await admit(deps, entry('a', 60, 1_000))).written;
    await expect(admit(deps, entry('b', 41, 1_000))).rejects.toMatchObject({ code: 4402 });
    expect(await db.inflight.count()).toBe(1);
    await (await admit(deps, entry('c', 40, 1_000))).written;
    expect(deps.gate.heldNano(ORIGIN)).toBe(100);
  });
});
