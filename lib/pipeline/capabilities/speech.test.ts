import { describe, expect, it } from 'vitest';
import { scriptedAdapter, TEST_ORIGIN } from '../../../tests/support/wallet-harness';
import { makeMediaHarness } from '../../../tests/support/media-harness';
import { ErrorCode, WalletError } from '../../protocol/errors';
import type { MediaCallbacks, SpeechCall } from '../../providers/types';
import { runSpeak } from './speech';

const caller = { origin: TEST_ORIGIN };
const perChar = { inputPerM: 0, outputPerM: 0, perMChars: 15 };

/** An adapter whose speech waits for the send gate, says it sent, then answers (or waits for the abort). */
function speechAdapter(opts: { hang?: boolean } = {}) {
  const adapter = scriptedAdapter({});
  const sent: SpeechCall[] = [];
  const speak = async (_creds: unknown, request: SpeechCall, callbacks: MediaCallbacks, signal: AbortSignal) => {
    await callbacks.readyToSend;
    callbacks.onSent?.();
    sent.push(request);
    if (opts.hang) {
      await new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    }
    return { audio: new Uint8Array([1, 2, 3]), mimeType: 'audio/mpeg', model: request.model };
  };
  return Object.assign(adapter, { speak, sent });
}

describe('the speak pipeline', () => {
  it('charges the characters at the price per million, records them on the ledger line and the day’s rollup', async () => {
    const adapter = speechAdapter();
    const { ctx } = await makeMediaHarness({ adapter, price: perChar });
    const result = await runSpeak(ctx, { caller, request: { text: 'x'.repeat(1_000) }, signal: new AbortController().signal });
    expect(result).toMatchObject({ mimeType: 'audio/mpeg', model: 'm', provider: 'fake', usage: { characters: 1_000 }, costUsd: 0.015 });
    expect(adapter.sent[0]).toMatchObject({ model: 'm', text: 'x'.repeat(1_000), format: 'mp3' });
    const [row] = await ctx.db.ledger.toArray();
    expect(row).toMatchObject({ kind: 'speech', status: 'ok', units: { characters: 1_000 }, costNano: 15_000_000, reservedNano: 15_000_000 });
    expect(await ctx.db.rollups.toArray()).toEqual([expect.objectContaining({ characters: 1_000, costNano: 15_000_000, requests: 1 })]);
    expect((await ctx.grants.get(TEST_ORIGIN))?.spentNano).toBe(15_000_000);
    expect(ctx.gate.heldIds()).toEqual([]);
  });

  it('uses the grant’s default speech model when the request names none', async () => {
    const adapter = speechAdapter();
    const { ctx } = await makeMediaHarness({ adapter, price: perChar, models: ['tts-1'], defaults: { speech: 'tts-1' } });
    await runSpeak(ctx, { caller, request: { text: 'hi' }, signal: new AbortController().signal });
    expect(adapter.sent[0]?.model).toBe('tts-1');
  });

  it('without a speech default set, uses the first granted speech model', async () => {
    const adapter = speechAdapter();
    const { ctx } = await makeMediaHarness({ adapter, price: perChar, models: ['whisper-1', 'tts-1-hd'], defaults: {} });
    await runSpeak(ctx, { caller, request: { text: 'hi' }, signal: new AbortController().signal });
    expect(adapter.sent[0]?.model).toBe('tts-1-hd');
  });

  it('without a model or a speech default: -32602, nothing sent', async () => {
    const adapter = speechAdapter();
    const { ctx } = await makeMediaHarness({ adapter, price: perChar, defaults: {} });
    await expect(runSpeak(ctx, { caller, request: { text: 'hi' }, signal: new AbortController().signal })).rejects.toMatchObject({ code: ErrorCode.invalidParams });
    expect(adapter.sent).toEqual([]);
  });

  it('a provider that does not do speech: 4200 naming it, before anything is reserved or sent', async () => {
    const adapter = speechAdapter();
    const { ctx } = await makeMediaHarness({ adapter, price: perChar, serves: false });
    const error = await runSpeak(ctx, { caller, request: { text: 'hi' }, signal: new AbortController().signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WalletError);
    expect(error).toMatchObject({ code: ErrorCode.unsupported, message: 'OpenAI does not support text to speech' });
    expect(adapter.sent).toEqual([]);
    expect(await ctx.db.ledger.toArray()).toEqual([expect.objectContaining({ kind: 'speech', status: 'refused', errorCode: ErrorCode.unsupported, costNano: 0 })]);
  });

  it('an adapter without speech: 4200, nothing sent, nothing charged', async () => {
    const adapter = scriptedAdapter({});
    const { ctx } = await makeMediaHarness({ adapter, price: perChar });
    await expect(runSpeak(ctx, { caller, request: { text: 'hi' }, signal: new AbortController().signal })).rejects.toMatchObject({ code: ErrorCode.unsupported });
    const [row] = await ctx.db.ledger.toArray();
    expect(row).toMatchObject({ status: 'error', errorCode: ErrorCode.unsupported, costNano: 0 });
  });

  it('a model with no price (ElevenLabs until the person sets one): 4402 asking for it, never free', async () => {
    const adapter = speechAdapter();
    const { ctx } = await makeMediaHarness({ adapter, price: null });
    await expect(runSpeak(ctx, { caller, request: { text: 'hi' }, signal: new AbortController().signal })).rejects.toMatchObject({
      code: ErrorCode.budgetExceeded,
      message: expect.stringContaining('set its price'),
    });
    expect(adapter.sent).toEqual([]);
  });

  it('a speech aborted once sent is charged the characters the provider bills', async () => {
    const adapter = speechAdapter({ hang: true });
    const { ctx } = await makeMediaHarness({ adapter, price: perChar });
    const controller = new AbortController();
    const running = runSpeak(ctx, { caller, request: { text: 'y'.repeat(2_000) }, signal: controller.signal });
    await expect.poll(() => adapter.sent.length).toBe(1);
    controller.abort();
    await expect(running).rejects.toMatchObject({ code: ErrorCode.userRejected });
    const [row] = await ctx.db.ledger.toArray();
    expect(row).toMatchObject({ status: 'aborted', units: { characters: 2_000 }, costNano: 30_000_000 });
    expect((await ctx.grants.get(TEST_ORIGIN))?.spentNano).toBe(30_000_000);
  });

  it('a speech cut off after it was sent is charged its characters; one the provider refused, nothing', async () => {
    for (const [error, cost] of [
      [new WalletError(ErrorCode.provider, 'Could not reach Fake: connection reset', { kind: 'network', status: null }), 1_500_000],
      [new WalletError(ErrorCode.provider, 'Fake error: HTTP 400: bad voice', { kind: 'bad_request', status: 400 }), 0],
    ] as const) {
      const adapter = Object.assign(scriptedAdapter({}), {
        speak: async (_c: unknown, _r: SpeechCall, callbacks: MediaCallbacks) => {
          await callbacks.readyToSend;
          callbacks.onSent?.();
          throw error;
        },
      });
      const { ctx } = await makeMediaHarness({ adapter, price: perChar });
      await expect(runSpeak(ctx, { caller, request: { text: 'v'.repeat(100) }, signal: new AbortController().signal })).rejects.toBe(error);
      expect((await ctx.db.ledger.toArray())[0]).toMatchObject({ status: 'error', costNano: cost });
    }
  });

  it('a speech aborted before it was sent is charged nothing', async () => {
    const adapter = scriptedAdapter({});
    const controller = new AbortController();
    Object.assign(adapter, {
      speak: async (_c: unknown, _r: SpeechCall, callbacks: MediaCallbacks) => {
        controller.abort();
        await callbacks.readyToSend;
        throw new DOMException('aborted', 'AbortError');
      },
    });
    const { ctx } = await makeMediaHarness({ adapter, price: perChar });
    await expect(runSpeak(ctx, { caller, request: { text: 'z'.repeat(500) }, signal: controller.signal })).rejects.toMatchObject({ code: ErrorCode.userRejected });
    const [row] = await ctx.db.ledger.toArray();
    expect(row).toMatchObject({ status: 'aborted', costNano: 0 });
  });

  it('gpt-4o-mini-tts (billed by tokens) is reserved its text and audio-token bound, and charged its typical count within it', async () => {
    const adapter = speechAdapter();
    const { ctx } = await makeMediaHarness({ adapter, price: { inputPerM: 0.6, outputPerM: 12 } });
    const result = await runSpeak(ctx, { caller, request: { text: 'w'.repeat(1_000), speed: 0.5 }, signal: new AbortController().signal });
    const [row] = await ctx.db.ledger.toArray();
    // 1 000 characters, twice as slow: up to 12 000 audio tokens ($0.144) plus 1 016 text tokens.
    expect(row!.reservedNano).toBe(Math.ceil(1_016 * 600) + 12_000 * 12_000);
    expect(row!.costNano).toBeLessThanOrEqual(row!.reservedNano);
    expect(row!.costNano).toBeGreaterThan(0);
    expect(result.usage).toEqual({ characters: 1_000 });
  });
});
