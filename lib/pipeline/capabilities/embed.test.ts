import { describe, expect, it, vi } from 'vitest';
import { makeHarness, scriptedAdapter, TEST_ORIGIN } from '../../../tests/support/wallet-harness';
import { runEmbed } from './embed';
import { ErrorCode, WalletError } from '../../protocol/errors';

const caller = { origin: TEST_ORIGIN };
const call = () => ({ caller, request: { input: ['one', 'two'] }, signal: new AbortController().signal });

describe('the embed pipeline', () => {
  it("settles and charges the grant, and the site's pages hear the new spend before it resolves", async () => {
    const adapter = scriptedAdapter({});
    adapter.embed = async () => ({ vectors: [[0.1], [0.2]], model: 'm', usage: { inputTokens: 4 } });
    const { ctx } = await makeHarness({ adapter });
    const heard: unknown[] = [];
    vi.spyOn(ctx.ports, 'emit').mockImplementation((_origin, name, data) => void (name === 'grantChanged' && heard.push(data)));
    // A grant read that takes a while (not cached) must still come before the answer.
    const read = ctx.grants.get.bind(ctx.grants);
    vi.spyOn(ctx.grants, 'get').mockImplementation(async (origin) => {
      await new Promise((r) => setTimeout(r, 5));
      return read(origin);
    });
    const result = await runEmbed(ctx, call());
    expect(heard).toEqual([expect.objectContaining({ spentUsd: result.costUsd })]);
    expect(result.costUsd).toBeGreaterThan(0);
    expect((await ctx.grants.get(TEST_ORIGIN))?.spentNano).toBeGreaterThan(0);
    expect(ctx.gate.heldIds()).toEqual([]);
    vi.restoreAllMocks();
  });

  it('a failed embed is refused after the pages heard, and charges nothing', async () => {
    const { ctx } = await makeHarness({ adapter: scriptedAdapter({}) });
    const heard: unknown[] = [];
    vi.spyOn(ctx.ports, 'emit').mockImplementation((_origin, name, data) => void (name === 'grantChanged' && heard.push(data)));
    await expect(runEmbed(ctx, call())).rejects.toThrow('not scripted');
    expect(heard).toEqual([expect.objectContaining({ spentUsd: 0 })]);
    expect(ctx.gate.heldIds()).toEqual([]);
    vi.restoreAllMocks();
  });

  it('a refusal before the call (budget) has its line in the ledger, as a chat’s has', async () => {
    const adapter = scriptedAdapter({});
    const { ctx } = await makeHarness({ adapter, budgetUsd: 0.000001 });
    await expect(runEmbed(ctx, { ...call(), request: { input: 'x'.repeat(10_000) } })).rejects.toMatchObject({ code: ErrorCode.budgetExceeded });
    const rows = await ctx.db.ledger.toArray();
    expect(rows).toEqual([expect.objectContaining({ kind: 'embed', status: 'refused', model: 'm', provider: 'fake', errorCode: ErrorCode.budgetExceeded, costNano: 0 })]);
  });

  it('a key the provider refused is marked invalid, and the error is logged with its message', async () => {
    const adapter = scriptedAdapter({});
    adapter.embed = async () => {
      throw new WalletError(ErrorCode.provider, 'Fake error: HTTP 401: bad key', { kind: 'auth', status: 401 });
    };
    const { ctx, keyId } = await makeHarness({ adapter });
    await expect(runEmbed(ctx, call())).rejects.toThrow('bad key');
    await expect.poll(async () => (await ctx.keyring.list()).find((k) => k.id === keyId)?.status).toBe('invalid');
    expect(await ctx.db.ledger.toArray()).toEqual([expect.objectContaining({ kind: 'embed', status: 'error', errorMessage: 'Fake error: HTTP 401: bad key', costNano: 0 })]);
  });

  it('an error that is not the wallet’s own is logged as an internal error, not without a message', async () => {
    const { ctx } = await makeHarness({ adapter: scriptedAdapter({}) });
    await expect(runEmbed(ctx, call())).rejects.toThrow('not scripted');
    expect(await ctx.db.ledger.toArray()).toEqual([expect.objectContaining({ status: 'error', errorCode: ErrorCode.provider, errorMessage: 'Internal wallet error' })]);
  });

  it('an embedding the page cancels after it was sent is charged its input, within the reservation', async () => {
    const adapter = scriptedAdapter({});
    const controller = new AbortController();
    adapter.embed = (_creds: unknown, _req: unknown, signal: AbortSignal) =>
      new Promise((_resolve, reject) => {
        signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        controller.abort();
      });
    const { ctx } = await makeHarness({ adapter });
    await expect(runEmbed(ctx, { ...call(), signal: controller.signal })).rejects.toMatchObject({ code: ErrorCode.userRejected });
    const [row] = await ctx.db.ledger.toArray();
    expect(row).toMatchObject({ status: 'aborted' });
    expect(row!.inputTokens).toBeGreaterThan(0);
    expect(row!.costNano).toBeGreaterThan(0);
    expect(row!.costNano).toBeLessThanOrEqual(row!.reservedNano);
    expect((await ctx.grants.get(TEST_ORIGIN))?.spentNano).toBe(row!.costNano);
    expect(ctx.gate.heldIds()).toEqual([]);
  });
});
