import { describe, expect, it, vi } from 'vitest';
import { makeHarness, scriptedAdapter, TEST_ORIGIN } from '../../../tests/support/wallet-harness';
import { runChat } from './chat';
import { getGrant } from '../../background/connect';
import type { ChatRequest } from '../../protocol/chat';

const request: ChatRequest = { messages: [{ role: 'user', content: 'hi' }], maxTokens: 10 };
const caller = { origin: TEST_ORIGIN };
const call = (signal = new AbortController().signal, onDelta = (_t: string) => {}) => ({ caller, request, signal, onDelta });

describe('the chat pipeline', () => {
  it('streams, settles the ledger, charges the grant and releases the reservation', async () => {
    const adapter = scriptedAdapter({ chunks: ['a', 'b', 'c'], usage: { inputTokens: 5, outputTokens: 3 } });
    const { ctx } = await makeHarness({ adapter });
    const deltas: string[] = [];
    const result = await runChat(ctx, call(undefined, (t) => deltas.push(t)));
    expect(result).toMatchObject({ text: 'abc', usage: { inputTokens: 5, outputTokens: 3 }, finishReason: 'stop' });
    expect(deltas.join('')).toBe('abc');
    expect(result.costUsd).toBeCloseTo(8 * 1000 / 1e6, 12);
    // The answer went out with the settlement committing: the gate holds exactly the cost meanwhile.
    expect(ctx.gate.heldNano(TEST_ORIGIN)).toBe(8_000_000);
    await ctx.ledger.settled();
    const [entry] = await ctx.db.ledger.toArray();
    expect(entry).toMatchObject({ status: 'ok', costNano: 8_000_000, origin: TEST_ORIGIN });
    expect((await ctx.grants.get(TEST_ORIGIN))?.spentNano).toBe(8_000_000);
    expect(ctx.gate.heldIds()).toEqual([]);
  });

  it("the page's spend includes a chat as soon as it resolves, though its settlement commits after", async () => {
    const { ctx } = await makeHarness({ adapter: scriptedAdapter({ usage: { inputTokens: 5, outputTokens: 3 } }) });
    const result = await runChat(ctx, call());
    // What the page reads (getGrant) and what the wallet's pages read wait for the commit.
    expect((await getGrant(ctx, caller))?.spentUsd).toBe(result.costUsd);
    expect(await ctx.db.inflight.count()).toBe(0);
  });

  it('the site\'s pages hear the new spend before its chat resolves', async () => {
    const { ctx } = await makeHarness({ adapter: scriptedAdapter({ usage: { inputTokens: 5, outputTokens: 3 } }) });
    const heard: unknown[] = [];
    vi.spyOn(ctx.ports, 'emit').mockImplementation((_origin, name, data) => void (name === 'grantChanged' && heard.push(data)));
    const result = await runChat(ctx, call());
    expect(heard).toEqual([expect.objectContaining({ spentUsd: result.costUsd })]);
    await ctx.ledger.settled();
    expect(heard).toHaveLength(1);
    vi.restoreAllMocks();
  });

  it('an answered chat whose settlement cannot commit stays pending and held, and recovery charges it', async () => {
    const { ctx } = await makeHarness({ adapter: scriptedAdapter({ chunks: ['a', 'b', 'c'], usage: { inputTokens: 5, outputTokens: 3 } }) });
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(runChat(ctx, call())).resolves.toMatchObject({ text: 'abc' });
    await ctx.ledger.settled();
    vi.restoreAllMocks();
    // The site's cap still counts the charge; the request is still in flight, never half-settled.
    expect(ctx.gate.heldNano(TEST_ORIGIN)).toBe(8_000_000);
    expect(await ctx.db.inflight.count()).toBe(1);
    expect((await ctx.grants.get(TEST_ORIGIN))?.spentNano).toBe(0);
    expect(await ctx.db.rollups.count()).toBe(0);
    // The next start settles it, charged the wallet's own count, never more than reserved.
    expect(await ctx.ledger.recoverPending()).toBe(1);
    const [entry] = await ctx.db.ledger.toArray();
    expect(entry).toMatchObject({ status: 'interrupted' });
    expect((await ctx.grants.get(TEST_ORIGIN))?.spentNano).toBe(entry!.costNano);
  });

  it('refuses cleanly when the ledger cannot be written: nothing sent, nothing held, nothing half-written', async () => {
    const adapter = scriptedAdapter({});
    const { ctx } = await makeHarness({ adapter });
    // Storage itself refuses (the IndexedDB store, under whichever library writes to it).
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(runChat(ctx, call())).rejects.toMatchObject({ code: 5000, message: expect.stringContaining('nothing was sent') });
    expect(adapter.calls).toBe(0);
    expect(ctx.gate.heldIds()).toEqual([]);
    vi.restoreAllMocks();
    expect(await ctx.db.inflight.count()).toBe(0);
    expect((await ctx.grants.get(TEST_ORIGIN))?.spentNano).toBe(0);
    // The wallet still works once storage does.
    await expect(runChat(ctx, call())).resolves.toMatchObject({ text: 'Hello world' });
  });

  it("the request log offers a site as soon as it has a line, refused or sent", async () => {
    const { ctx } = await makeHarness({ adapter: scriptedAdapter({}) });
    expect(await ctx.ledger.origins.list()).toEqual([]);
    await runChat(ctx, call());
    await expect(runChat(ctx, { ...call(), caller: { origin: 'https://stranger.example' } })).rejects.toMatchObject({ code: 4100 });
    expect(await ctx.ledger.origins.list()).toEqual(['https://stranger.example', TEST_ORIGIN].sort());
  });

  it('a provider that fails settles the request as an error, uncharged, and releases it', async () => {
    const { WalletError } = await import('../../protocol/errors');
    const adapter = scriptedAdapter({ before: async () => Promise.reject(new WalletError(5000, 'Fake error: HTTP 503', { kind: 'server', status: 503 })) });
    const { ctx } = await makeHarness({ adapter });
    await expect(runChat(ctx, call())).rejects.toMatchObject({ code: 5000 });
    const [entry] = await ctx.db.ledger.toArray();
    expect(entry).toMatchObject({ status: 'error', costNano: 0, errorCode: 5000 });
    expect(ctx.gate.heldIds()).toEqual([]);
  });

  it('an abort charges what streamed, never more than the reservation', async () => {
    const controller = new AbortController();
    const adapter = scriptedAdapter({ chunks: Array.from({ length: 50 }, () => 'word '), usage: null });
    const { ctx } = await makeHarness({ adapter });
    let n = 0;
    const run = runChat(ctx, call(controller.signal, () => ++n === 3 && controller.abort()));
    await expect(run).rejects.toMatchObject({ data: { aborted: true } });
    const [entry] = await ctx.db.ledger.toArray();
    expect(entry?.status).toBe('aborted');
    expect(entry!.outputTokens).toBe(Math.ceil(15 / 4));
    expect(entry!.costNano).toBeGreaterThan(0);
    expect(entry!.costNano).toBeLessThanOrEqual(entry!.reservedNano);
  });

  it('a request that does not fit the budget is refused with 4402 before anything is sent, and logged', async () => {
    const adapter = scriptedAdapter({});
    const { ctx } = await makeHarness({ adapter, budgetUsd: 0.00001 });
    await expect(runChat(ctx, call())).rejects.toMatchObject({ code: 4402 });
    expect(adapter.calls).toBe(0);
    const [entry] = await ctx.db.ledger.toArray();
    expect(entry).toMatchObject({ status: 'refused', errorCode: 4402, costNano: 0 });
  });

  it('a model with no known price is refused with 4402, never treated as free', async () => {
    const adapter = scriptedAdapter({});
    const { ctx } = await makeHarness({ adapter, price: null });
    await expect(runChat(ctx, call())).rejects.toMatchObject({ code: 4402, message: expect.stringContaining('No price') });
    expect(adapter.calls).toBe(0);
  });

  it('while locked, the request waits for the unlock window; closing it rejects with 4900', async () => {
    const adapter = scriptedAdapter({});
    const { ctx, windows } = await makeHarness({ adapter });
    await ctx.vault.lock();
    const pending = runChat(ctx, call());
    await vi.waitFor(() => expect(windows.opened.some((w) => w.path === '/unlock.html')).toBe(true));
    windows.closeWindow(windows.opened.at(-1)!.id);
    await expect(pending).rejects.toMatchObject({ code: 4900 });
    expect(adapter.calls).toBe(0);
  });

  it('a worker that died mid-request leaves a pending entry that the next start settles once', async () => {
    const adapter = scriptedAdapter({ before: () => new Promise(() => {}) });
    const { ctx } = await makeHarness({ adapter });
    void runChat(ctx, call());
    await vi.waitFor(async () => expect(await ctx.db.inflight.count()).toBe(1));
    await ctx.ledger.checkpoint((await ctx.db.inflight.toArray())[0]!.id, 40);
    // A new worker: recovery settles it as interrupted, charging its own count, once.
    expect(await ctx.ledger.recoverPending()).toBe(1);
    expect(await ctx.ledger.recoverPending()).toBe(0);
    const [entry] = await ctx.db.ledger.toArray();
    expect(entry).toMatchObject({ status: 'interrupted', outputTokens: 10 });
    expect((await ctx.grants.get(TEST_ORIGIN))?.spentNano).toBe(entry!.costNano);
  });

  it('only an admitted request counts as use of the wallet (a refused one cannot keep it unlocked)', async () => {
    const adapter = scriptedAdapter({});
    const { ctx } = await makeHarness({ adapter, budgetUsd: 0.00001 });
    const activity = vi.spyOn(ctx, 'activity');
    await expect(runChat(ctx, call())).rejects.toMatchObject({ code: 4402 });
    await expect(runChat(ctx, { ...call(), caller: { origin: 'https://stranger.example' } })).rejects.toMatchObject({ code: 4100 });
    expect(activity).not.toHaveBeenCalled();
    await ctx.grants.patch(TEST_ORIGIN, (g) => g && { ...g, budgetNano: 1e9 });
    await runChat(ctx, call());
    expect(activity).toHaveBeenCalledTimes(1);
  });
});
