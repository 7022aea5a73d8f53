/**
 * Budgets are hard caps, at the pipeline level (docs/API.md, "What the wallet guarantees"): the whole background (the
 * harness) runs random concurrent chat schedules through `runChat`, with a scripted provider
 * that reports random usage (or none, or fails midway), a fake clock that crosses day, week and
 * month boundaries, and, in "ask" mode, a person who raises the budget or refuses at random.
 *
 * It shows that in every period the site never spends more than its budget, that nothing is
 * sent to the provider for a refused request, and that the ledger's sum equals the spend the
 * site and the wallet show (the grant, and the dashboard's rollups).
 */
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { makeHarness, type Harness } from '../../tests/support/wallet-harness';
import { runChat } from '../pipeline/capabilities/chat';
import { approveRaise } from './raise-budget';
import { decideApproval, getSiteGrant } from './ui/grants';
import { getGrant } from './connect';
import { periodKey } from '../budget/period';
import { nanoToUsd } from '../budget/money';
import { inputTokenBound } from '../budget/estimate';
import { usageSummary } from '../dashboard/summary';
import { ErrorCode, WalletError } from '../protocol/errors';
import type { Period } from '../db/tables/grants';
import type { ProviderAdapter } from '../providers/types';
import type { Usage } from '../protocol/chat';

vi.mock('../crypto/kdf', async (importOriginal) => (await import('../../tests/support/vault')).fastKdf(await importOriginal()));

interface Script {
  chunks: string[];
  usage: Usage | null;
  /** Fail after this many chunks (a provider error), or never. */
  failAfter: number | null;
  ticks: number;
  /** Time that passes while the answer streams (admitted in one period, settled in the next). */
  midMs: number;
}

const tick = () => new Promise<void>((r) => setTimeout(r, 0));
const ticks = async (n: number) => {
  for (let i = 0; i < n; i++) await tick();
};

/** A provider whose behaviour for each request is scripted by the request's first message. */
function scriptedProvider(advance: (ms: number) => void) {
  const scripts = new Map<string, Script>();
  const adapter: ProviderAdapter & { calls: number } = {
    kind: 'openai',
    calls: 0,
    async chat(_creds, request, callbacks, signal) {
      // Like the SDK adapters: nothing goes out before the pending entry is written.
      await callbacks.readyToSend;
      adapter.calls++;
      const content = request.messages[0]?.content;
      const script = scripts.get(typeof content === 'string' ? content : '');
      if (!script) throw new Error('unscripted request');
      let text = '';
      for (const [i, chunk] of script.chunks.entries()) {
        if (script.failAfter === i) throw new WalletError(ErrorCode.provider, 'Fake error: HTTP 500', { kind: 'server', status: 500 });
        if (signal.aborted) throw new DOMException('aborted', 'AbortError');
        text += chunk;
        callbacks.onDelta(chunk);
        await ticks(script.ticks);
        if (i === 0) advance(script.midMs);
      }
      if (script.failAfter !== null) throw new WalletError(ErrorCode.provider, 'Fake error: HTTP 500', { kind: 'server', status: 500 });
      if (script.usage) callbacks.onUsage?.(script.usage);
      return { text, model: request.model, usage: script.usage, finishReason: 'stop' };
    },
    async listModels() {
      return ['m'];
    },
    async embed() {
      throw new Error('unused');
    },
  };
  return { adapter, scripts };
}

const requestArb = fc.record({
  startTicks: fc.integer({ min: 0, max: 6 }),
  advanceMs: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 9 * 3600_000 })),
  maxTokens: fc.integer({ min: 1, max: 40 }),
  padding: fc.integer({ min: 0, max: 30 }),
  chunks: fc.array(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 0, maxLength: 4 }),
  usage: fc.option(fc.record({ inputTokens: fc.integer({ min: 0, max: 150 }), outputTokens: fc.integer({ min: 0, max: 80 }) }), { nil: null }),
  failAfter: fc.oneof({ arbitrary: fc.constant(null), weight: 6 }, { arbitrary: fc.integer({ min: 0, max: 4 }), weight: 1 }),
  ticks: fc.integer({ min: 0, max: 3 }),
  midMs: fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.integer({ min: 0, max: 12 * 3600_000 }), weight: 1 }),
  /** Start only once the request before it finished: schedules mix sequential and concurrent. */
  afterPrevious: fc.boolean(),
});

const runArb = fc.record({
  // In nano-USD: from nothing to $2; a request may cost up to about $0.1 at the harness price.
  budgetNano: fc.oneof(fc.integer({ min: 0, max: 300_000_000 }), fc.integer({ min: 0, max: 2_000_000_000 })),
  period: fc.constantFrom<Period>('day', 'week', 'month', 'total'),
  // Start within a few days of a month's (and often a week's) end.
  startOffsetMs: fc.integer({ min: 0, max: 3 * 86_400_000 }),
  mode: fc.constantFrom<'refuse' | 'ask'>('refuse', 'ask'),
  // The person's answers to raise prompts, in order: raise by this factor, or refuse (null).
  // One answer in three declines (nil 1 in `freq`), so every run of the property sees both answers.
  answers: fc.array(fc.option(fc.double({ min: 1, max: 3, noNaN: true }), { nil: null, freq: 3 }), { minLength: 1, maxLength: 10 }),
  requests: fc.array(requestArb, { minLength: 1, maxLength: 24 }),
});

describe('budget admission through the whole pipeline (property)', () => {
  let h: Harness;
  let provider: ReturnType<typeof scriptedProvider>;
  let clock = 0;
  let runs = 0;
  /** What the runs exercised, so a passing property is known not to be vacuous. */
  const seen = { ok: 0, refused: 0, failed: 0, raised: 0, declined: 0, periodsCrossed: 0 };

  beforeAll(async () => {
    provider = scriptedProvider((ms) => (clock += ms));
    h = await makeHarness({ adapter: provider.adapter, now: () => clock });
  });

  it('never spends more than the budget in any period; the ledger equals the spend shown', async () => {
    await fc.assert(
      fc.asyncProperty(runArb, async (run) => {
        const { ctx } = h;
        const origin = `https://run-${runs++}.example`;
        clock = new Date(2026, 10, 28, 21, 0).getTime() + run.startOffsetMs;
        await ctx.grants.put({
          origin,
          scopes: ['chat'],
          models: ['m'],
          routes: { m: h.keyId },
          defaultModel: 'm',
          budgetNano: run.budgetNano,
          period: run.period,
          spentNano: 0,
          periodKey: periodKey(run.period, clock),
          rateLimitPerMin: 10_000,
          paused: false,
          ...(run.mode === 'ask' ? { overBudget: 'ask' as const } : {}),
          createdAt: clock,
          updatedAt: clock,
        });
        const callsBefore = provider.adapter.calls;
        const windowsBefore = h.windows.opened.length;

        // The person, answering raise prompts as they open.
        let done = false;
        const answered = new Set<number>();
        let answerIndex = 0;
        const person = (async () => {
          while (!done) {
            for (const w of h.windows.opened.slice(windowsBefore)) {
              if (answered.has(w.id)) continue;
              answered.add(w.id);
              const id = w.path.split('id=')[1] ?? '';
              const record = await ctx.approvals.get(id);
              const factor = run.answers[answerIndex++ % run.answers.length];
              if (!record?.raise || factor === null || factor === undefined) await decideApproval(ctx, { id, approve: false });
              else {
                await approveRaise(ctx, { id, usd: Math.ceil(record.raise.neededNano * factor) / 1e9 });
                seen.raised++;
                continue;
              }
              seen.declined++;
            }
            await tick();
          }
        })();

        const finished: Promise<unknown>[] = [];
        const outcomes = await Promise.all(
          run.requests.map((r, i) => (finished[i] = send(r, i))),
        );
        async function send(r: (typeof run.requests)[number], i: number): Promise<'ok' | number> {
          {
            if (r.afterPrevious && i > 0) await finished[i - 1];
            await ticks(r.startTicks);
            clock += r.advanceMs;
            const content = `q${i} ${'x'.repeat(r.padding)}`;
            // A provider bills within the request's bound (its input bound, its max tokens): a bill
            // above it is recorded in full as an overrun, which billing.test.ts covers.
            const bound = inputTokenBound({ messages: [{ role: 'user', content }] }, 'm');
            const usage = r.usage && { inputTokens: Math.min(r.usage.inputTokens, bound), outputTokens: Math.min(r.usage.outputTokens, r.maxTokens) };
            provider.scripts.set(content, { chunks: r.chunks, usage, failAfter: r.failAfter, ticks: r.ticks, midMs: r.midMs });
            try {
              await runChat(ctx, { caller: { origin }, request: { messages: [{ role: 'user', content }], maxTokens: r.maxTokens }, signal: new AbortController().signal, onDelta: () => undefined });
              // When chat resolves, the spend the page is shown includes it (its settlement may still
              // be committing: the page's getGrant waits for it), within the budget now in force.
              const shown = (await getGrant(ctx, { origin }))!;
              const grant = (await ctx.grants.get(origin))!;
              expect(shown.spentUsd).toBeLessThanOrEqual(nanoToUsd(grant.budgetNano));
              return 'ok';
            } catch (error) {
              expect(error).toBeInstanceOf(WalletError);
              const code = (error as WalletError).code;
              expect([ErrorCode.budgetExceeded, ErrorCode.provider]).toContain(code);
              return code;
            }
          }
        }
        done = true;
        await person;
        // What the wallet's pages wait for before they read (every answered chat settled).
        await ctx.ledger.settled();

        const grant = (await ctx.grants.get(origin))!;
        const rows = await ctx.db.ledger.where('[origin+at]').between([origin, 0], [origin, Infinity]).toArray();
        // Every request has its line; none is left pending or holding a reservation.
        expect(rows).toHaveLength(run.requests.length);
        expect(rows.filter((r) => r.status === 'pending')).toEqual([]);
        expect(ctx.gate.heldNano(origin)).toBe(0);
        expect(await ctx.db.approvals.where('origin').equals(origin).count()).toBe(0);
        // A refused request sent nothing; every other one reached the provider once.
        const refused = rows.filter((r) => r.status === 'refused');
        expect(refused.every((r) => r.errorCode === ErrorCode.budgetExceeded && r.costNano === 0)).toBe(true);
        expect(provider.adapter.calls - callsBefore).toBe(rows.length - refused.length);
        expect(outcomes.filter((o) => o === ErrorCode.budgetExceeded)).toHaveLength(refused.length);
        if (run.mode === 'refuse') expect(h.windows.opened.length).toBe(windowsBefore);
        // Never above the budget in any period (budgets only ever rise, so the final one bounds them all).
        const byPeriod = new Map<string, number>();
        for (const r of rows) {
          expect(r.costNano).toBeLessThanOrEqual(r.reservedNano);
          if (r.settledAt !== undefined) byPeriod.set(periodKey(run.period, r.settledAt), (byPeriod.get(periodKey(run.period, r.settledAt)) ?? 0) + r.costNano);
        }
        if (run.mode === 'refuse') expect(grant.budgetNano).toBe(run.budgetNano);
        for (const spent of byPeriod.values()) expect(spent).toBeLessThanOrEqual(grant.budgetNano);
        // The ledger's sum equals the spend shown: in the grant's period, and to the site now.
        expect(grant.spentNano).toBe(byPeriod.get(grant.periodKey) ?? 0);
        const shown = (await getSiteGrant(ctx, { origin }))!;
        expect(shown.spentUsd).toBe(nanoToUsd(byPeriod.get(periodKey(run.period, clock)) ?? 0));
        // And the dashboard's rollups hold the same total.
        const total = rows.reduce((s, r) => s + r.costNano, 0);
        const rollups = await ctx.db.rollups.where('origin').equals(origin).toArray();
        expect(rollups.reduce((s, r) => s + r.costNano, 0)).toBe(total);
        expect(rollups.reduce((s, r) => s + r.requests, 0)).toBe(rows.length - refused.length);
        const summary = await usageSummary(ctx.db, { days: 60, now: clock });
        expect(summary.topSites.find((s) => s.origin === origin)?.usd ?? 0).toBe(nanoToUsd(total));
        seen.ok += outcomes.filter((o) => o === 'ok').length;
        seen.refused += refused.length;
        seen.failed += outcomes.filter((o) => o === ErrorCode.provider).length;
        if (byPeriod.size > 1) seen.periodsCrossed++;
      }),
      { numRuns: 60 },
    );
    for (const [what, count] of Object.entries(seen)) expect(count, what).toBeGreaterThan(0);
  }, 120_000);
});
