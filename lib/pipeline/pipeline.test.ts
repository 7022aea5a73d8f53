/**
 * The pipeline with a capability of the test's own (a speech-like one: text in, audio out,
 * priced on its characters): the stages run in order, a refusal at each stage leaves its
 * ledger line and sends nothing, and the capability's own bound, count and result are used.
 */
import { describe, expect, it, vi } from 'vitest';
import { makeHarness, scriptedAdapter, TEST_ORIGIN } from '../../tests/support/wallet-harness';
import { ErrorCode } from '../protocol/errors';
import type { Capability } from './capability';
import { runRequest } from './pipeline';
import type { Tracer } from './trace';

vi.mock('../crypto/kdf', async (importOriginal) => (await import('../../tests/support/vault')).fastKdf(await importOriginal()));

interface Say {
  text: string;
  model?: string;
}

/** What reached the fake provider, and how many pending entries the ledger held when it did. */
interface Sent {
  text: string;
  pendingAtSend: number;
}

/**
 * A third capability, in the shape speech or images will have. It reuses the embed scope and
 * ledger kind: a real one adds its own to the grant's scopes and the ledger's kinds, not to the stages.
 */
function sayCapability(sent: Sent[], inflightCount: () => Promise<number>): Capability<Say, Say & { model: string }, { audio: string; billedChars: number }, { audio: string; costUsd: number }> {
  return {
    kind: 'embed',
    model: (request) => request.model,
    bound: (request, model) => ({ sent: { ...request, model }, upperBound: { inputTokens: request.text.length, outputTokens: 0 }, inputEstimate: request.text.length }),
    async call({ request, readyToSend }) {
      await readyToSend;
      sent.push({ text: request.text, pendingAtSend: await inflightCount() });
      return { audio: `audio of ${request.text}`, billedChars: request.text.length };
    },
    count: (outcome) => ({ billed: { inputTokens: outcome.billedChars, outputTokens: 0 }, counted: { inputTokens: outcome.billedChars, outputTokens: 0 } }),
    result: (outcome, { costUsd }) => ({ audio: outcome.audio, costUsd }),
  };
}

/** A trace that notes each stage as it starts and each moment. */
function noting(events: string[]): Tracer {
  return {
    begin: () => ({
      stage: (name, run) => {
        events.push(name);
        return run();
      },
      mark: (moment) => void events.push(moment),
    }),
  };
}

async function setUp(options: { budgetUsd?: number; price?: null } = {}) {
  const harness = await makeHarness({ adapter: scriptedAdapter({}), ...options });
  const sent: Sent[] = [];
  const events: string[] = [];
  const ctx = { ...harness.ctx, tracer: noting(events) };
  const say = sayCapability(sent, () => ctx.db.inflight.count());
  const run = (request: Say, origin = TEST_ORIGIN) => runRequest(ctx, say, { caller: { origin }, request, signal: new AbortController().signal });
  return { ctx, sent, events, run };
}

describe('the request pipeline', () => {
  it('runs its stages in order, sends only once the pending entry is written, and settles by the capability’s own count', async () => {
    const { ctx, sent, events, run } = await setUp();
    const result = await run({ text: 'hello', model: 'm' });
    expect(events).toEqual(['route', 'admit', 'pendingWrite', 'call', 'send', 'settle']);
    expect(sent).toEqual([{ text: 'hello', pendingAtSend: 1 }]);
    // 5 characters at 1000 USD per million.
    expect(result).toEqual({ audio: 'audio of hello', costUsd: 0.005 });
    const rows = await ctx.db.ledger.toArray();
    expect(rows).toEqual([expect.objectContaining({ kind: 'embed', status: 'ok', model: 'm', provider: 'fake', inputTokens: 5, costNano: 5_000_000, reservedNano: 5_000_000 })]);
    expect((await ctx.grants.get(TEST_ORIGIN))?.spentNano).toBe(5_000_000);
    expect(ctx.gate.heldIds()).toEqual([]);
  });

  it('a refusal at the route (no grant) has its ledger line, and nothing is admitted or sent', async () => {
    const { ctx, sent, events, run } = await setUp();
    await expect(run({ text: 'hello', model: 'm' }, 'https://stranger.example')).rejects.toMatchObject({ code: ErrorCode.unauthorized });
    expect(events).toEqual(['route']);
    expect(sent).toEqual([]);
    expect(await ctx.db.ledger.toArray()).toEqual([expect.objectContaining({ origin: 'https://stranger.example', kind: 'embed', status: 'refused', model: 'm', provider: '', errorCode: ErrorCode.unauthorized })]);
  });

  it('a refusal at the route (no price) has its ledger line, and nothing is sent', async () => {
    const { ctx, sent, run } = await setUp({ price: null });
    await expect(run({ text: 'hello' })).rejects.toMatchObject({ code: ErrorCode.budgetExceeded });
    expect(sent).toEqual([]);
    expect(await ctx.db.ledger.toArray()).toEqual([expect.objectContaining({ status: 'refused', model: '', errorCode: ErrorCode.budgetExceeded })]);
  });

  it('a refusal at admission (over budget) has its ledger line, holds nothing and sends nothing', async () => {
    const { ctx, sent, events, run } = await setUp({ budgetUsd: 0.001 });
    await expect(run({ text: 'a text too long for the budget', model: 'm' })).rejects.toMatchObject({ code: ErrorCode.budgetExceeded });
    expect(events).toEqual(['route', 'admit']);
    expect(sent).toEqual([]);
    expect(await ctx.db.ledger.toArray()).toEqual([expect.objectContaining({ status: 'refused', model: 'm', provider: 'fake', errorCode: ErrorCode.budgetExceeded })]);
    expect(ctx.gate.heldIds()).toEqual([]);
  });

  it('a pending entry that cannot be written refuses the request with its ledger line, and nothing is sent', async () => {
    const { ctx, sent, events, run } = await setUp();
    vi.spyOn(ctx.ledger, 'begin').mockRejectedValue(new Error('QuotaExceededError'));
    await expect(run({ text: 'hello', model: 'm' })).rejects.toMatchObject({ code: ErrorCode.provider, message: expect.stringContaining('nothing was sent') });
    expect(events).toEqual(['route', 'admit', 'pendingWrite', 'call']);
    expect(sent).toEqual([]);
    expect(await ctx.db.ledger.toArray()).toEqual([expect.objectContaining({ status: 'refused', model: 'm', provider: 'fake', errorCode: ErrorCode.provider })]);
    expect(ctx.gate.heldIds()).toEqual([]);
  });

  it('a caller that gave up before admission is neither admitted nor sent anything', async () => {
    const { ctx, sent, events } = await setUp();
    const controller = new AbortController();
    controller.abort();
    const say = sayCapability(sent, () => ctx.db.inflight.count());
    await expect(runRequest(ctx, say, { caller: { origin: TEST_ORIGIN }, request: { text: 'hello' }, signal: controller.signal })).rejects.toMatchObject({ code: ErrorCode.userRejected });
    expect(events).toEqual(['route']);
    expect(sent).toEqual([]);
    expect(await ctx.db.ledger.count()).toBe(0);
  });
});
