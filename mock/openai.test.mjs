// The OpenAI side of the mock, driven by the official `openai` SDK.
import OpenAI from 'openai';
import { describe, expect, it, vi } from 'vitest';
import { collect, useMock } from './testing.mjs';

const mock = useMock();
const KEY = 'sk-test-openai-123456';

/** @param {string} [apiKey] */
function client(apiKey = KEY) {
  return new OpenAI({ apiKey, baseURL: `${mock().url}/v1`, maxRetries: 0 });
}

/** @param {string} content */
const user = (content) => [{ role: /** @type {const} */ ('user'), content }];

describe('chat completions, non-streaming', () => {
  it('answers with the default text, the requested model and usage', async () => {
    const completion = await client().chat.completions.create({ model: 'gpt-4o-mini', messages: user('hi there') });
    expect(completion.object).toBe('chat.completion');
    expect(completion.model).toBe('gpt-4o-mini');
    expect(completion.choices[0]?.message).toMatchObject({ role: 'assistant', content: 'Hello from the mock openai (gpt-4o-mini). You said: hi there' });
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    // ceil(8 chars / 4) + 4 per message; 10 words
    expect(completion.usage).toMatchObject({ prompt_tokens: 6, completion_tokens: 10, total_tokens: 16 });
    expect(completion._request_id).toMatch(/^req_/);
  });

  it('replies with JSON in json_object and json_schema modes', async () => {
    const messages = user('answer in json please');
    const object = await client().chat.completions.create({ model: 'gpt-4o', messages, response_format: { type: 'json_object' } });
    const schema = await client().chat.completions.create({ model: 'gpt-4o', messages, response_format: { type: 'json_schema', json_schema: { name: 'x', schema: { type: 'object' } } } });
    for (const completion of [object, schema]) {
      expect(JSON.parse(completion.choices[0]?.message.content ?? '')).toEqual({ ok: true, echo: 'answer in json please' });
    }
  });

  it('refuses json_object when no message mentions JSON, as the API does', async () => {
    const call = client().chat.completions.create({ model: 'gpt-4o', messages: user('hello'), response_format: { type: 'json_object' } });
    await expect(call).rejects.toBeInstanceOf(OpenAI.BadRequestError);
  });

  it('cuts at a stop sequence and at max_completion_tokens', async () => {
    const stopped = await client().chat.completions.create({ model: 'gpt-4o', messages: user('one two'), stop: ['mock'] });
    expect(stopped.choices[0]).toMatchObject({ finish_reason: 'stop', message: { content: 'Hello from the ' } });
    const cut = await client().chat.completions.create({ model: 'gpt-4o', messages: user('[[chunks:10]]'), max_completion_tokens: 3 });
    expect(cut.choices[0]).toMatchObject({ finish_reason: 'length', message: { content: 'w0 w1 w2 ' } });
    expect(cut.usage?.completion_tokens).toBe(3);
  });

  it('counts images and says how many it sees', async () => {
    const messages = [
      {
        role: /** @type {const} */ ('user'),
        content: [
          { type: /** @type {const} */ ('text'), text: 'look' },
          { type: /** @type {const} */ ('image_url'), image_url: { url: 'https://example.com/a.png' } },
          { type: /** @type {const} */ ('image_url'), image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
        ],
      },
    ];
    const completion = await client().chat.completions.create({ model: 'gpt-4o', messages });
    expect(completion.choices[0]?.message.content).toBe('I see 2 image(s). Hello from the mock openai (gpt-4o). You said: look');
    expect(completion.usage?.prompt_tokens).toBe(1 + 4 + 2 * 85);
  });

  it('reports what [[image-tokens:N]] and [[output-tokens:N]] ask for: a provider billing its worst case', async () => {
    const image = { type: /** @type {const} */ ('image_url'), image_url: { url: 'https://example.com/a.png' } };
    const messages = [{ role: /** @type {const} */ ('user'), content: [{ type: /** @type {const} */ ('text'), text: 'look [[image-tokens:48169]] [[output-tokens:50000]]' }, image, image] }];
    const completion = await client().chat.completions.create({ model: 'gpt-4o-mini', messages, max_completion_tokens: 1 });
    const text = 'look [[image-tokens:48169]] [[output-tokens:50000]]';
    expect(completion.usage).toMatchObject({ prompt_tokens: Math.ceil(text.length / 4) + 4 + 2 * 48_169, completion_tokens: 50_000 });
  });
});

describe('chat completions, streaming', () => {
  it('streams one word per chunk and a final usage chunk with empty choices', async () => {
    const stream = await client().chat.completions.create({
      model: 'gpt-4o-mini',
      messages: user('stream me'),
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = await collect(stream);
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
    expect(text).toBe('Hello from the mock openai (gpt-4o-mini). You said: stream me');
    expect(chunks[0]?.choices[0]?.delta.role).toBe('assistant');
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('stop');
    const last = chunks.at(-1);
    expect(last?.choices).toEqual([]);
    expect(last?.usage).toMatchObject({ prompt_tokens: 7, completion_tokens: 10 });
    expect(chunks.slice(0, -1).every((c) => c.usage === null)).toBe(true);
  });

  it('sends no usage chunk without stream_options.include_usage', async () => {
    const chunks = await collect(await client().chat.completions.create({ model: 'gpt-4o', messages: user('x'), stream: true }));
    expect(chunks.every((c) => c.usage === undefined && c.choices.length === 1)).toBe(true);
  });

  it('streams tool-call deltas that accumulate into valid JSON arguments', async () => {
    const args = { city: 'Paris', days: [1, 2], nested: { a: [[1]] } };
    const stream = await client().chat.completions.create({
      model: 'gpt-4o-mini',
      messages: user(`weather? [[tool:get_weather:${JSON.stringify(args)}]]`),
      stream: true,
    });
    const chunks = await collect(stream);
    const deltas = chunks.flatMap((c) => c.choices[0]?.delta.tool_calls ?? []);
    expect(deltas[0]).toMatchObject({ index: 0, type: 'function', function: { name: 'get_weather', arguments: '' } });
    expect(deltas[0]?.id).toMatch(/^call_/);
    const pieces = deltas.map((d) => d.function?.arguments ?? '').filter(Boolean);
    expect(pieces.length).toBeGreaterThanOrEqual(2);
    expect(JSON.parse(pieces.join(''))).toEqual(args);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('works with the SDK stream helper (finalChatCompletion) for text and tools', async () => {
    const text = await client().chat.completions.stream({ model: 'gpt-4o', messages: user('helper') }).finalChatCompletion();
    expect(text.choices[0]?.message.content).toBe('Hello from the mock openai (gpt-4o). You said: helper');
    const tools = [{ type: /** @type {const} */ ('function'), function: { name: 'lookup', parameters: { type: 'object', properties: { q: { type: 'string' } }, required: ['q'] } } }];
    const forced = await client()
      .chat.completions.stream({ model: 'gpt-4o', messages: user('no directive'), tools, tool_choice: 'required' })
      .finalChatCompletion();
    expect(forced.choices[0]?.finish_reason).toBe('tool_calls');
    const call = forced.choices[0]?.message.tool_calls?.[0];
    expect(call?.type === 'function' && call.function.name).toBe('lookup');
    expect(call?.type === 'function' && JSON.parse(call.function.arguments)).toEqual({ q: '' });
  });

  it('answers a tool result with "Tool said: ..."', async () => {
    const question = { role: /** @type {const} */ ('user'), content: 'weather? [[tool:get_weather:{"city":"Paris"}]]' };
    const call = {
      role: /** @type {const} */ ('assistant'),
      content: null,
      tool_calls: [{ id: 'call_1', type: /** @type {const} */ ('function'), function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }],
    };
    const result = { role: /** @type {const} */ ('tool'), tool_call_id: 'call_1', content: 'sunny, 21C' };
    const completion = await client().chat.completions.create({ model: 'gpt-4o', messages: [question, call, result] });
    expect(completion.choices[0]?.message.content).toBe('Tool said: sunny, 21C');
    const orphan = client().chat.completions.create({ model: 'gpt-4o', messages: [question, result] });
    await expect(orphan).rejects.toBeInstanceOf(OpenAI.BadRequestError);
  });

  it('delivers [[chunks:5000]] complete and fast', async () => {
    const started = performance.now();
    const stream = await client().chat.completions.create({ model: 'gpt-4o-mini', messages: user('[[chunks:5000]]'), stream: true, stream_options: { include_usage: true } });
    const chunks = await collect(stream);
    const pieces = chunks.map((c) => c.choices[0]?.delta.content).filter(Boolean);
    expect(pieces).toHaveLength(5000);
    expect(pieces[4999]).toBe('w4999 ');
    expect(chunks.at(-1)?.usage?.completion_tokens).toBe(5000);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('sends the same stream with [[burst]], written at once', async () => {
    /** @param {string} text */
    const read = async (text) => {
      const stream = await client().chat.completions.create({ model: 'gpt-4o-mini', messages: user(text), stream: true, stream_options: { include_usage: true } });
      return (await collect(stream)).map((c) => ({ delta: c.choices[0]?.delta ?? null, finish: c.choices[0]?.finish_reason ?? null, output: c.usage?.completion_tokens ?? null }));
    };
    const paced = await read('[[chunks:300]]');
    expect(paced).toHaveLength(303); // the role chunk, 300 pieces, the finish and the usage chunk
    expect(await read('[[chunks:300]] [[burst]]')).toEqual(paced);
  });
});

describe('aborts', () => {
  it('counts a stream the client aborts as aborted', async () => {
    const controller = new AbortController();
    const stream = await client().chat.completions.create(
      { model: 'gpt-4o', messages: user('slow [[delay:30]] one two three four five six seven'), stream: true },
      { signal: controller.signal },
    );
    let seen = 0;
    const consume = (async () => {
      for await (const chunk of stream) {
        if (chunk.choices[0]?.delta.content) seen += 1;
        if (seen === 2) controller.abort();
      }
    })();
    await consume.catch(() => undefined);
    await vi.waitFor(() => expect(mock().stats()).toMatchObject({ aborted: 1, active: 0 }));
  });

  it('hangs on [[hang]] until the client aborts', async () => {
    const controller = new AbortController();
    const stream = await client().chat.completions.create({ model: 'gpt-4o', messages: user('[[hang]]'), stream: true }, { signal: controller.signal });
    await vi.waitFor(() => expect(mock().stats().active).toBe(1));
    const consume = collect(stream).catch((error) => error);
    controller.abort();
    await consume;
    await vi.waitFor(() => expect(mock().stats()).toMatchObject({ aborted: 1, active: 0 }));
  });
});

describe('errors', () => {
  it('answers 401 AuthenticationError with the key masked', async () => {
    const call = client('sk-bad-key-xyz').chat.completions.create({ model: 'gpt-4o', messages: user('x') });
    const error = await call.catch((e) => e);
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: 'invalid_api_key', type: 'invalid_request_error' });
    expect(error.message).toContain('sk-b***xyz');
    expect(error.message).not.toContain('sk-bad-key-xyz');
    expect(mock().stats().completions).toBe(0);
  });

  it('answers [[error:429]] with RateLimitError and retry-after: 7', async () => {
    const error = await client().chat.completions.create({ model: 'gpt-4o', messages: user('[[error:429]]') }).catch((e) => e);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect(error.headers.get('retry-after')).toBe('7');
    expect(error.code).toBe('rate_limit_exceeded');
  });

  it('answers [[error:500]], [[error:503]] and [[error:400]] with the matching SDK errors', async () => {
    const cases = [
      [500, OpenAI.InternalServerError],
      [503, OpenAI.InternalServerError],
      [400, OpenAI.BadRequestError],
    ];
    for (const [status, type] of cases) {
      const error = await client().chat.completions.create({ model: 'gpt-4o', messages: user(`[[error:${status}]]`), stream: true }).catch((e) => e);
      expect(error).toBeInstanceOf(type);
      expect(error.status).toBe(status);
    }
  });

  it('echoes the full key on [[echo-key]]', async () => {
    const error = await client().chat.completions.create({ model: 'gpt-4o', messages: user('[[echo-key]]') }).catch((e) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error.message).toContain(KEY);
  });
});

describe('embeddings', () => {
  it('returns deterministic 8-dimensional vectors, in float and base64 alike', async () => {
    const viaBase64 = await client().embeddings.create({ model: 'text-embedding-3-small', input: ['alpha', 'beta gamma'] });
    const viaFloat = await client().embeddings.create({ model: 'text-embedding-3-small', input: ['alpha', 'beta gamma'], encoding_format: 'float' });
    expect(viaBase64.data).toHaveLength(2);
    expect(viaBase64.data[0]?.embedding).toHaveLength(8);
    expect(viaBase64.data.map((d) => d.embedding)).toEqual(viaFloat.data.map((d) => d.embedding));
    expect(viaBase64.data[0]?.embedding).not.toEqual(viaBase64.data[1]?.embedding);
    expect(viaBase64.usage).toEqual({ prompt_tokens: 2 + 3, total_tokens: 5 });
    const again = await client().embeddings.create({ model: 'text-embedding-3-small', input: 'alpha', encoding_format: 'float' });
    expect(again.data[0]?.embedding).toEqual(viaFloat.data[0]?.embedding);
  });
});
