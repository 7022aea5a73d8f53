import { describe, expect, it } from 'vitest';
import type { Usage } from '../protocol/chat';
import { ErrorCode, WalletError } from '../protocol/errors';
import { createAnthropicAdapter } from './anthropic';
import * as fx from '../../tests/support/providers/anthropic-fixtures';
import { fakeFetch, jsonResponse, pieces, sseResponse, type Responder } from '../../tests/support/providers/fake-fetch';
import type { ProviderCredentials, ResolvedChatRequest } from './types';

const KEY = 'sk-ant-api03-T3stKey0123456789abcdefghij-XYZAA';

const creds = (over: Partial<ProviderCredentials> = {}): ProviderCredentials => ({ kind: 'anthropic', label: 'Anthropic', secret: KEY, ...over });
const request = (over: Partial<ResolvedChatRequest> = {}): ResolvedChatRequest => ({
  messages: [{ role: 'user', content: 'Say hello' }],
  model: 'claude-sonnet-5-5',
  maxTokens: 1024,
  ...over,
});

function sink() {
  const deltas: string[] = [];
  const usages: Usage[] = [];
  return { deltas, usages, callbacks: { onDelta: (t: string) => void deltas.push(t), onUsage: (u: Usage) => void usages.push(u) } };
}

function setup(respond: Responder) {
  const fake = fakeFetch(respond);
  return { ...fake, adapter: createAnthropicAdapter({ fetch: fake.fetch }) };
}

async function failure(promise: Promise<unknown>): Promise<WalletError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WalletError);
  return error as WalletError;
}

describe('Anthropic adapter: streaming chat', () => {
  it('builds the request while the pending entry is written, and sends it only after', async () => {
    const { adapter, calls } = setup((_req, signal) => sseResponse(pieces(fx.textStream().join(''), 13), { signal }));
    let allow!: () => void;
    const readyToSend = new Promise<void>((r) => (allow = r));
    const s = sink();
    const out = adapter.chat(creds(), request(), { ...s.callbacks, readyToSend }, new AbortController().signal);
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).toHaveLength(0);
    allow();
    expect((await out).text).toBe(s.deltas.join(''));
    expect(calls).toHaveLength(1);
  });

  it('sends nothing when the pending entry cannot be written', async () => {
    const { adapter, calls } = setup((_req, signal) => sseResponse(pieces(fx.textStream().join(''), 13), { signal }));
    const readyToSend = Promise.reject(new Error('QuotaExceededError'));
    await expect(adapter.chat(creds(), request(), { ...sink().callbacks, readyToSend }, new AbortController().signal)).rejects.toBeInstanceOf(WalletError);
    expect(calls).toHaveLength(0);
  });

  it('streams text through the SDK with cumulative usage, and sends the mapped request', async () => {
    const { adapter, calls } = setup((_req, signal) => sseResponse(pieces(fx.textStream().join(''), 13), { signal }));
    const s = sink();
    const out = await adapter.chat(creds(), request(), s.callbacks, new AbortController().signal);
    expect(out).toEqual({ text: 'Hello, world!', model: 'claude-sonnet-5-5', usage: { inputTokens: 25, outputTokens: 15 }, finishReason: 'stop' });
    expect(s.deltas).toEqual(fx.TEXT_PIECES);
    // message_start, then message_delta's running total: the last report is the whole usage.
    expect(s.usages).toEqual([
      { inputTokens: 25, outputTokens: 1 },
      { inputTokens: 25, outputTokens: 15 },
    ]);
    const call = calls[0]!;
    expect(call.url).toBe('https://api.anthropic.com/v1/messages');
    expect(call.headers.get('anthropic-dangerous-direct-browser-access')).toBe('true');
    expect(call.headers.get('authorization')).toBe(`Bearer ${KEY}`);
    expect(call.body).toEqual({ model: 'claude-sonnet-5-5', max_tokens: 1024, messages: [{ role: 'user', content: [{ type: 'text', text: 'Say hello' }] }], stream: true });
  });

  it('returns tool_use blocks as tool calls and keeps thinking out of the text', async () => {
    const { adapter } = setup((_req, signal) => sseResponse(pieces(fx.toolUseStream().join(''), 17), { signal }));
    const s = sink();
    const out = await adapter.chat(creds(), request({ tools: [{ name: 'get_weather', parameters: { type: 'object' } }] }), s.callbacks, new AbortController().signal);
    expect(out.text).toBe('Let me check.');
    expect(s.deltas.join('')).toBe(out.text);
    expect(out.finishReason).toBe('tool_calls');
    expect(out.toolCalls).toEqual([{ id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6', name: 'get_weather', arguments: { location: 'San Francisco, CA', unit: 'fahrenheit' } }]);
    expect(out.usage).toEqual({ inputTokens: 472, outputTokens: 89 });
  });

  it('emulates JSON object mode with a forced tool whose input streams as the text', async () => {
    const { adapter, calls } = setup((_req, signal) => sseResponse(fx.jsonToolStream(), { signal }));
    const s = sink();
    const out = await adapter.chat(creds(), request({ responseFormat: { type: 'json' } }), s.callbacks, new AbortController().signal);
    expect(out).toEqual({ text: '{"name": "Ada", "born": 1815}', model: 'claude-sonnet-5-5', usage: { inputTokens: 40, outputTokens: 22 }, finishReason: 'stop' });
    expect(JSON.parse(out.text)).toEqual({ name: 'Ada', born: 1815 });
    expect(s.deltas.join('')).toBe(out.text);
    expect(calls[0]!.body).toMatchObject({
      tools: [{ name: 'json_response', description: 'Give your whole answer as one JSON object.', input_schema: { type: 'object' } }],
      tool_choice: { type: 'tool', name: 'json_response' },
    });
  });

  it('reports an error event inside the stream as 5000 kind server, keeping the text already streamed', async () => {
    const { adapter } = setup((_req, signal) => sseResponse(fx.errorMidStream(), { signal }));
    const s = sink();
    const error = await failure(adapter.chat(creds(), request(), s.callbacks, new AbortController().signal));
    expect(s.deltas).toEqual(['Hel']);
    expect(error.message).toBe('Anthropic error: stream error overloaded_error: Overloaded');
    expect(error.data).toEqual({ kind: 'server', status: null, type: 'overloaded_error' });
  });

  it('rejects a stream that ends without message_stop', async () => {
    const { adapter } = setup((_req, signal) => sseResponse(fx.textStream().slice(0, 5), { signal }));
    const error = await failure(adapter.chat(creds(), request(), sink().callbacks, new AbortController().signal));
    expect(error.message).toBe('Anthropic error: the answer stream ended before it was complete');
  });
});

describe('Anthropic adapter: provider errors', () => {
  it.each([
    [401, fx.error401, {}, { kind: 'auth', status: 401, type: 'authentication_error' }, 'Anthropic error: HTTP 401 authentication_error: invalid x-api-key'],
    [429, fx.error429, { 'retry-after': '30' }, { kind: 'rate_limit', status: 429, type: 'rate_limit_error', retryAfterMs: 30_000 }, 'Anthropic error: HTTP 429 rate_limit_error: Number of request tokens'],
    [529, fx.error529, {}, { kind: 'server', status: 529, type: 'overloaded_error' }, 'Anthropic error: HTTP 529 overloaded_error: Overloaded'],
    [500, fx.error500, {}, { kind: 'server', status: 500, type: 'api_error' }, 'Anthropic error: HTTP 500 api_error: Internal server error'],
  ])('maps HTTP %i', async (status, body, headers, data, message) => {
    const { adapter, calls } = setup(() => jsonResponse(status, body, headers));
    const error = await failure(adapter.chat(creds(), request(), sink().callbacks, new AbortController().signal));
    expect(error.code).toBe(ErrorCode.provider);
    expect(error.message.startsWith(message)).toBe(true);
    expect(error.data).toEqual(data);
    expect(calls).toHaveLength(1); // no SDK retries
  });

  it('removes the key when an error body echoes it', async () => {
    const { adapter } = setup(() => jsonResponse(401, fx.error401Echo(KEY)));
    const error = await failure(adapter.chat(creds({ baseUrl: 'https://gateway.example.com' }), request(), sink().callbacks, new AbortController().signal));
    expect(error.message).toBe('Anthropic error: HTTP 401 authentication_error: invalid x-api-key: [redacted]');
    expect(JSON.stringify(error.toWire())).not.toContain(KEY);
  });
});

describe('Anthropic adapter: abort and refusals', () => {
  it('aborts mid-stream: AbortError, partial text delivered, usage reported once as a running total', async () => {
    const controller = new AbortController();
    const { adapter } = setup((_req, signal) => sseResponse(fx.textStream(), { signal, stallAfter: 5 }));
    const s = sink();
    const callbacks = {
      ...s.callbacks,
      onDelta: (t: string) => {
        s.callbacks.onDelta(t);
        if (t === ', ') controller.abort();
      },
    };
    await expect(adapter.chat(creds(), request(), callbacks, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
    expect(s.deltas).toEqual(['Hello', ', ']);
    expect(s.usages).toEqual([{ inputTokens: 25, outputTokens: 1 }]);
  });

  it.each([
    ['seed', request({ seed: 1 }), 4200, 'Anthropic does not support seed'],
    ['temperature', request({ temperature: 0.5 }), 4200, 'Anthropic does not support temperature (the Messages API refuses sampling parameters)'],
    ['topP', request({ topP: 0.5 }), 4200, 'Anthropic does not support topP (the Messages API refuses sampling parameters)'],
    ['json mode with tools', request({ responseFormat: { type: 'json' }, tools: [{ name: 'f', parameters: { type: 'object' } }] }), 4200, 'Anthropic does not support responseFormat json together with tools'],
    ['a BMP image', request({ messages: [{ role: 'user', content: [{ type: 'image', url: 'data:image/bmp;base64,Qk0=' }] }] }), 4200, 'Anthropic does not support the image type image/bmp (messages[0].content[0].url); it takes JPEG, PNG, GIF and WebP'],
    ['an empty user message', request({ messages: [{ role: 'user', content: '' }] }), -32602, 'Invalid request: messages[0].content: Anthropic needs non-empty content'],
    ['only system messages', request({ messages: [{ role: 'system', content: 'x' }] }), -32602, 'Invalid request: messages: Anthropic needs at least one user or assistant message'],
  ])('refuses %s before any request', async (_what, req, code, message) => {
    const { adapter, calls } = setup((_req, signal) => sseResponse(fx.textStream(), { signal }));
    const error = await failure(adapter.chat(creds(), req, sink().callbacks, new AbortController().signal));
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
    expect(calls).toHaveLength(0);
  });
});

describe('Anthropic adapter: models and embeddings', () => {
  it('lists models', async () => {
    const { adapter, calls } = setup(() => jsonResponse(200, fx.modelsList));
    expect(await adapter.listModels(creds())).toEqual(['claude-sonnet-5-5', 'claude-haiku-4-5-20251001']);
    expect(calls[0]!.url).toMatch(/^https:\/\/api\.anthropic\.com\/v1\/models/);
  });

  it('refuses embeddings with 4200 without a request', async () => {
    const { adapter, calls } = setup(() => jsonResponse(200, {}));
    const error = await failure(adapter.embed(creds(), { input: 'x', model: 'claude-sonnet-5-5' }, new AbortController().signal));
    expect(error.code).toBe(ErrorCode.unsupported);
    expect(error.message).toBe('Anthropic has no embeddings API');
    expect(calls).toHaveLength(0);
  });
});
