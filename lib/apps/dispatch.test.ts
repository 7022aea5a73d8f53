/**
 * The wallet's end of the local-apps channel: an app's call runs the same handlers as a site's,
 * as its own origin, and only with a token whose app still has a grant; answers carry the
 * wallet's codes; the streamed text comes before the answer; a cancel stops the provider call.
 */
import { describe, expect, it, vi } from 'vitest';
import { makeHarness, scriptedAdapter, TEST_ORIGIN } from '../../tests/support/wallet-harness';
import { makeMediaHarness, wavBytes } from '../../tests/support/media-harness';
import type { MediaCallbacks, SpeechCall, TranscriptionCall } from '../providers/types';
import type { FromHost, ToHost } from '../protocol/bridge';
import { ErrorCode } from '../protocol/errors';
import { AppTokens } from './app-tokens';
import { appOrigin } from './app-origin';
import { AppDispatcher, TOKEN_REFUSED } from './dispatch';

const HASH = 'a'.repeat(64);
const OTHER_HASH = 'b'.repeat(64);
const APP = appOrigin('cli');
const chatParams = { messages: [{ role: 'user', content: 'hi' }], model: 'm', maxTokens: 16 };

async function setUp(script: Parameters<typeof scriptedAdapter>[0] = {}) {
  const adapter = scriptedAdapter(script);
  const { ctx } = await makeHarness({ adapter });
  // The harness connects a site; the app gets the same grant under its own origin.
  const grant = (await ctx.grants.get(TEST_ORIGIN))!;
  await ctx.grants.put({ ...grant, origin: APP });
  const tokens = new AppTokens(ctx.db);
  await tokens.set(APP, HASH, Date.now());
  const sent: ToHost[] = [];
  const dispatcher = new AppDispatcher(ctx, tokens, (m) => sent.push(m));
  const answerOf = (id: number) => sent.find((m): m is Extract<ToHost, { t: 'res' }> => m.t === 'res' && m.id === id);
  return { ctx, adapter, tokens, sent, dispatcher, answerOf };
}

/** A provider call that hangs until it is aborted; `running` resolves once it has started. */
function hangsUntilAborted() {
  let started!: () => void;
  const running = new Promise<void>((r) => (started = r));
  const before = (signal: AbortSignal) =>
    new Promise<void>((_resolve, reject) => {
      started();
      signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true });
    });
  return { running, before };
}

const call = (id: number, method: 'chat' | 'embed' | 'models' | 'getGrant' | 'speak' | 'transcribe', params?: unknown, tokenHash = HASH, stream = false): FromHost => ({
  t: 'call',
  id,
  tokenHash,
  method,
  ...(params === undefined ? {} : { params }),
  ...(stream ? { stream } : {}),
});

describe('AppDispatcher', () => {
  it('runs an app’s chat as the app, streaming its text before the answer', async () => {
    const { dispatcher, sent, answerOf, ctx } = await setUp({ chunks: ['Hel', 'lo'] });
    await dispatcher.handle(call(1, 'chat', chatParams, HASH, true));
    const res = answerOf(1);
    expect(res).toMatchObject({ ok: true, value: { text: 'Hello' } });
    const deltas = sent.filter((m) => m.t === 'delta').map((m) => (m as { text: string }).text);
    expect(deltas.join('')).toBe('Hello');
    expect(sent.indexOf(res!)).toBe(sent.length - 1);
    // The request is the app's in the ledger, not the site's (a chat answers while its settlement commits).
    await vi.waitFor(async () => expect((await ctx.db.ledger.toArray()).map((e) => e.origin)).toEqual([APP]));
  });

  it('refuses an unknown token with the token reason (the host answers 401), sending nothing', async () => {
    const { dispatcher, answerOf, adapter } = await setUp();
    await dispatcher.handle(call(2, 'chat', chatParams, OTHER_HASH));
    expect(answerOf(2)).toMatchObject({ ok: false, error: { code: ErrorCode.unauthorized, data: { reason: TOKEN_REFUSED } } });
    expect(adapter.calls).toBe(0);
  });

  it('ends the token of an app whose grant was revoked', async () => {
    const { dispatcher, answerOf, ctx, tokens } = await setUp();
    await ctx.grants.revoke(APP);
    await dispatcher.handle(call(3, 'getGrant'));
    expect(answerOf(3)).toMatchObject({ ok: false, error: { code: ErrorCode.unauthorized, data: { reason: TOKEN_REFUSED } } });
    expect(await tokens.originOf(HASH)).toBeNull();
  });

  it('refuses bad params with -32602 naming the field, sending and charging nothing', async () => {
    const { dispatcher, answerOf, adapter, ctx } = await setUp();
    await dispatcher.handle(call(4, 'chat', { messages: 'not a list' }));
    const res = answerOf(4);
    expect(res).toMatchObject({ ok: false, error: { code: ErrorCode.invalidParams } });
    expect((res as { error: { message: string } }).error.message).toContain('messages');
    expect(adapter.calls).toBe(0);
    expect((await ctx.grants.get(APP))!.spentNano).toBe(0);
  });

  it('stops the provider call on cancel, and answers the call', async () => {
    const { running, before } = hangsUntilAborted();
    const { dispatcher, answerOf } = await setUp({ before });
    const done = dispatcher.handle(call(5, 'chat', chatParams, HASH, true));
    await running;
    await dispatcher.handle({ t: 'cancel', id: 5 });
    await done;
    expect(answerOf(5)).toMatchObject({ ok: false });
  });

  it('fails every call in flight when the host goes away', async () => {
    const { running, before } = hangsUntilAborted();
    const { dispatcher, answerOf } = await setUp({ before });
    const done = dispatcher.handle(call(6, 'chat', chatParams));
    await running;
    dispatcher.closed();
    await done;
    expect(answerOf(6)).toMatchObject({ ok: false });
  });

  it('refuses to connect an app name that is already connected, without a window', async () => {
    const { dispatcher, answerOf, ctx } = await setUp();
    await dispatcher.handle({ t: 'connect', id: 7, name: 'cli', tokenHash: OTHER_HASH });
    expect(answerOf(7)).toMatchObject({ ok: false, error: { code: ErrorCode.unauthorized } });
    expect(await ctx.db.approvals.count()).toBe(0);
  });
});

describe('AppDispatcher: media over the JSON channel', () => {
  async function mediaSetUp() {
    const seen: { audio?: Uint8Array } = {};
    const adapter = {
      ...scriptedAdapter({}),
      async speak(_c: unknown, request: SpeechCall, callbacks: MediaCallbacks) {
        await callbacks.readyToSend;
        callbacks.onSent?.();
        return { audio: new Uint8Array([1, 2, 3, 250]), mimeType: 'audio/mpeg', model: request.model };
      },
      async transcribe(_c: unknown, request: TranscriptionCall, callbacks: MediaCallbacks) {
        await callbacks.readyToSend;
        callbacks.onSent?.();
        seen.audio = request.audio;
        return { text: 'heard', model: request.model, usage: null };
      },
    };
    const { ctx } = await makeMediaHarness({ adapter, price: { inputPerM: 0, outputPerM: 0, perMChars: 15, perMinute: 0.006 } });
    const grant = (await ctx.grants.get(TEST_ORIGIN))!;
    await ctx.grants.put({ ...grant, origin: APP });
    const tokens = new AppTokens(ctx.db);
    await tokens.set(APP, HASH, Date.now());
    const sent: ToHost[] = [];
    const dispatcher = new AppDispatcher(ctx, tokens, (m) => sent.push(m));
    const answerOf = (id: number) => sent.find((m): m is Extract<ToHost, { t: 'res' }> => m.t === 'res' && m.id === id);
    return { dispatcher, answerOf, seen };
  }

  it('takes an upload as tagged base64, and answers audio as tagged base64 (JSON all the way)', async () => {
    const { dispatcher, answerOf, seen } = await mediaSetUp();
    const wav = wavBytes(1.5);
    await dispatcher.handle(call(8, 'transcribe', { audio: { $base64: Buffer.from(wav).toString('base64') } }));
    expect(answerOf(8)).toMatchObject({ ok: true, value: { text: 'heard', usage: { seconds: 2 } } });
    expect(seen.audio).toEqual(wav);

    await dispatcher.handle(call(9, 'speak', { text: 'hello' }));
    const res = answerOf(9) as { ok: true; value: { audio: unknown; mimeType: string } };
    expect(res.value).toMatchObject({ audio: { $base64: Buffer.from([1, 2, 3, 250]).toString('base64') }, mimeType: 'audio/mpeg' });
    expect(JSON.parse(JSON.stringify(res))).toEqual(res);
  });

  it('refuses base64 that is not, with -32602, before anything is sent', async () => {
    const { dispatcher, answerOf, seen } = await mediaSetUp();
    await dispatcher.handle(call(10, 'transcribe', { audio: { $base64: 'not base64!' } }));
    expect(answerOf(10)).toMatchObject({ ok: false, error: { code: ErrorCode.invalidParams } });
    expect(seen.audio).toBeUndefined();
  });
});
