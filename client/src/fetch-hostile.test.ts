import { describe, expect, it } from 'vitest';
import { createByokFetch } from './fetch.js';
import { FakeByok } from './test-fake-byok.js';

const user = [{ role: 'user', content: 'hi' }];

/** Bodies no endpoint may crash on: each must come back as a 400 without reaching the provider. */
const hostile: Record<string, unknown[]> = {
  '/v1/chat/completions': [
    null,
    [],
    'messages',
    42,
    {},
    { messages: null },
    { messages: [] },
    { messages: {} },
    { messages: [null] },
    { messages: [{ role: 'user', content: 5 }] },
    { messages: [{ role: 'user', content: [{ type: 'image_url' }] }] },
    { messages: [{ role: 'user', content: [{ type: 'input_audio', input_audio: {} }] }] },
    { messages: [{ role: 'user', content: [null] }] },
    { messages: [{ role: 'tool', content: 'x' }] },
    { messages: [{ role: 'function', name: 'f', content: 'x' }] },
    { messages: [{ role: 'assistant', content: null, tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: 'not json' } }] }] },
    { messages: [{ role: 'assistant', content: null, tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '[1]' } }] }] },
    { messages: user, max_tokens: 'many' },
    { messages: user, max_tokens: 1.5 },
    { messages: user, max_tokens: 1e300 },
    { messages: user, max_tokens: -1 },
    { messages: user, temperature: 7 },
    { messages: user, top_p: 0 },
    { messages: user, stop: [1] },
    { messages: user, stop: ['a', 'b', 'c', 'd', 'e'] },
    { messages: user, tools: {} },
    { messages: user, tools: [null] },
    { messages: user, tools: [{ type: 'function', function: { name: 'bad name!' } }] },
    { messages: user, tool_choice: 5 },
    { messages: user, response_format: { type: 'xml' } },
    { messages: user, n: 3 },
    { messages: user, logit_bias: { 50256: -100 } },
    { messages: user, functions: [{ name: 'f' }] },
    { messages: user, constructor: {} },
    JSON.parse('{"messages":[{"role":"user","content":"hi"}],"__proto__":{"polluted":true}}'),
  ],
  '/v1/messages': [
    null,
    {},
    { max_tokens: 5, messages: 'hi' },
    { max_tokens: 5, messages: [{ role: 'system', content: 'x' }] },
    { max_tokens: 5, messages: [{ role: 'user', content: [{ type: 'document', source: {} }] }] },
    { max_tokens: 5, messages: [{ role: 'user', content: [{ type: 'image', source: { type: 'file', file_id: 'f' } }] }] },
    { max_tokens: 5, messages: [{ role: 'user', content: [{ type: 'tool_result' }] }] },
    { max_tokens: 5, messages: user, system: 5 },
    { max_tokens: 5, messages: user, tool_choice: { type: 'maybe' } },
    { max_tokens: 5, messages: user, thinking: { type: 'enabled', budget_tokens: 1024 } },
    { max_tokens: 'x', messages: user },
    { max_tokens: 0, messages: user },
  ],
  '/v1/embeddings': [null, {}, { input: [] }, { input: [1, 2, 3] }, { input: [''] }, { input: 'x', dimensions: 8 }, { input: 'x', encoding_format: 'hex' }, { input: { a: 1 } }],
  '/v1/responses': [null, {}, { input: 5 }, { input: [] }, { input: [{ type: 'item_reference', id: 'x' }] }, { input: 'hi', previous_response_id: 'resp_1' }, { input: 'hi', text: { format: { type: 'xml' } } }],
};

describe('byokFetch refuses hostile bodies with a 400, never a crash or a provider call', () => {
  for (const [path, bodies] of Object.entries(hostile)) {
    it.each(bodies.map((b) => [JSON.stringify(b)]))(`${path} %s`, async (body) => {
      const fake = new FakeByok().grantAll();
      const res = await createByokFetch({ byok: fake })(`https://api.example${path}`, { method: 'POST', body });
      const json = await res.json();
      expect(res.status).toBe(400);
      const message = (json.error?.message ?? '') as string;
      expect(message.length).toBeGreaterThan(5);
      expect(fake.chatRequests).toHaveLength(0);
      expect(fake.calls.filter((c) => c.method === 'embed' && !c.args[0])).toHaveLength(0);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }
});

describe('byokFetch and aborts around connecting', () => {
  it('rejects at once when aborted while the approval is open', async () => {
    const fake = new FakeByok();
    let approve!: () => void;
    fake.connect = (req) => new Promise((resolve) => (approve = () => resolve(FakeByok.prototype.connect.call(fake, req))));
    const ac = new AbortController();
    const p = createByokFetch({ byok: fake })('https://api.example/v1/chat/completions', { method: 'POST', body: JSON.stringify({ messages: user }), signal: ac.signal });
    setTimeout(() => ac.abort(), 10);
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    approve();
    expect(fake.chatRequests).toHaveLength(0);
  });

  it('rejects with an AbortError when the signal is already aborted', async () => {
    await expect(createByokFetch({ byok: new FakeByok() })('https://api.example/v1/models', { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('Responses API errors after the stream began', () => {
  it('end with an error event', async () => {
    const fake = new FakeByok().grantAll().failNext({ code: 5000, message: 'boom', afterChunks: 1 });
    const res = await createByokFetch({ byok: fake })('https://api.example/v1/responses', { method: 'POST', body: JSON.stringify({ input: 'hi', stream: true }) });
    const text = await res.text();
    expect(text.trim().split('\n\n').at(-1)).toMatch(/^event: error\ndata: \{"type":"error","sequence_number":\d+,"code":"provider_error","message":"boom","param":null\}$/);
  });
});
