import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it, vi } from 'vitest';
import { createByokFetch } from './fetch.js';
import { CANNED, FakeByok } from './test-fake-byok.js';

const anthropic = (fake: FakeByok) => new Anthropic({ apiKey: 'byok', dangerouslyAllowBrowser: true, fetch: createByokFetch({ byok: fake }), maxRetries: 0 });

const weatherTool = { name: 'get_weather', description: 'Weather for a city', input_schema: { type: 'object' as const, properties: { city: { type: 'string' } }, required: ['city'] } };
const callWeather = { id: 'toolu_1', name: 'get_weather', arguments: { city: 'Paris' } };

describe('byokFetch with the real @anthropic-ai/sdk', () => {
  it('answers a message, whole', async () => {
    const fake = new FakeByok();
    const msg = await anthropic(fake).messages.create({ model: 'claude-sonnet-4-5', max_tokens: 64, system: 'be brief', messages: [{ role: 'user', content: 'hi' }] });
    expect(msg).toMatchObject({ type: 'message', role: 'assistant', model: 'claude-sonnet-4-5', stop_reason: 'end_turn', content: [{ type: 'text', text: CANNED.join('') }] });
    expect(msg.usage.output_tokens).toBe(CANNED.length);
    expect(fake.chatRequests[0]).toEqual({
      model: 'claude-sonnet-4-5',
      maxTokens: 64,
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'user', content: 'hi' },
      ],
    });
    expect(fake.grant?.scopes).toEqual(['chat', 'models']);
  });

  it('streams a message with the stream helper: the text deltas equal the text', async () => {
    const fake = new FakeByok();
    const stream = anthropic(fake).messages.stream({ model: 'claude-sonnet-4-5', max_tokens: 64, messages: [{ role: 'user', content: 'hi' }] });
    const deltas: string[] = [];
    stream.on('text', (t) => deltas.push(t));
    const final = await stream.finalMessage();
    expect(deltas).toEqual(CANNED);
    expect(final.content).toEqual([{ type: 'text', text: CANNED.join('') }]);
    expect(final.stop_reason).toBe('end_turn');
    expect(final.usage).toMatchObject({ output_tokens: CANNED.length });
    expect(final.usage.input_tokens).toBeGreaterThan(0);
  });

  it('streams the events in Anthropic order', async () => {
    const fake = new FakeByok({ reply: () => ({ chunks: ['Checking.'], toolCalls: [callWeather] }) });
    const stream = await anthropic(fake).messages.create({ model: 'claude-sonnet-4-5', max_tokens: 64, messages: [{ role: 'user', content: 'hi' }], tools: [weatherTool], stream: true });
    const events: string[] = [];
    for await (const ev of stream) events.push(ev.type === 'content_block_delta' ? `${ev.type}:${ev.delta.type}` : ev.type);
    expect(events).toEqual([
      'message_start',
      'content_block_start',
      'content_block_delta:text_delta',
      'content_block_stop',
      'content_block_start',
      'content_block_delta:input_json_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
  });

  it('round-trips tool use', async () => {
    const fake = new FakeByok({ reply: (req) => (req.messages.some((m) => m.role === 'tool') ? { chunks: ['It is sunny.'] } : { toolCalls: [callWeather] }) });
    const client = anthropic(fake);
    const messages: Anthropic.MessageParam[] = [{ role: 'user', content: 'Weather in Paris?' }];
    const first = await client.messages.stream({ model: 'claude-sonnet-4-5', max_tokens: 64, messages, tools: [weatherTool], tool_choice: { type: 'any' } }).finalMessage();
    expect(first.stop_reason).toBe('tool_use');
    expect(first.content).toEqual([{ type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Paris' } }]);
    messages.push({ role: 'assistant', content: first.content }, { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: 'sunny' }, { type: 'text', text: 'Thanks!' }] });
    const second = await client.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 64, messages, tools: [weatherTool] });
    expect(second.content).toEqual([{ type: 'text', text: 'It is sunny.' }]);
    expect(fake.chatRequests[0]).toMatchObject({ toolChoice: 'required', tools: [{ name: 'get_weather', description: 'Weather for a city', parameters: weatherTool.input_schema }] });
    expect(fake.chatRequests[1]?.messages).toEqual([
      { role: 'user', content: 'Weather in Paris?' },
      { role: 'assistant', content: null, toolCalls: [callWeather] },
      { role: 'tool', toolCallId: 'toolu_1', content: 'sunny' },
      { role: 'user', content: 'Thanks!' },
    ]);
  });

  it('maps images, stop sequences, sampling and structured output', async () => {
    const fake = new FakeByok();
    await anthropic(fake).messages.create({
      model: 'claude-sonnet-4-5',
      max_tokens: 10,
      stop_sequences: ['END'],
      system: [{ type: 'text', text: 'one' }, { type: 'text', text: 'two', cache_control: { type: 'ephemeral' } }],
      output_config: { format: { type: 'json_schema', schema: { type: 'object' } } },
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'AAAA' } },
            { type: 'image', source: { type: 'url', url: 'https://example.com/cat.png' } },
            { type: 'text', text: 'what?' },
          ],
        },
      ],
      ...{ temperature: 0.5, top_p: 0.8 },
    });
    expect(fake.chatRequests[0]).toEqual({
      model: 'claude-sonnet-4-5',
      maxTokens: 10,
      temperature: 0.5,
      topP: 0.8,
      stop: ['END'],
      responseFormat: { type: 'json_schema', schema: { type: 'object' } },
      messages: [
        { role: 'system', content: 'one\ntwo' },
        {
          role: 'user',
          content: [
            { type: 'image', url: 'data:image/png;base64,AAAA' },
            { type: 'image', url: 'https://example.com/cat.png' },
            { type: 'text', text: 'what?' },
          ],
        },
      ],
    });
  });

  it('lists models in Anthropic shape', async () => {
    const fake = new FakeByok();
    const page = await anthropic(fake).models.list();
    expect(page.data.map((m) => [m.id, m.display_name, m.type])).toEqual([
      ['gpt-4o-mini', 'GPT-4o mini', 'model'],
      ['claude-sonnet-4-5', 'Claude Sonnet 4.5', 'model'],
      ['text-embedding-3-small', 'Embeddings small', 'model'],
    ]);
  });

  it('aborts a stream: the SDK raises its abort error and the wallet saw the abort', async () => {
    const fake = new FakeByok({ delayMs: 200 }).grantAll();
    const ac = new AbortController();
    const p = anthropic(fake).messages.create({ model: 'claude-sonnet-4-5', max_tokens: 64, messages: [{ role: 'user', content: 'hi' }], stream: true }, { signal: ac.signal });
    setTimeout(() => ac.abort(), 20);
    await expect(p).rejects.toBeInstanceOf(Anthropic.APIUserAbortError);
    await vi.waitFor(() => expect(fake.aborts).toBe(1));
  });

  const cases = [
    { code: 4001, status: 403, cls: Anthropic.PermissionDeniedError, type: 'permission_error' },
    { code: 4100, status: 401, cls: Anthropic.AuthenticationError, type: 'authentication_error' },
    { code: 4900, status: 401, cls: Anthropic.AuthenticationError, type: 'authentication_error' },
    { code: -32602, status: 400, cls: Anthropic.BadRequestError, type: 'invalid_request_error' },
    { code: 4200, status: 400, cls: Anthropic.BadRequestError, type: 'invalid_request_error' },
    { code: 4290, status: 429, cls: Anthropic.RateLimitError, type: 'rate_limit_error' },
    { code: 4402, status: 402, cls: Anthropic.PaymentRequiredError, type: 'billing_error' },
    { code: 5000, status: 529, cls: Anthropic.InternalServerError, type: 'overloaded_error', data: { status: 529 } },
  ];
  it.each(cases)('maps $code to $status $type', async ({ code, status, cls, type, data }) => {
    const fake = new FakeByok().grantAll().failNext({ code, message: `wallet says ${code}`, data });
    const e = await anthropic(fake)
      .messages.create({ model: 'claude-sonnet-4-5', max_tokens: 64, messages: [{ role: 'user', content: 'hi' }] })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(cls);
    expect(e).toMatchObject({ status, error: { type: 'error', error: { type, message: `wallet says ${code}` } } });
  });

  it('ends a stream that fails after it began with an error event the SDK throws', async () => {
    const fake = new FakeByok().grantAll().failNext({ code: 5000, message: 'Anthropic error: overloaded', afterChunks: 3 });
    const stream = anthropic(fake).messages.stream({ model: 'claude-sonnet-4-5', max_tokens: 64, messages: [{ role: 'user', content: 'hi' }] });
    const deltas: string[] = [];
    stream.on('text', (t) => deltas.push(t));
    await expect(stream.finalMessage()).rejects.toThrow(/overloaded/);
    expect(deltas).toEqual(CANNED.slice(0, 3));
  });

  it('refuses top_k and server tools, naming them', async () => {
    const fake = new FakeByok().grantAll();
    const client = anthropic(fake);
    await expect(client.messages.create({ model: 'm', max_tokens: 5, messages: [{ role: 'user', content: 'hi' }], ...{ top_k: 5 } })).rejects.toThrow(/top_k is not supported/);
    await expect(
      client.messages.create({ model: 'm', max_tokens: 5, messages: [{ role: 'user', content: 'hi' }], tools: [{ type: 'web_search_20250305', name: 'web_search' }] }),
    ).rejects.toThrow(/tools\[0\]\.type is not supported/);
    expect(fake.chatRequests).toHaveLength(0);
  });

  it('answers an unknown Anthropic path with a 404 in Anthropic error shape', async () => {
    const res = await createByokFetch({ byok: new FakeByok() })('https://api.anthropic.com/v1/messages/count_tokens', { method: 'POST', headers: { 'anthropic-version': '2023-06-01' }, body: '{}' });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ type: 'error', error: { type: 'not_found_error' } });
  });
});
