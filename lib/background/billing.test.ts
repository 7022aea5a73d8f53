/**
 * What the ledger records when the provider's bill and the wallet's reservation disagree: the
 * bill, never less (docs/BUDGETS.md); and what a timed-out call is charged (its input, as an abort).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { makeHarness, scriptedAdapter, TEST_ORIGIN } from '../../tests/support/wallet-harness';
import { runChat } from '../pipeline/capabilities/chat';
import { runEmbed } from '../pipeline/capabilities/embed';
import { getGrant } from './connect';
import { ErrorCode, WalletError } from '../protocol/errors';
import type { ChatRequest } from '../protocol/chat';

const caller = { origin: TEST_ORIGIN };
const chat = (request: ChatRequest) => ({ caller, request, signal: new AbortController().signal, onDelta: () => undefined });
const timeout = () => new WalletError(ErrorCode.provider, 'Fake did not answer within 2 s', { kind: 'timeout', status: null });

describe('a provider billing above the reservation', () => {
  it('the ledger and the grant show the billed cost, the audit log has the overrun, and the next request gets 4402', async () => {
    // Reserved: 'hi' and 1 output token, a few dozen tokens at $1,000/M ($0.027); billed: 50,000 output tokens ($50).
    const adapter = scriptedAdapter({ chunks: ['x'], usage: { inputTokens: 5, outputTokens: 50_000 } });
    const { ctx } = await makeHarness({ adapter, budgetUsd: 0.03 });
    const result = await runChat(ctx, chat({ messages: [{ role: 'user', content: 'hi' }], maxTokens: 1 }));
    expect(result.costUsd).toBeCloseTo(50.005, 9);
    await ctx.ledger.settled();
    const [row] = await ctx.db.ledger.toArray();
    expect(row).toMatchObject({ status: 'ok', outputTokens: 50_000, costNano: 50_005_000_000 });
    expect(row!.reservedNano).toBeLessThan(30_000_000);
    expect((await ctx.grants.get(TEST_ORIGIN))?.spentNano).toBe(50_005_000_000);
    expect((await getGrant(ctx, caller))?.spentUsd).toBeCloseTo(50.005, 9);

    await expect.poll(() => ctx.audit.list({ type: 'budget.overrun' })).toHaveLength(1);
    const [event] = await ctx.audit.list({ type: 'budget.overrun' });
    expect(event).toMatchObject({ origin: TEST_ORIGIN, detail: { reservedUsd: row!.reservedNano / 1e9, billedUsd: 50.005, outputTokens: 50_000 } });

    // Over its budget now: refused before anything is sent, until the budget allows it again.
    await expect(runChat(ctx, chat({ messages: [{ role: 'user', content: 'again' }], maxTokens: 1 }))).rejects.toMatchObject({ code: 4402 });
    expect(adapter.calls).toBe(1);
  });

  it('a bill within the reservation is no overrun', async () => {
    const { ctx } = await makeHarness({ adapter: scriptedAdapter({ usage: { inputTokens: 1, outputTokens: 1 } }) });
    await runChat(ctx, chat({ messages: [{ role: 'user', content: 'hi' }], maxTokens: 5 }));
    await ctx.ledger.settled();
    expect(await ctx.audit.list({ type: 'budget.overrun' })).toEqual([]);
  });

  it('an embedding billed above its reservation is recorded in full', async () => {
    const adapter = scriptedAdapter({});
    adapter.embed = async () => ({ vectors: [[1]], model: 'm', usage: { inputTokens: 100 } });
    const { ctx } = await makeHarness({ adapter });
    const result = await runEmbed(ctx, { caller, request: { input: 'hi' }, signal: new AbortController().signal });
    expect(result.costUsd).toBeCloseTo(0.1, 12);
    const [row] = await ctx.db.ledger.toArray();
    expect(row!.costNano).toBe(100_000_000);
    expect(row!.costNano).toBeGreaterThan(row!.reservedNano);
    expect((await ctx.grants.get(TEST_ORIGIN))?.spentNano).toBe(100_000_000);
  });
});

describe('a timed-out request', () => {
  it('is charged its input, as an abort at the same point is', async () => {
    const adapter = scriptedAdapter({ before: () => Promise.reject(timeout()) });
    const { ctx } = await makeHarness({ adapter });
    await expect(runChat(ctx, chat({ messages: [{ role: 'user', content: 'a question of some length' }], maxTokens: 10 }))).rejects.toMatchObject({ code: 5000 });
    const [row] = await ctx.db.ledger.toArray();
    expect(row).toMatchObject({ status: 'error', errorCode: 5000, outputTokens: 0 });
    expect(row!.inputTokens).toBe(row!.inputEstimate);
    expect(row!.costNano).toBeGreaterThan(0);
    expect(row!.costNano).toBeLessThanOrEqual(row!.reservedNano);
    expect((await ctx.grants.get(TEST_ORIGIN))?.spentNano).toBe(row!.costNano);
    expect(ctx.gate.heldIds()).toEqual([]);
  });

  it('an embedding that timed out is charged its input', async () => {
    const adapter = scriptedAdapter({});
    adapter.embed = () => Promise.reject(timeout());
    const { ctx } = await makeHarness({ adapter });
    await expect(runEmbed(ctx, { caller, request: { input: 'some text to embed' }, signal: new AbortController().signal })).rejects.toMatchObject({ code: 5000 });
    const [row] = await ctx.db.ledger.toArray();
    expect(row).toMatchObject({ status: 'error', errorCode: 5000 });
    expect(row!.inputTokens).toBeGreaterThan(0);
    expect(row!.costNano).toBeGreaterThan(0);
  });

  it('a provider error before any output still charges nothing', async () => {
    const adapter = scriptedAdapter({ before: () => Promise.reject(new WalletError(ErrorCode.provider, 'Fake error: HTTP 503', { kind: 'server', status: 503 })) });
    const { ctx } = await makeHarness({ adapter });
    await expect(runChat(ctx, chat({ messages: [{ role: 'user', content: 'hi' }], maxTokens: 10 }))).rejects.toMatchObject({ code: 5000 });
    expect((await ctx.db.ledger.toArray())[0]).toMatchObject({ status: 'error', costNano: 0 });
  });
});
