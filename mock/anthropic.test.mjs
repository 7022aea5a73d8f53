// The Anthropic side of the mock, driven by the official `@anthropic-ai/sdk`.
import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it, vi } from 'vitest';
import { collect, useMock } from './testing.mjs';

const mock = useMock();
const KEY = 'sk-test-anthropic-abcdef';
const MODEL = 'claude-haiku-4-5';

/** @param {string} [apiKey] */
function client(apiKey = KEY) {
  return new Anthropic({ apiKey, baseURL: mock().url, maxRetries: 0 });
}

/** @param {string} content */
const user = (content) => [{ role: /** @type {const} */ ('user'), content }];

describe('messages, non-streaming', () => {
  it('answers with a text block, end_turn and usage', async () => {
    const message = await client().messages.create({ model: MODEL, max_tokens: 100, messages: user('hi there') });
    expect(message).toMatchObject({ type: 'message', role: 'assistant', model: MODEL, stop_reason: 'end_turn', stop_sequence: null });
    expect(message.content).toEqual([{ type: 'text', text: 'Hello from the mock anthropic (claude-haiku-4-5). You said: hi there' }]);
    expect(message.usage).toMatchObject({ input_tokens: 6, output_tokens: 10 });
    expect(message._request_id).toMatch(/^req_/);
  });

  it('reports the output tokens [[output-tokens:N]] asks for, streaming or not', async () => {
    const message = await client().messages.create({ model: MODEL, max_tokens: 1, messages: user('hi [[output-tokens:50000]]') });
    expect(message.usage.output_tokens).toBe(50_000);
    const streamed = await client().messages.stream({ model: MODEL, max_tokens: 1, messages: user('hi [[output-tokens:50000]]') }).finalMessage();
    expect(streamed.usage.output_tokens).toBe(50_000);
  });

  it('counts the system prompt as a message', async () => {
    const message = await client().messages.create({ model: MODEL, max_tokens: 100, system: 'be brief', messages: user('hi there') });
    expect(message.usage.input_tokens).toBe(Math.ceil(16 / 4) + 8);
  });

  it('stops at a stop sequence and at max_tokens', async () => {
    const stopped = await client().messages.create({ model: MODEL, max_tokens: 100, messages: user('x'), stop_sequences: ['mock'] });
    expect(stopped).toMatchObject({ stop_reason: 'stop_sequence', stop_sequence: 'mock', content: [{ type: 'text', text: 'Hello from the ' }] });
    const cut = await client().messages.create({ model: MODEL, max_tokens: 2, messages: user('[[chunks:9]]') });
    expect(cut).toMatchObject({ stop_reason: 'max_tokens', content: [{ type: 'text', text: 'w0 w1 ' }], usage: { output_tokens: 2 } });
  });

  it('sees base64 and url images', async () => {
    const content = [
      { type: /** @type {const} */ ('image'), source: { type: /** @type {const} */ ('base64'), media_type: /** @type {const} */ ('image/png'), data: 'iVBORw0KGgo=' } },
      { type: /** @type {const} */ ('image'), source: { type: /** @type {const} */ ('url'), url: 'https://example.com/cat.jpg' } },
      { type: /** @type {const} */ ('text'), text: 'what is this' },
    ];
    const message = await client().messages.create({ model: MODEL, max_tokens: 100, messages: [{ role: 'user', content }] });
    expect(message.content[0]).toMatchObject({ text: 'I see 2 image(s). Hello from the mock anthropic (claude-haiku-4-5). You said: what is this' });
    expect(message.usage.input_tokens).toBe(3 + 4 + 170);
  });

  it('takes system messages inside messages, max_tokens 0 and structured outputs', async () => {
    const messages = [{ role: /** @type {const} */ ('system'), content: 'be nice' }, ...user('json please')];
    const json = await client().messages.create({ model: MODEL, max_tokens: 100, messages, output_config: { format: { type: 'json_schema', schema: { type: 'object' } } } });
    expect(json.content[0]?.type === 'text' && JSON.parse(json.content[0].text)).toEqual({ ok: true, echo: 'json please' });
    expect(json.usage.input_tokens).toBe(Math.ceil(18 / 4) + 8);
    const warm = await client().messages.create({ model: MODEL, max_tokens: 0, messages: user('x') });
    expect(warm).toMatchObject({ stop_reason: 'max_tokens', usage: { output_tokens: 0 } });
  });

  it('requires max_tokens', async () => {
    const error = await client()
      .messages.create(/** @type {never} */ ({ model: MODEL, messages: user('x') }))
      .catch((e) => e);
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    expect(error.error).toMatchObject({ type: 'error', error: { type: 'invalid_request_error', message: 'max_tokens: Field required' } });
  });
});

describe('messages, streaming', () => {
  it('sends the named events in order, text deltas and usage', async () => {
    const stream = await client().messages.create({ model: MODEL, max_tokens: 100, messages: user('stream me'), stream: true });
    const events = await collect(stream);
    const types = [...new Set(events.map((e) => e.type))];
    expect(types).toEqual(['message_start', 'content_block_start', 'content_block_delta', 'content_block_stop', 'message_delta', 'message_stop']);
    const text = events.map((e) => (e.type === 'content_block_delta' && e.delta.type === 'text_delta' ? e.delta.text : '')).join('');
    expect(text).toBe('Hello from the mock anthropic (claude-haiku-4-5). You said: stream me');
    const start = events[0];
    expect(start?.type === 'message_start' && start.message.usage.input_tokens).toBe(7);
    const delta = events.find((e) => e.type === 'message_delta');
    expect(delta).toMatchObject({ delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 10 } });
  });

  it('sends the same events with [[burst]], written at once', async () => {
    /** @param {string} text */
    const read = async (text) => {
      const events = await collect(await client().messages.create({ model: MODEL, max_tokens: 100, messages: user(text), stream: true }));
      // (The directive is counted as input: leave the input count out.)
      return events.map((e) => (e.type === 'message_start' ? { ...e, message: { ...e.message, id: '', usage: null } } : e));
    };
    expect(await read('[[chunks:20]] [[burst]]')).toEqual(await read('[[chunks:20]]'));
  });

  it('streams a tool_use block that finalMessage() assembles', async () => {
    const input = { city: 'Paris', units: 'metric', days: [1, 2, 3] };
    const stream = client().messages.stream({ model: MODEL, max_tokens: 100, messages: user(`[[tool:get_weather:${JSON.stringify(input)}]] weather?`) });
    /** @type {string[]} */
    const pieces = [];
    stream.on('inputJson', (piece) => pieces.push(piece));
    const message = await stream.finalMessage();
    expect(message.stop_reason).toBe('tool_use');
    expect(message.content).toHaveLength(1);
    expect(message.content[0]).toMatchObject({ type: 'tool_use', name: 'get_weather', input });
    expect(pieces.length).toBeGreaterThanOrEqual(2);
    expect(message.usage.output_tokens).toBe(pieces.length);
  });

  it('calls the forced tool without a directive (tool_choice any / tool)', async () => {
    const tools = [
      { name: 'first', input_schema: { type: /** @type {const} */ ('object'), properties: {} } },
      { name: 'second', input_schema: { type: /** @type {const} */ ('object'), properties: { n: { type: 'integer' } }, required: ['n'] } },
    ];
    const any = await client().messages.create({ model: MODEL, max_tokens: 50, messages: user('go'), tools, tool_choice: { type: 'any' } });
    expect(any.content[0]).toMatchObject({ type: 'tool_use', name: 'first', input: {} });
    const named = await client().messages.stream({ model: MODEL, max_tokens: 50, messages: user('go'), tools, tool_choice: { type: 'tool', name: 'second' } }).finalMessage();
    expect(named.content[0]).toMatchObject({ type: 'tool_use', name: 'second', input: { n: 0 } });
  });

  it('answers a tool_result with "Tool said: ..." and rejects an orphan one', async () => {
    const first = await client().messages.create({ model: MODEL, max_tokens: 50, messages: user('[[tool:lookup:{"q":"x"}]]') });
    const use = first.content[0];
    if (use?.type !== 'tool_use') throw new Error('expected a tool_use block');
    const question = { role: /** @type {const} */ ('user'), content: '[[tool:lookup:{"q":"x"}]]' };
    const call = { role: /** @type {const} */ ('assistant'), content: first.content };
    const result = { role: /** @type {const} */ ('user'), content: [{ type: /** @type {const} */ ('tool_result'), tool_use_id: use.id, content: 'found it' }] };
    const answer = await client().messages.stream({ model: MODEL, max_tokens: 50, messages: [question, call, result] }).finalText();
    expect(answer).toBe('Tool said: found it');
    const orphan = client().messages.create({ model: MODEL, max_tokens: 50, messages: [question, result] });
    await expect(orphan).rejects.toBeInstanceOf(Anthropic.BadRequestError);
  });

  it('hangs after message_start on [[hang]] until the client aborts', async () => {
    const stream = client().messages.stream({ model: MODEL, max_tokens: 50, messages: user('[[hang]]') });
    const started = new Promise((resolve) => stream.on('streamEvent', (event) => event.type === 'message_start' && resolve(event)));
    await started;
    expect(mock().stats().active).toBe(1);
    stream.abort();
    await expect(stream.done()).rejects.toBeInstanceOf(Anthropic.APIUserAbortError);
    await vi.waitFor(() => expect(mock().stats()).toMatchObject({ aborted: 1, active: 0 }));
  });
});

describe('errors', () => {
  it('answers 401 AuthenticationError in Anthropic shape (the SDK sends the key as a Bearer token)', async () => {
    const error = await client('sk-wrong').messages.create({ model: MODEL, max_tokens: 10, messages: user('x') }).catch((e) => e);
    expect(error).toBeInstanceOf(Anthropic.AuthenticationError);
    expect(error.error).toMatchObject({ type: 'error', error: { type: 'authentication_error', message: 'Invalid bearer token' } });
    expect(error.type).toBe('authentication_error');
    expect(mock().stats().completions).toBe(0);
  });

  it('reads x-api-key too, and says "invalid x-api-key" when it is wrong', async () => {
    /** @param {string} key */
    const post = (key) =>
      fetch(`${mock().url}/v1/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key, 'anthropic-version': '2023-06-01' },
        body: JSON.stringify({ model: MODEL, max_tokens: 10, messages: user('x') }),
      });
    const bad = await post('sk-nope');
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({ type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } });
    const good = await post(KEY);
    expect(good.status).toBe(200);
    expect(await good.json()).toMatchObject({ type: 'message', stop_reason: 'end_turn' });
  });

  it('answers [[error:429]] with RateLimitError and retry-after: 7, also when streaming', async () => {
    const error = await client().messages.create({ model: MODEL, max_tokens: 10, messages: user('[[error:429]]'), stream: true }).catch((e) => e);
    expect(error).toBeInstanceOf(Anthropic.RateLimitError);
    expect(error.headers.get('retry-after')).toBe('7');
    expect(error.type).toBe('rate_limit_error');
  });

  it('maps 500 and 529 to InternalServerError with api_error / overloaded_error', async () => {
    for (const [status, type] of [
      [500, 'api_error'],
      [529, 'overloaded_error'],
    ]) {
      const error = await client().messages.create({ model: MODEL, max_tokens: 10, messages: user(`[[error:${status}]]`) }).catch((e) => e);
      expect(error).toBeInstanceOf(Anthropic.InternalServerError);
      expect(error.type).toBe(type);
    }
  });

  it('echoes the full key on [[echo-key]]', async () => {
    const error = await client().messages.create({ model: MODEL, max_tokens: 10, messages: user('[[echo-key]]') }).catch((e) => e);
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    expect(error.message).toContain(KEY);
  });
});

describe('models', () => {
  it('lists the Anthropic models in Anthropic format', async () => {
    const page = await client().models.list();
    expect(page.data.map((m) => m.id)).toEqual(['claude-sonnet-4-5', 'claude-haiku-4-5']);
    expect(page.data[0]).toMatchObject({ type: 'model', display_name: 'Claude Sonnet 4.5' });
    expect(page.has_more).toBe(false);
  });
});
