import { describe, expect, it } from 'vitest';
import { scriptedAdapter, TEST_ORIGIN } from '../../../tests/support/wallet-harness';
import { makeMediaHarness } from '../../../tests/support/media-harness';
import { ErrorCode } from '../../protocol/errors';
import type { Usage } from '../../protocol/chat';
import type { ImageCall, ImageOutcome, MediaCallbacks } from '../../providers/types';
import { priceFor } from '../../budget/prices';
import { runGenerateImage } from './images';

const caller = { origin: TEST_ORIGIN };
/** The table's prices, as the wallet's directory resolves them. */
const tablePrice = (model: string, variant: string | undefined) => priceFor({ providerId: 'openai', model, ...(variant ? { variant } : {}) });

function painter(answer: { usage?: Usage | null; made?: number } = {}) {
  const sent: ImageCall[] = [];
  const generateImage = async (_creds: unknown, request: ImageCall, callbacks: MediaCallbacks): Promise<ImageOutcome> => {
    await callbacks.readyToSend;
    callbacks.onSent?.();
    sent.push(request);
    const images = Array.from({ length: answer.made ?? request.n }, () => ({ bytes: new Uint8Array([137, 80, 78, 71]), mimeType: 'image/png' }));
    return { images, model: request.model, usage: answer.usage ?? null };
  };
  return Object.assign(scriptedAdapter({}), { generateImage, sent });
}

describe('the generateImage pipeline', () => {
  it('reserves and charges n images at the price of their size and quality', async () => {
    const adapter = painter();
    const { ctx, variants } = await makeMediaHarness({ adapter, price: tablePrice, models: ['dall-e-3'] });
    const result = await runGenerateImage(ctx, { caller, request: { prompt: 'a cat', model: 'dall-e-3', size: '1792x1024', quality: 'hd' }, signal: new AbortController().signal });
    expect(variants).toEqual(['1792x1024/hd']);
    expect(result).toMatchObject({ usage: { images: 1 }, costUsd: 0.12 });
    expect(adapter.sent[0]).toMatchObject({ model: 'dall-e-3', prompt: 'a cat', n: 1, size: '1792x1024', quality: 'hd' });
    const [row] = await ctx.db.ledger.toArray();
    expect(row).toMatchObject({ kind: 'images', units: { images: 1 }, costNano: 120_000_000, reservedNano: 120_000_000 });
  });

  it('an image that would not fit the budget: 4402, nothing sent', async () => {
    const adapter = painter();
    const { ctx } = await makeMediaHarness({ adapter, price: tablePrice, models: ['dall-e-2'], budgetUsd: 0.05 });
    await expect(runGenerateImage(ctx, { caller, request: { prompt: 'dogs', model: 'dall-e-2', n: 3 }, signal: new AbortController().signal })).rejects.toMatchObject({
      code: ErrorCode.budgetExceeded,
    });
    expect(adapter.sent).toEqual([]);
    expect(await ctx.db.ledger.toArray()).toEqual([expect.objectContaining({ status: 'refused', errorCode: ErrorCode.budgetExceeded, costNano: 0 })]);
  });

  it.each([
    [{ model: 'dall-e-3', n: 2 }, 'n'],
    [{ model: 'dall-e-3', size: '256x256' as const }, 'size'],
    [{ model: 'gpt-image-1', quality: 'hd' as const }, 'quality'],
  ])('what the model cannot do (%o): -32602 naming `%s`, nothing sent', async (over, field) => {
    const adapter = painter();
    const { ctx } = await makeMediaHarness({ adapter, price: tablePrice, models: ['dall-e-3', 'gpt-image-1'] });
    await expect(runGenerateImage(ctx, { caller, request: { prompt: 'p', ...over }, signal: new AbortController().signal })).rejects.toMatchObject({
      code: ErrorCode.invalidParams,
      message: expect.stringContaining(`${field}:`),
    });
    expect(adapter.sent).toEqual([]);
  });

  it('gpt-image-1 is charged the tokens it reports, within the reservation', async () => {
    const adapter = painter({ usage: { inputTokens: 20, outputTokens: 2 * 1_056 } });
    const { ctx } = await makeMediaHarness({ adapter, price: tablePrice, models: ['gpt-image-1'] });
    await runGenerateImage(ctx, { caller, request: { prompt: 'two owls', model: 'gpt-image-1', n: 2, quality: 'medium' }, signal: new AbortController().signal });
    const [row] = await ctx.db.ledger.toArray();
    expect(row).toMatchObject({ inputTokens: 20, outputTokens: 2_112, units: { images: 2 }, costNano: 20 * 10_000 + 2_112 * 40_000 });
    expect(row!.costNano).toBeLessThanOrEqual(row!.reservedNano);
  });

  it('fewer images than asked are charged as made', async () => {
    const adapter = painter({ made: 1 });
    const { ctx } = await makeMediaHarness({ adapter, price: tablePrice, models: ['dall-e-2'] });
    const result = await runGenerateImage(ctx, { caller, request: { prompt: 'p', model: 'dall-e-2', n: 3 }, signal: new AbortController().signal });
    expect(result.usage).toEqual({ images: 1 });
    expect((await ctx.db.ledger.toArray())[0]).toMatchObject({ units: { images: 1 }, costNano: 20_000_000, reservedNano: 60_000_000 });
  });
});
