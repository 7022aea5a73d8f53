import { describe, expect, it, vi } from 'vitest';
import { makeHarness, scriptedAdapter, TEST_ORIGIN } from './testing/harness';
import { runEmbed } from './embed';

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
});
