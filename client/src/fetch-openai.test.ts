import OpenAI from 'openai';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { byokFetch, createByokFetch, type ByokFetchOptions } from './fetch.js';
import { CANNED, FakeByok, fakeWindow } from './test-fake-byok.js';
import type { ChatRequest } from './types.js';

afterEach(() => vi.unstubAllGlobals());

const openai = (fake: FakeByok, opts: Omit<ByokFetchOptions, 'byok'> = {}) =>
  new OpenAI({ apiKey: 'byok', dangerouslyAllowBrowser: true, fetch: createByokFetch({ byok: fake, ...opts }), maxRetries: 0 });

const weatherTool = {
  type: 'function' as const,
  function: { name: 'get_weather', description: 'Weather for a city', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
};
const callWeather = { id: 'call_1', name: 'get_weather', arguments: { city: 'Paris' } };

describe('byokFetch with the real openai SDK', () => {
  it('works unchanged with the exported byokFetch and discovery', async () => {
    const win = fakeWindow();
    const fake = new FakeByok();
    fake.announceOn(win);
    vi.stubGlobal('window', win);
    const client = new OpenAI({ apiKey: 'byok', dangerouslyAllowBrowser: true, fetch: byokFetch });
    const res = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });
    expect(res.choices[0]?.message.content).toBe(CANNED.join(''));
    expect(fake.calls.map((c) => c.method)).toEqual(['getGrant', 'getGrant', 'connect', 'chat']);
  });

  it('streams a chat: the deltas equal the text, usage comes last', async () => {
    const fake = new FakeByok();
    const stream = await openai(fake).chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const deltas: string[] = [];
    const finishes: (string | null | undefined)[] = [];
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      expect(chunk.object).toBe('chat.completion.chunk');
      const c = chunk.choices[0];
      if (c?.delta.content) deltas.push(c.delta.content);
      if (c) finishes.push(c.finish_reason);
      if (chunk.usage) usage = chunk.usage;
    }
    expect(deltas).toEqual(CANNED);
    expect(finishes.at(-1)).toBe('stop');
    expect(usage).toMatchObject({ completion_tokens: CANNED.length });
    expect(usage?.total_tokens).toBe((usage?.prompt_tokens ?? 0) + CANNED.length);
    expect(fake.chatRequests[0]).toEqual({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });
  });

  it('streams SSE exactly like OpenAI: role first, [DONE] last, usage only when asked', async () => {
    const fake = new FakeByok().grantAll();
    const fetch = createByokFetch({ byok: fake });
    const body = (includeUsage: boolean) =>
      JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], stream: true, ...(includeUsage ? { stream_options: { include_usage: true } } : {}) });
    for (const includeUsage of [false, true]) {
      const res = await fetch('https://api.openai.com/v1/chat/completions', { method: 'POST', body: body(includeUsage) });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const events = (await res.text()).split('\n\n').filter(Boolean);
      expect(events.every((e) => e.startsWith('data: '))).toBe(true);
      expect(events.at(-1)).toBe('data: [DONE]');
      const chunks = events.slice(0, -1).map((e) => JSON.parse(e.slice(6)));
      expect(chunks[0].choices[0].delta).toEqual({ role: 'assistant', content: '', refusal: null });
      expect(new Set(chunks.map((c) => c.id)).size).toBe(1);
      if (includeUsage) {
        expect(chunks.at(-1).choices).toEqual([]);
        expect(chunks.at(-1).usage.completion_tokens).toBe(CANNED.length);
        expect(chunks.slice(0, -1).every((c) => c.usage === null)).toBe(true);
      } else {
        expect(chunks.every((c) => !('usage' in c))).toBe(true);
        expect(chunks.at(-1).choices[0]).toMatchObject({ delta: {}, finish_reason: 'stop' });
      }
    }
  });

  it('answers a non-streaming chat with the text, usage, model and finish reason', async () => {
    const fake = new FakeByok({ reply: () => ({ finishReason: 'length' }) });
    const res = await openai(fake).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], max_tokens: 6 });
    expect(res.object).toBe('chat.completion');
    expect(res.model).toBe('gpt-4o-mini');
    expect(res.choices[0]).toMatchObject({ index: 0, finish_reason: 'length', message: { role: 'assistant', content: CANNED.join('') } });
    expect(res.usage?.completion_tokens).toBe(CANNED.length);
    expect((res as unknown as { byok: { costUsd: number } }).byok.costUsd).toBeGreaterThan(0);
  });

  it('maps the whole request: system, images, params, response format, tools', async () => {
    const fake = new FakeByok();
    await openai(fake).chat.completions.create({
      model: 'byok',
      messages: [
        { role: 'developer', content: 'be brief' },
        { role: 'user', content: [{ type: 'text', text: 'what is this?' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA', detail: 'low' } }] },
      ],
      max_completion_tokens: 100,
      temperature: 0.2,
      top_p: 0.9,
      seed: 7,
      stop: 'END',
      n: 1,
      user: 'u1',
      response_format: { type: 'json_schema', json_schema: { name: 'answer', schema: { type: 'object' } } },
      tools: [weatherTool],
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
    });
    const expected: ChatRequest = {
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'user', content: [{ type: 'text', text: 'what is this?' }, { type: 'image', url: 'data:image/png;base64,AAAA' }] },
      ],
      maxTokens: 100,
      temperature: 0.2,
      topP: 0.9,
      seed: 7,
      stop: ['END'],
      tools: [{ name: 'get_weather', description: 'Weather for a city', parameters: weatherTool.function.parameters }],
      toolChoice: { name: 'get_weather' },
      responseFormat: { type: 'json_schema', name: 'answer', schema: { type: 'object' } },
    };
    expect(fake.chatRequests[0]).toEqual(expected);
  });

  it('round-trips tool calls', async () => {
    const fake = new FakeByok({ reply: (req) => (req.messages.at(-1)?.role === 'tool' ? { chunks: ['It is sunny.'] } : { toolCalls: [callWeather] }) });
    const client = openai(fake);
    const messages: OpenAI.ChatCompletionMessageParam[] = [{ role: 'user', content: 'Weather in Paris?' }];
    const first = await client.chat.completions.create({ model: 'gpt-4o-mini', messages, tools: [weatherTool], tool_choice: 'auto' });
    const msg = first.choices[0]!.message;
    expect(first.choices[0]!.finish_reason).toBe('tool_calls');
    expect(msg.content).toBeNull();
    expect(msg.tool_calls).toEqual([{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }]);
    messages.push(msg, { role: 'tool', tool_call_id: 'call_1', content: '{"sky":"sunny"}' });
    const second = await client.chat.completions.create({ model: 'gpt-4o-mini', messages, tools: [weatherTool] });
    expect(second.choices[0]!.message.content).toBe('It is sunny.');
    expect(fake.chatRequests[1]?.messages.slice(1)).toEqual([
      { role: 'assistant', content: null, toolCalls: [callWeather] },
      { role: 'tool', toolCallId: 'call_1', content: '{"sky":"sunny"}' },
    ]);
    expect(fake.chatRequests[1]?.toolChoice).toBeUndefined();
  });

  it('streams tool calls that the SDK stream helper accumulates', async () => {
    const fake = new FakeByok({ reply: () => ({ chunks: ['Let me check.'], toolCalls: [callWeather, { id: 'call_2', name: 'get_weather', arguments: { city: 'Rome' } }] }) });
    const stream = openai(fake).chat.completions.stream({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Paris and Rome?' }], tools: [weatherTool] });
    const final = await stream.finalChatCompletion();
    const choice = final.choices[0]!;
    expect(choice.finish_reason).toBe('tool_calls');
    expect(choice.message.content).toBe('Let me check.');
    expect(choice.message.tool_calls?.map((t) => (t.type === 'function' ? [t.id, t.function.name, JSON.parse(t.function.arguments)] : []))).toEqual([
      ['call_1', 'get_weather', { city: 'Paris' }],
      ['call_2', 'get_weather', { city: 'Rome' }],
    ]);
  });

  it('lists and retrieves models', async () => {
    const fake = new FakeByok();
    const client = openai(fake);
    const ids: string[] = [];
    for await (const m of client.models.list()) ids.push(m.id);
    expect(ids).toEqual(['gpt-4o-mini', 'claude-sonnet-4-5', 'text-embedding-3-small']);
    expect(fake.grant?.scopes).toEqual(['chat', 'models']);
    expect(await client.models.retrieve('gpt-4o-mini')).toMatchObject({ id: 'gpt-4o-mini', object: 'model', owned_by: 'openai' });
    await expect(client.models.retrieve('nope')).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });

  it('creates embeddings, base64 by default and float on request', async () => {
    const fake = new FakeByok();
    const client = openai(fake);
    const res = await client.embeddings.create({ model: 'text-embedding-3-small', input: ['hello', 'byok'] });
    expect(res.data).toHaveLength(2);
    const v = Array.from(res.data[0]!.embedding);
    [5, 'h'.charCodeAt(0) / 100, 0.5, -0.25].forEach((x, i) => expect(v[i]).toBeCloseTo(x, 5));
    expect(res.usage.prompt_tokens).toBeGreaterThan(0);
    const floats = await client.embeddings.create({ model: 'text-embedding-3-small', input: 'hi', encoding_format: 'float' });
    expect(floats.data[0]!.embedding).toEqual([2, 1.04, 0.5, -0.25]);
    expect(fake.calls.filter((c) => c.method === 'embed').map((c) => c.args[0])).toEqual([
      { input: ['hello', 'byok'], model: 'text-embedding-3-small' },
      { input: 'hi', model: 'text-embedding-3-small' },
    ]);
  });

  it('aborts before the first delta: the SDK raises its abort error and the wallet saw the abort', async () => {
    const fake = new FakeByok({ delayMs: 200 }).grantAll();
    const ac = new AbortController();
    const p = openai(fake).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], stream: true }, { signal: ac.signal });
    setTimeout(() => ac.abort(), 20);
    await expect(p).rejects.toBeInstanceOf(OpenAI.APIUserAbortError);
    await vi.waitFor(() => expect(fake.aborts).toBe(1));
  });

  it('aborts a non-streaming chat', async () => {
    const fake = new FakeByok({ delayMs: 200 }).grantAll();
    const ac = new AbortController();
    const p = openai(fake).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }, { signal: ac.signal });
    setTimeout(() => ac.abort(), 20);
    await expect(p).rejects.toBeInstanceOf(OpenAI.APIUserAbortError);
    await vi.waitFor(() => expect(fake.aborts).toBe(1));
  });

  it('aborts mid-stream: the stream stops and the wallet saw the abort', async () => {
    const fake = new FakeByok({ delayMs: 30, reply: () => ({ chunks: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] }) }).grantAll();
    const stream = await openai(fake).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], stream: true });
    const deltas: string[] = [];
    for await (const chunk of stream) {
      const d = chunk.choices[0]?.delta.content;
      if (d) deltas.push(d);
      if (deltas.length === 2) stream.controller.abort();
    }
    expect(deltas).toEqual(['a', 'b']);
    await vi.waitFor(() => expect(fake.aborts).toBe(1));
  });

  it('cancelling the response body aborts the chat', async () => {
    const fake = new FakeByok({ delayMs: 30 }).grantAll();
    const res = await createByokFetch({ byok: fake })('https://x/v1/chat/completions', {
      method: 'POST',
      body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], stream: true }),
    });
    const reader = res.body!.getReader();
    await reader.read();
    await reader.cancel();
    await vi.waitFor(() => expect(fake.aborts).toBe(1));
  });
});

describe('byokFetch errors, as the openai SDK raises them', () => {
  const cases = [
    { code: 4001, status: 403, cls: OpenAI.PermissionDeniedError, errCode: 'user_rejected' },
    { code: 4100, status: 401, cls: OpenAI.AuthenticationError, errCode: 'unauthorized' },
    { code: 4900, status: 401, cls: OpenAI.AuthenticationError, errCode: 'wallet_locked' },
    { code: 4200, status: 400, cls: OpenAI.BadRequestError, errCode: 'unsupported' },
    { code: -32602, status: 400, cls: OpenAI.BadRequestError, errCode: 'invalid_request' },
    { code: 4290, status: 429, cls: OpenAI.RateLimitError, errCode: 'rate_limit_exceeded', data: { retryAfterMs: 2500 } },
    { code: 4402, status: 429, cls: OpenAI.RateLimitError, errCode: 'insufficient_quota' },
    { code: 5000, status: 503, cls: OpenAI.InternalServerError, errCode: 'provider_error', data: { status: 503 } },
    { code: 5000, status: 502, cls: OpenAI.InternalServerError, errCode: 'provider_error' },
    { code: 5000, status: 400, cls: OpenAI.BadRequestError, errCode: 'provider_error', data: { status: 400 } },
    { code: 5000, status: 504, cls: OpenAI.InternalServerError, errCode: 'provider_error', data: { kind: 'timeout', status: null } },
    { code: 5000, status: 429, cls: OpenAI.RateLimitError, errCode: 'provider_error', data: { kind: 'rate_limit', status: 429, retryAfterMs: 2500 } },
  ];

  for (const stream of [false, true]) {
    it.each(cases)(`${stream ? 'streaming' : 'whole'}: $code -> $status`, async ({ code, status, cls, errCode, data }) => {
      const fake = new FakeByok().grantAll().failNext({ code, message: `wallet says ${code}`, data });
      const e = await openai(fake)
        .chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], stream })
        .catch((x: unknown) => x);
      expect(e).toBeInstanceOf(cls);
      const err = e as InstanceType<typeof OpenAI.APIError>;
      expect(err.status).toBe(status);
      expect(err.code).toBe(errCode);
      expect(err.message).toBe(`${status} wallet says ${code}`);
      expect((err.error as { byok_code: number }).byok_code).toBe(code);
      if (data && 'retryAfterMs' in data) expect([err.headers?.get('retry-after'), err.headers?.get('retry-after-ms')]).toEqual(['3', '2500']);
      if (code === 4402) expect(err.type).toBe('insufficient_quota');
    });
  }

  it('lets the SDK retry a rate limit after retry-after-ms, and not a budget refusal', async () => {
    const fake = new FakeByok().grantAll().failNext({ code: 4290, data: { retryAfterMs: 10 } });
    const client = new OpenAI({ apiKey: 'byok', dangerouslyAllowBrowser: true, fetch: createByokFetch({ byok: fake }), maxRetries: 1 });
    const res = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });
    expect(res.choices[0]?.message.content).toBe(CANNED.join(''));
    fake.failNext({ code: 4402 });
    await expect(client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] })).rejects.toBeInstanceOf(OpenAI.RateLimitError);
    expect(fake.calls.filter((c) => c.method === 'chat')).toHaveLength(3);
  });

  it('ends a stream that fails after it began with an error the SDK throws', async () => {
    const fake = new FakeByok().grantAll().failNext({ code: 5000, message: 'OpenAI error: 500 server_error', afterChunks: 2 });
    const stream = await openai(fake).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], stream: true });
    const deltas: string[] = [];
    const e = await (async () => {
      for await (const chunk of stream) if (chunk.choices[0]?.delta.content) deltas.push(chunk.choices[0].delta.content);
    })().catch((x: unknown) => x);
    expect(deltas).toEqual(CANNED.slice(0, 2));
    expect(e).toBeInstanceOf(OpenAI.APIError);
    expect((e as Error).message).toContain('OpenAI error: 500 server_error');
  });

  it('connects on first use, once for concurrent calls; a rejection is a 403', async () => {
    const fake = new FakeByok();
    const client = openai(fake);
    const ask = () => client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });
    await Promise.all([ask(), ask(), ask()]);
    expect(fake.calls.filter((c) => c.method === 'connect')).toEqual([{ method: 'connect', args: [{ scopes: ['chat', 'models'] }] }]);
    const rejecting = new FakeByok({ rejectConnect: true });
    await expect(openai(rejecting).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] })).rejects.toBeInstanceOf(OpenAI.PermissionDeniedError);
    expect(rejecting.calls.some((c) => c.method === 'chat')).toBe(false);
  });

  it('passes its connect request, or never connects when told', async () => {
    const fake = new FakeByok();
    await openai(fake, { connect: { budget: { usd: 0.5, period: 'day' }, reason: 'demo' } }).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });
    expect(fake.grant).toMatchObject({ scopes: ['chat', 'models'], budget: { usd: 0.5, period: 'day' } });
    const never = new FakeByok();
    await expect(openai(never, { connect: false }).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] })).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
  });

  it('maps the model the app asks for', async () => {
    const fake = new FakeByok().grantAll();
    await openai(fake, { model: (m) => (m === 'gpt-4' ? 'gpt-4o-mini' : undefined) }).chat.completions.create({ model: 'gpt-4', messages: [{ role: 'user', content: 'hi' }] });
    await openai(fake).chat.completions.create({ model: 'default', messages: [{ role: 'user', content: 'hi' }] });
    expect(fake.chatRequests.map((r) => r.model)).toEqual(['gpt-4o-mini', undefined]);
  });

  it('refuses what byok cannot honour, naming the parameter, unless told to ignore it', async () => {
    const fake = new FakeByok().grantAll();
    const e = await openai(fake)
      .chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], n: 2 })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(OpenAI.BadRequestError);
    expect(e).toMatchObject({ status: 400, param: 'n', code: 'unsupported_parameter' });
    const unknown = await openai(fake)
      .chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], bogus: 1 } as OpenAI.ChatCompletionCreateParamsNonStreaming)
      .catch((x: unknown) => x);
    expect(unknown).toMatchObject({ status: 400, param: 'bogus', message: '400 Unrecognized request argument supplied: bogus' });
    const bad = await openai(fake)
      .chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'wizard', content: 'hi' }] } as unknown as OpenAI.ChatCompletionCreateParamsNonStreaming)
      .catch((x: unknown) => x);
    expect(bad).toMatchObject({ status: 400, param: 'messages[0].role' });
    await openai(fake, { unsupported: 'ignore' }).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], n: 2, reasoning_effort: 'low' });
    expect(fake.chatRequests).toHaveLength(1);
  });

  it('answers an unknown path with a 404 in OpenAI error shape, and bad JSON with a 400', async () => {
    const fetch = createByokFetch({ byok: new FakeByok().grantAll() });
    const res = await fetch('https://api.openai.com/v1/files', { method: 'GET' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { message: 'Unknown request to byok: GET /v1/files', type: 'invalid_request_error', param: null, code: 'unknown_url' } });
    const wrongMethod = await fetch('https://api.openai.com/v1/chat/completions');
    expect(wrongMethod.status).toBe(405);
    const badJson = await fetch('https://api.openai.com/v1/chat/completions', { method: 'POST', body: '{nope' });
    expect(badJson.status).toBe(400);
    await expect(openai(new FakeByok()).files.list()).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });

  it('takes a Request object and a relative URL', async () => {
    const fake = new FakeByok().grantAll();
    const fetch = createByokFetch({ byok: fake });
    const body = JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });
    const a = await fetch(new Request('https://proxy.example/openai/v1/chat/completions', { method: 'POST', body }));
    const b = await fetch('/api/v1/chat/completions/', { method: 'POST', body: new TextEncoder().encode(body) });
    for (const res of [a, b]) expect((await res.json()).choices[0].message.content).toBe(CANNED.join(''));
  });

  it('rejects like a network failure when no wallet is found', async () => {
    vi.stubGlobal('window', fakeWindow());
    const client = new OpenAI({ apiKey: 'byok', dangerouslyAllowBrowser: true, fetch: createByokFetch({ timeoutMs: 10 }), maxRetries: 0 });
    const e = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(OpenAI.APIConnectionError);
    expect(String((e as { cause?: unknown }).cause)).toContain('No byok wallet found');
  });
});

describe('byokFetch answers the Responses API', () => {
  it('creates a response, whole', async () => {
    const fake = new FakeByok();
    const res = await openai(fake).responses.create({ model: 'gpt-4o-mini', instructions: 'be brief', input: 'hi', max_output_tokens: 40 });
    expect(res.output_text).toBe(CANNED.join(''));
    expect(res.status).toBe('completed');
    expect(res.usage?.output_tokens).toBe(CANNED.length);
    expect(fake.chatRequests[0]).toEqual({ model: 'gpt-4o-mini', maxTokens: 40, messages: [{ role: 'system', content: 'be brief' }, { role: 'user', content: 'hi' }] });
  });

  it('streams a response whose deltas equal the text', async () => {
    const fake = new FakeByok();
    const stream = await openai(fake).responses.create({ model: 'gpt-4o-mini', input: [{ role: 'user', content: [{ type: 'input_text', text: 'hi' }] }], stream: true });
    const deltas: string[] = [];
    const types: string[] = [];
    for await (const ev of stream) {
      types.push(ev.type);
      if (ev.type === 'response.output_text.delta') deltas.push(ev.delta);
    }
    expect(deltas).toEqual(CANNED);
    expect(types[0]).toBe('response.created');
    expect(types.at(-1)).toBe('response.completed');
  });

  it('round-trips function calls through the stream helper', async () => {
    const fake = new FakeByok({ reply: (req) => (req.messages.at(-1)?.role === 'tool' ? { chunks: ['Sunny.'] } : { toolCalls: [callWeather] }) });
    const client = openai(fake);
    const tools = [{ type: 'function' as const, name: 'get_weather', parameters: weatherTool.function.parameters, strict: false }];
    const first = await client.responses.stream({ model: 'gpt-4o-mini', input: 'Weather in Paris?', tools }).finalResponse();
    const call = first.output.find((o) => o.type === 'function_call');
    expect(call).toMatchObject({ type: 'function_call', call_id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' });
    const second = await client.responses.create({
      model: 'gpt-4o-mini',
      tools,
      input: [{ role: 'user', content: 'Weather in Paris?' }, ...first.output.filter((o) => o.type === 'function_call'), { type: 'function_call_output', call_id: 'call_1', output: 'sunny' }],
    });
    expect(second.output_text).toBe('Sunny.');
    expect(fake.chatRequests[1]?.messages.slice(1)).toEqual([
      { role: 'assistant', content: null, toolCalls: [callWeather] },
      { role: 'tool', toolCallId: 'call_1', content: 'sunny' },
    ]);
  });
});

describe('byokFetch with bodies shaped like the Vercel AI SDK sends them', () => {
  const post = (fake: FakeByok, path: string, body: unknown) =>
    createByokFetch({ byok: fake })(`https://api.openai.com/v1${path}`, { method: 'POST', headers: { authorization: 'Bearer byok', 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('chat: streams with include_usage and tool calls carrying id and name in their first delta', async () => {
    const fake = new FakeByok({ reply: () => ({ toolCalls: [callWeather] }) }).grantAll();
    const res = await post(fake, '/chat/completions', {
      model: 'gpt-4o-mini',
      temperature: 0,
      messages: [
        { role: 'system', content: 'sys' },
        { role: 'user', content: [{ type: 'text', text: 'hi' }] },
      ],
      tools: [{ type: 'function', function: { name: 'get_weather', description: 'w', parameters: weatherTool.function.parameters, strict: false } }],
      tool_choice: 'auto',
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = (await res.text()).split('\n\n').filter((e) => e && e !== 'data: [DONE]').map((e) => JSON.parse(e.slice(6)));
    const toolDelta = chunks.find((c) => c.choices[0]?.delta.tool_calls)?.choices[0].delta.tool_calls[0];
    expect(toolDelta).toEqual({ index: 0, id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } });
    expect(chunks.at(-2).choices[0].finish_reason).toBe('tool_calls');
    expect(chunks.at(-1).usage.prompt_tokens).toBeGreaterThan(0);
  });

  it('responses: takes its input items and options', async () => {
    const fake = new FakeByok().grantAll();
    const res = await post(fake, '/responses', {
      model: 'gpt-4o-mini',
      input: [
        { role: 'system', content: 'sys' },
        { role: 'user', content: [{ type: 'input_text', text: 'hi' }, { type: 'input_image', image_url: 'data:image/png;base64,AAAA' }] },
        { role: 'assistant', content: [{ type: 'output_text', text: 'calling' }], id: 'msg_1' },
        { type: 'function_call', call_id: 'c1', name: 'get_weather', arguments: '{"city":"Paris"}', id: 'fc_1' },
        { type: 'function_call_output', call_id: 'c1', output: 'sunny' },
      ],
      temperature: 0,
      max_output_tokens: 50,
      store: false,
      include: ['reasoning.encrypted_content'],
      text: { format: { type: 'json_schema', name: 'out', schema: { type: 'object' }, strict: true } },
      tools: [{ type: 'function', name: 'get_weather', description: 'w', parameters: weatherTool.function.parameters, strict: false }],
      tool_choice: { type: 'function', name: 'get_weather' },
    });
    expect(res.status).toBe(200);
    expect(fake.chatRequests[0]).toEqual({
      model: 'gpt-4o-mini',
      maxTokens: 50,
      temperature: 0,
      messages: [
        { role: 'system', content: 'sys' },
        { role: 'user', content: [{ type: 'text', text: 'hi' }, { type: 'image', url: 'data:image/png;base64,AAAA' }] },
        { role: 'assistant', content: 'calling', toolCalls: [{ id: 'c1', name: 'get_weather', arguments: { city: 'Paris' } }] },
        { role: 'tool', toolCallId: 'c1', content: 'sunny' },
      ],
      tools: [{ name: 'get_weather', description: 'w', parameters: weatherTool.function.parameters }],
      toolChoice: { name: 'get_weather' },
      responseFormat: { type: 'json_schema', name: 'out', schema: { type: 'object' } },
    });
  });
});
