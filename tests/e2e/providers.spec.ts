/**
 * The full chat intent through both wire formats, a preset provider, a keyless local endpoint
 * and embeddings (issue 5), against the bundled mock.
 */
import { test, expect, PASSPHRASE, TEST_KEY } from './fixtures';
import { byokCall, chat } from './po/app';
import { connectApproved, walletWithKeys } from './po/setup';

// A 1x1 PNG.
const PIXEL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mP8/x8AAwMCAO+/p9sAAAAASUVORK5CYII=';
const WEATHER = { name: 'get_weather', description: 'The weather in a city', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } };

for (const model of ['gpt-4o-mini', 'claude-haiku-4-5']) {
  test(`tools, images and JSON output through ${model}`, async ({ context, options, app, mock }) => {
    await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
    await connectApproved(context, app, {}, '1');

    // A tool call, then the tool's answer in a later turn.
    const ask = { role: 'user', content: 'Weather in Paris? [[tool:get_weather:{"city":"Paris"}]]' };
    const call = await chat(app, { model, messages: [ask], tools: [WEATHER], toolChoice: 'auto' });
    expect(call.error).toBeUndefined();
    expect(call.result?.finishReason).toBe('tool_calls');
    expect(call.result?.toolCalls).toEqual([{ id: expect.any(String), name: 'get_weather', arguments: { city: 'Paris' } }]);
    const id = call.result!.toolCalls![0] as { id: string };
    const answer = await chat(app, {
      model,
      tools: [WEATHER],
      messages: [ask, { role: 'assistant', content: '', toolCalls: call.result!.toolCalls }, { role: 'tool', toolCallId: id.id, content: '18°C and sunny' }],
    });
    expect(answer.result?.text).toContain('Tool said: 18°C and sunny');

    // Images as content parts.
    const seen = await chat(app, { model, messages: [{ role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'image', url: PIXEL }] }] });
    expect(seen.error).toBeUndefined();
    expect(seen.result?.text).toMatch(/^I see 1 image\(s\)\./);

    // JSON-schema structured output: the text parses.
    const structured = await chat(app, {
      model,
      messages: [{ role: 'user', content: 'Give me a colour' }],
      responseFormat: { type: 'json_schema', name: 'colour', schema: { type: 'object', properties: { ok: { type: 'boolean' } } } },
    });
    expect(structured.error).toBeUndefined();
    expect(() => JSON.parse(structured.result!.text)).not.toThrow();
    // JSON mode.
    const json = await chat(app, { model, messages: [{ role: 'user', content: 'Give me a colour' }], responseFormat: { type: 'json' } });
    expect(json.error).toBeUndefined();
    expect(typeof JSON.parse(json.result!.text)).toBe('object');
  });
}

test('a preset provider (Groq, pointed at the mock) and a keyless Ollama-style endpoint', async ({ context, options, app, mock }) => {
  await options.createWallet(PASSPHRASE);
  await options.addKey({ provider: 'Groq', name: 'Groq (mock)', key: TEST_KEY, baseUrl: `${mock.url}/v1` });
  await options.addKey({ provider: 'Ollama', name: 'Local models', key: '', baseUrl: `${mock.url}/ollama/v1` });
  const grant = (await connectApproved(context, app, {}, '1')) as { models: string[] };
  expect(grant.models).toEqual(expect.arrayContaining(['gpt-4o-mini', 'llama3.2', 'qwen2.5']));
  const models = (await byokCall(app, 'models')) as { id: string; provider: string }[];
  expect(models).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'gpt-4o-mini', provider: 'groq' }), expect.objectContaining({ id: 'llama3.2', provider: 'ollama' })]));

  mock.reset();
  const preset = await chat(app, { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi groq' }] });
  expect(preset.result).toMatchObject({ provider: 'groq', costUsd: 0 });
  const local = await chat(app, { model: 'llama3.2', messages: [{ role: 'user', content: 'hi llama' }] });
  expect(local.result).toMatchObject({ provider: 'ollama', costUsd: 0 });
  expect(local.result?.text).toContain('hi llama');
  expect(mock.stats().byPath).toMatchObject({ '/ollama/v1/chat/completions': 1, '/v1/chat/completions': 1 });
});

test('embeddings: scope embed, priced and budgeted like chat', async ({ context, options, app, mock }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  await options.setPrice('text-embedding-3-small', 20, 0);
  // Without the scope, embed is refused.
  await connectApproved(context, app, {}, '1');
  expect(await byokCall(app, 'embed', { input: 'x', model: 'text-embedding-3-small' })).toMatchObject({ error: { code: 4100 } });
  await connectApproved(context, app, { scopes: ['chat', 'models', 'embed'] }, '1');
  const out = (await byokCall(app, 'embed', { input: ['first', 'second'], model: 'text-embedding-3-small' })) as { vectors: number[][]; usage: { inputTokens: number }; costUsd: number };
  expect(out.vectors).toHaveLength(2);
  expect(out.vectors[0]).toHaveLength(8);
  expect(out.usage.inputTokens).toBeGreaterThan(0);
  expect(out.costUsd).toBeGreaterThan(0);
  const grant = (await byokCall(app, 'getGrant')) as { spentUsd: number };
  expect(grant.spentUsd).toBeCloseTo(out.costUsd, 12);
});
