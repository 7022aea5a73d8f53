import { describe, expect, it } from 'vitest';
import type { Usage } from '../protocol/chat';
import { ErrorCode, WalletError } from '../protocol/errors';
import { createOpenAIAdapter } from './openai';
import { fakeFetch, jsonResponse, pieces, sseResponse, type Responder } from '../../tests/support/providers/fake-fetch';
import * as fx from '../../tests/support/providers/openai-fixtures';
import type { ProviderCredentials, ResolvedChatRequest } from './types';

const KEY = 'sk-proj-T3stKey0123456789abcdefghijWXYZ';

const creds = (over: Partial<ProviderCredentials> = {}): ProviderCredentials => ({ kind: 'openai', label: 'OpenAI', secret: KEY, ...over });
const request = (over: Partial<ResolvedChatRequest> = {}): ResolvedChatRequest => ({
  messages: [{ role: 'user', content: 'Say hello' }],
  model: 'gpt-4o-mini',
  maxTokens: 100,
  ...over,
});

function sink() {
  const deltas: string[] = [];
  const usages: Usage[] = [];
  return { deltas, usages, callbacks: { onDelta: (t: string) => void deltas.push(t), onUsage: (u: Usage) => void usages.push(u) } };
}

function setup(respond: Responder) {
  const fake = fakeFetch(respond);
  return { ...fake, adapter: createOpenAIAdapter({ fetch: fake.fetch }) };
}

async function failure(promise: Promise<unknown>): Promise<WalletError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WalletError);
  return error as WalletError;
}

describe('OpenAI adapter: streaming chat', () => {
  it('builds the request while the pending entry is written, and sends it only after', async () => {
    const { adapter, calls } = setup((_req, signal) => sseResponse(pieces(fx.textStream().join(''), 7), { signal }));
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
    const { adapter, calls } = setup((_req, signal) => sseResponse(pieces(fx.textStream().join(''), 7), { signal }));
    const readyToSend = Promise.reject(new Error('QuotaExceededError'));
    await expect(adapter.chat(creds(), request(), { ...sink().callbacks, readyToSend }, new AbortController().signal)).rejects.toBeInstanceOf(WalletError);
    expect(calls).toHaveLength(0);
  });

  it('streams text through the SDK, reports usage once, and sends the mapped request', async () => {
    const { adapter, calls } = setup((_req, signal) => sseResponse(pieces(fx.textStream().join(''), 7), { signal }));
    const s = sink();
    const out = await adapter.chat(creds(), request(), s.callbacks, new AbortController().signal);
    expect(out).toEqual({ text: 'Hello, world!', model: 'gpt-4o-mini-2024-07-18', usage: { inputTokens: 12, outputTokens: 4 }, finishReason: 'stop' });
    expect(s.deltas.join('')).toBe(out.text);
    expect(s.deltas).toEqual(fx.TEXT_PIECES);
    expect(s.usages).toEqual([{ inputTokens: 12, outputTokens: 4 }]);
    expect(calls).toHaveLength(1);
    const call = calls[0]!;
    expect(call.url).toBe('https://api.openai.com/v1/chat/completions');
    expect(call.method).toBe('POST');
    expect(call.headers.get('authorization')).toBe(`Bearer ${KEY}`);
    expect(call.body).toEqual({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Say hello' }],
      stream: true,
      stream_options: { include_usage: true },
      max_completion_tokens: 100,
    });
  });

  it('sends max_tokens to an OpenAI-compatible base URL', async () => {
    const { adapter, calls } = setup((_req, signal) => sseResponse(fx.textStream(), { signal }));
    await adapter.chat(creds({ label: 'Groq', baseUrl: 'https://api.groq.com/openai/v1' }), request(), sink().callbacks, new AbortController().signal);
    expect(calls[0]!.url).toBe('https://api.groq.com/openai/v1/chat/completions');
    expect(calls[0]!.body).toMatchObject({ max_tokens: 100 });
    expect(calls[0]!.body).not.toHaveProperty('max_completion_tokens');
  });

  it('joins tool calls streamed in pieces by index and parses their arguments', async () => {
    const { adapter } = setup((_req, signal) => sseResponse(pieces(fx.toolCallStream().join(''), 11), { signal }));
    const s = sink();
    const out = await adapter.chat(creds(), request({ tools: [{ name: 'get_weather', parameters: { type: 'object' } }, { name: 'get_time', parameters: { type: 'object' } }] }), s.callbacks, new AbortController().signal);
    expect(out.finishReason).toBe('tool_calls');
    expect(out.text).toBe('');
    expect(s.deltas).toEqual([]);
    expect(out.toolCalls).toEqual([
      { id: 'call_DdmO9pD3xa9XTPNJ32zg2hcA', name: 'get_weather', arguments: { location: 'Paris, FR' } },
      { id: 'call_8qN3vJ0rZk1yS5tWb2Xc4Lp7', name: 'get_time', arguments: { tz: 'Europe/Paris' } },
    ]);
    expect(out.usage).toEqual({ inputTokens: 83, outputTokens: 51 });
  });

  it('refuses tool arguments that are not JSON with a 5000 naming the tool', async () => {
    const { adapter } = setup((_req, signal) => sseResponse(fx.badToolCallStream(), { signal }));
    const error = await failure(adapter.chat(creds(), request(), sink().callbacks, new AbortController().signal));
    expect(error.code).toBe(ErrorCode.provider);
    expect(error.message).toBe("OpenAI error: the arguments of the tool call 'get_weather' are not a JSON object");
  });

  it('reports an error event inside the stream as 5000, keeping the text already streamed', async () => {
    const { adapter } = setup((_req, signal) => sseResponse(fx.errorMidStream(), { signal }));
    const s = sink();
    const error = await failure(adapter.chat(creds(), request(), s.callbacks, new AbortController().signal));
    expect(s.deltas).toEqual(['Hel']);
    expect(error.message).toBe('OpenAI error: stream error server_error: The server had an error processing your request. Sorry about that!');
    expect(error.data).toMatchObject({ kind: 'server', status: null });
  });

  it('rejects a stream that ends without a finish reason', async () => {
    const { adapter } = setup((_req, signal) => sseResponse(fx.cutStream(), { signal }));
    const error = await failure(adapter.chat(creds(), request(), sink().callbacks, new AbortController().signal));
    expect(error.message).toBe('OpenAI error: the answer stream ended before it was complete');
    expect(error.data).toMatchObject({ kind: 'network' });
  });
});

describe('OpenAI adapter: provider errors', () => {
  it('maps 401 to kind auth with the status, type and message', async () => {
    const { adapter } = setup(() => jsonResponse(401, fx.error401));
    const error = await failure(adapter.chat(creds(), request(), sink().callbacks, new AbortController().signal));
    expect(error.code).toBe(5000);
    expect(error.message).toMatch(/^OpenAI error: HTTP 401 invalid_request_error: Incorrect API key provided: sk-proj-\*+WXYZ\./);
    expect(error.data).toEqual({ kind: 'auth', status: 401, type: 'invalid_request_error' });
  });

  it('removes the key when an error body echoes it', async () => {
    const { adapter } = setup(() => jsonResponse(401, fx.error401Echo(KEY)));
    const error = await failure(adapter.chat(creds({ baseUrl: 'https://proxy.example.com/v1', label: 'OpenAI-compatible' }), request(), sink().callbacks, new AbortController().signal));
    expect(error.message).not.toContain(KEY);
    expect(JSON.stringify(error.toWire())).not.toContain(KEY);
    expect(error.message).toContain('Received API Key = [redacted], Authorization: Bearer [redacted]');
  });

  it('maps 429 to kind rate_limit with retryAfterMs from retry-after', async () => {
    const { adapter } = setup(() => jsonResponse(429, fx.error429, { 'retry-after': '20' }));
    const error = await failure(adapter.chat(creds(), request(), sink().callbacks, new AbortController().signal));
    expect(error.data).toEqual({ kind: 'rate_limit', status: 429, type: 'requests', retryAfterMs: 20_000 });
    expect(error.message).toContain('HTTP 429 requests: Rate limit reached for gpt-4o-mini');
  });

  it('maps 500 to kind server and does not retry', async () => {
    const { adapter, calls } = setup(() => jsonResponse(500, fx.error500));
    const error = await failure(adapter.chat(creds(), request(), sink().callbacks, new AbortController().signal));
    expect(error.data).toMatchObject({ kind: 'server', status: 500 });
    expect(calls).toHaveLength(1);
  });

  it('maps a refused connection to kind network', async () => {
    const { adapter } = setup(() => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:11434'), { code: 'ECONNREFUSED' }) });
    });
    const error = await failure(adapter.chat(creds({ label: 'Ollama', secret: '', baseUrl: 'http://localhost:11434/v1' }), request(), sink().callbacks, new AbortController().signal));
    expect(error.message).toMatch(/^Could not reach Ollama: /);
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.data).toMatchObject({ kind: 'network' });
  });
});

describe('OpenAI adapter: abort, timeout and refusals', () => {
  it('aborts mid-stream: AbortError, the partial text was delivered, no usage invented', async () => {
    const controller = new AbortController();
    let upstream: AbortSignal | undefined;
    const { adapter } = setup((_req, signal) => {
      upstream = signal;
      return sseResponse(fx.textStream(), { signal, stallAfter: 3 });
    });
    const s = sink();
    const callbacks = {
      ...s.callbacks,
      onDelta: (t: string) => {
        s.callbacks.onDelta(t);
        if (t === ', ') controller.abort();
      },
    };
    const error = await adapter.chat(creds(), request(), callbacks, controller.signal).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
    expect(s.deltas).toEqual(['Hello', ', ']);
    expect(s.usages).toEqual([]);
    expect(upstream?.aborted).toBe(true);
  });

  it('does not call the provider when the signal is already aborted', async () => {
    const { adapter, calls } = setup((_req, signal) => sseResponse(fx.textStream(), { signal }));
    const controller = new AbortController();
    controller.abort();
    await expect(adapter.chat(creds(), request(), sink().callbacks, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toHaveLength(0);
  });

  it('times out a stream that makes no progress', async () => {
    const { adapter } = setup((_req, signal) => sseResponse(fx.textStream(), { signal, stallAfter: 2 }));
    const s = sink();
    const error = await failure(adapter.chat(creds({ timeoutMs: 60 }), request(), s.callbacks, new AbortController().signal));
    expect(error.message).toBe('OpenAI did not answer within 1 s');
    expect(error.data).toMatchObject({ kind: 'timeout' });
    expect(s.deltas).toEqual(['Hello']);
  });

  it('lets a slow stream run as long as it keeps making progress', async () => {
    const { adapter } = setup((_req, signal) => sseResponse(fx.textStream(), { signal, delayMs: 30 }));
    const out = await adapter.chat(creds({ timeoutMs: 100 }), request(), sink().callbacks, new AbortController().signal);
    expect(out.text).toBe('Hello, world!'); // about 250 ms in all, never 100 ms without a chunk
  });

  it.each([
    ['an image in a system message', request({ messages: [{ role: 'system', content: [{ type: 'image', url: 'https://x.test/a.png' }] }, { role: 'user', content: 'hi' }] }), 4200, 'OpenAI does not support images in system messages (messages[0].content[0])'],
    ['an image in a tool message', request({ messages: [{ role: 'tool', toolCallId: 'c1', content: [{ type: 'image', url: 'https://x.test/a.png' }] }] }), 4200, 'OpenAI does not support images in tool messages (messages[0].content[0])'],
    ['toolChoice without tools', request({ toolChoice: 'required' }), -32602, 'Invalid request: toolChoice: needs tools'],
    ['toolChoice naming no tool', request({ tools: [{ name: 'f', parameters: {} }], toolChoice: { name: 'g' } }), -32602, "Invalid request: toolChoice.name: 'g' is not one of the tools"],
  ])('refuses %s before any request', async (_what, req, code, message) => {
    const { adapter, calls } = setup((_req, signal) => sseResponse(fx.textStream(), { signal }));
    const error = await failure(adapter.chat(creds(), req, sink().callbacks, new AbortController().signal));
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
    expect(calls).toHaveLength(0);
  });
});

describe('OpenAI adapter: models and embeddings', () => {
  it('lists models', async () => {
    const { adapter, calls } = setup(() => jsonResponse(200, fx.modelsList));
    expect(await adapter.listModels(creds())).toEqual(['gpt-4o-mini', 'gpt-4.1', 'text-embedding-3-small']);
    expect(calls[0]).toMatchObject({ url: 'https://api.openai.com/v1/models', method: 'GET' });
  });

  it('sends no Authorization header to a keyless local server', async () => {
    const { adapter, calls } = setup(() => jsonResponse(200, fx.modelsList));
    await adapter.listModels(creds({ label: 'Ollama', secret: '', baseUrl: 'http://localhost:11434/v1' }));
    expect(calls[0]!.url).toBe('http://localhost:11434/v1/models');
    expect(calls[0]!.headers.has('authorization')).toBe(false);
  });

  it('embeds, returning vectors in input order and the usage', async () => {
    const { adapter, calls } = setup(() => jsonResponse(200, fx.embeddings));
    const out = await adapter.embed(creds(), { input: ['a', 'b'], model: 'text-embedding-3-small' }, new AbortController().signal);
    expect(out).toEqual({
      vectors: [
        [0.0023064255, -0.009327292, -0.0028842222],
        [0.25, -0.5, 0.125],
      ],
      model: 'text-embedding-3-small',
      usage: { inputTokens: 8 },
    });
    expect(calls[0]!.body).toEqual({ model: 'text-embedding-3-small', input: ['a', 'b'], encoding_format: 'float' });
  });

  it('refuses an embeddings answer with the wrong number of vectors', async () => {
    const { adapter } = setup(() => jsonResponse(200, fx.embeddings));
    const error = await failure(adapter.embed(creds(), { input: 'just one', model: 'text-embedding-3-small' }, new AbortController().signal));
    expect(error.message).toBe('OpenAI error: malformed answer (expected 1 float vectors)');
  });
});
