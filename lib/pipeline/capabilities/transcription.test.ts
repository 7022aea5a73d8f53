import { describe, expect, it } from 'vitest';
import { scriptedAdapter, TEST_ORIGIN } from '../../../tests/support/wallet-harness';
import { makeMediaHarness, wavBytes } from '../../../tests/support/media-harness';
import { ErrorCode } from '../../protocol/errors';
import type { MediaCallbacks, TranscriptionCall, TranscriptionOutcome } from '../../providers/types';
import type { Usage } from '../../protocol/chat';
import { measureAudio, runTranscribe, uploadTimeoutMs } from './transcription';

const caller = { origin: TEST_ORIGIN };
const perMinute = { inputPerM: 0, outputPerM: 0, perMinute: 0.006 };

function transcriber(answer: { usage?: Usage | null; hang?: boolean } = {}) {
  const sent: TranscriptionCall[] = [];
  const transcribe = async (_creds: unknown, request: TranscriptionCall, callbacks: MediaCallbacks, signal: AbortSignal): Promise<TranscriptionOutcome> => {
    await callbacks.readyToSend;
    callbacks.onSent?.();
    sent.push(request);
    if (answer.hang) await new Promise((_r, reject) => signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    return { text: 'hello', model: request.model, usage: answer.usage ?? null };
  };
  return Object.assign(scriptedAdapter({}), { transcribe, sent });
}

describe('measureAudio', () => {
  it('refuses bytes that are not audio it can measure, naming `audio`', () => {
    expect(() => measureAudio({ audio: new TextEncoder().encode('not audio at all') })).toThrow(expect.objectContaining({ code: ErrorCode.invalidParams, message: expect.stringContaining('audio:') }));
  });

  it('refuses a page type that contradicts the bytes, naming `audioType`', () => {
    expect(() => measureAudio({ audio: wavBytes(1), audioType: 'audio/mpeg' })).toThrow(expect.objectContaining({ code: ErrorCode.invalidParams, message: expect.stringContaining('audioType') }));
  });

  it('takes a matching type, a type with parameters, or none', () => {
    expect(measureAudio({ audio: wavBytes(1), audioType: 'audio/wav' }).measured).toMatchObject({ container: 'wav', seconds: 1 });
    expect(measureAudio({ audio: wavBytes(1), audioType: 'audio/x-wav; codecs=1' }).measured.container).toBe('wav');
    expect(measureAudio({ audio: wavBytes(1), audioType: '' }).measured.container).toBe('wav');
    expect(measureAudio({ audio: wavBytes(1) }).measured.container).toBe('wav');
  });
});

describe('the transcribe pipeline', () => {
  it('meters whole seconds (rounded up) at the price per minute, and records them', async () => {
    const adapter = transcriber();
    const { ctx } = await makeMediaHarness({ adapter, price: perMinute });
    const result = await runTranscribe(ctx, { caller, request: { audio: wavBytes(59.2), audioType: 'audio/wav' }, signal: new AbortController().signal });
    expect(result).toMatchObject({ text: 'hello', usage: { seconds: 60 }, costUsd: 0.006 });
    expect(adapter.sent[0]).toMatchObject({ model: 'm', mimeType: 'audio/wav', fileName: 'audio.wav', responseFormat: 'json' });
    const [row] = await ctx.db.ledger.toArray();
    expect(row).toMatchObject({ kind: 'transcription', status: 'ok', units: { seconds: 60 }, costNano: 6_000_000, reservedNano: 6_000_000 });
    expect(await ctx.db.rollups.toArray()).toEqual([expect.objectContaining({ seconds: 60 })]);
  });

  it('audio it cannot measure is refused before anything else: nothing sent, nothing charged', async () => {
    const adapter = transcriber();
    const { ctx } = await makeMediaHarness({ adapter, price: perMinute });
    await expect(runTranscribe(ctx, { caller, request: { audio: new Uint8Array([1, 2, 3, 4]) }, signal: new AbortController().signal })).rejects.toMatchObject({
      code: ErrorCode.invalidParams,
      message: expect.stringContaining('audio'),
    });
    expect(adapter.sent).toEqual([]);
    expect((await ctx.grants.get(TEST_ORIGIN))?.spentNano).toBe(0);
  });

  it('a model billed by tokens (gpt-4o-transcribe) is charged the tokens it reports', async () => {
    const adapter = transcriber({ usage: { inputTokens: 300, outputTokens: 50 } });
    const { ctx } = await makeMediaHarness({ adapter, price: { inputPerM: 6, outputPerM: 10, perMinute: 0.006 } });
    const result = await runTranscribe(ctx, { caller, request: { audio: wavBytes(30) }, signal: new AbortController().signal });
    const [row] = await ctx.db.ledger.toArray();
    expect(row).toMatchObject({ inputTokens: 300, outputTokens: 50, units: { seconds: 30 }, costNano: 300 * 6_000 + 50 * 10_000 });
    expect(row!.costNano).toBeLessThanOrEqual(row!.reservedNano);
    expect(result.usage).toEqual({ seconds: 30 });
  });

  it('the same model without reported usage is charged its minutes', async () => {
    const adapter = transcriber({ usage: null });
    const { ctx } = await makeMediaHarness({ adapter, price: { inputPerM: 6, outputPerM: 10, perMinute: 0.006 } });
    await runTranscribe(ctx, { caller, request: { audio: wavBytes(30), responseFormat: 'text' }, signal: new AbortController().signal });
    const [row] = await ctx.db.ledger.toArray();
    expect(row).toMatchObject({ inputTokens: 0, outputTokens: 0, costNano: 3_000_000 });
  });

  it('an upload aborted before it reached the provider is charged nothing', async () => {
    const controller = new AbortController();
    const adapter = Object.assign(scriptedAdapter({}), {
      transcribe: async (_c: unknown, _r: TranscriptionCall, callbacks: MediaCallbacks) => {
        controller.abort();
        await callbacks.readyToSend;
        throw new DOMException('aborted', 'AbortError');
      },
    });
    const { ctx } = await makeMediaHarness({ adapter, price: perMinute });
    await expect(runTranscribe(ctx, { caller, request: { audio: wavBytes(120) }, signal: controller.signal })).rejects.toMatchObject({ code: ErrorCode.userRejected });
    const [row] = await ctx.db.ledger.toArray();
    expect(row).toMatchObject({ status: 'aborted', costNano: 0 });
    expect((await ctx.grants.get(TEST_ORIGIN))?.spentNano).toBe(0);
  });

  it('an upload aborted once sent is charged its minutes, within the reservation', async () => {
    const adapter = transcriber({ hang: true });
    const { ctx } = await makeMediaHarness({ adapter, price: perMinute });
    const controller = new AbortController();
    const running = runTranscribe(ctx, { caller, request: { audio: wavBytes(10) }, signal: controller.signal });
    await expect.poll(() => adapter.sent.length).toBe(1);
    controller.abort();
    await expect(running).rejects.toMatchObject({ code: ErrorCode.userRejected });
    const [row] = await ctx.db.ledger.toArray();
    expect(row).toMatchObject({ status: 'aborted', costNano: 1_000_000, reservedNano: 1_000_000 });
  });
});

describe('uploadTimeoutMs', () => {
  it('adds the time a large upload takes at the slowest rate allowed to the provider timeout', () => {
    expect(uploadTimeoutMs(120_000, 0)).toBe(120_000);
    expect(uploadTimeoutMs(undefined, 0)).toBe(120_000);
    // 25 MB at 64 KB/s: about 410 s on top of the setting.
    expect(uploadTimeoutMs(120_000, 25 * 1024 * 1024)).toBe(120_000 + 409_600);
  });
});
