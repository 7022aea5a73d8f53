// The server around the providers: models, CORS, the keyless /ollama path, keys, stats, close, CLI.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { describe, expect, it, vi } from 'vitest';
import { startMock } from './server.mjs';
import { useMock } from './testing.mjs';

const mock = useMock();
const KEY = 'sk-test-server';
const json = { 'content-type': 'application/json' };

/**
 * @param {string} path
 * @param {RequestInit} [init]
 */
const call = (path, init) => fetch(`${mock().url}${path}`, init);

describe('models', () => {
  it('lists OpenAI models for a Bearer request', async () => {
    const page = await new OpenAI({ apiKey: KEY, baseURL: `${mock().url}/v1`, maxRetries: 0 }).models.list();
    expect(page.data.map((m) => m.id)).toEqual(['gpt-4o-mini', 'gpt-4o', 'text-embedding-3-small', 'tts-1', 'tts-1-hd', 'gpt-4o-mini-tts', 'whisper-1', 'gpt-4o-transcribe', 'gpt-4o-mini-transcribe', 'dall-e-3', 'gpt-image-1']);
    expect(page.data[0]).toMatchObject({ object: 'model', owned_by: 'system' });
    expect(typeof page.data[0]?.created).toBe('number');
  });

  it('lists Anthropic models when the request has x-api-key or anthropic-version', async () => {
    const byKey = await (await call('/v1/models', { headers: { 'x-api-key': KEY } })).json();
    expect(byKey).toEqual({
      data: [
        { type: 'model', id: 'claude-sonnet-4-5', display_name: 'Claude Sonnet 4.5', created_at: '2025-09-29T00:00:00Z' },
        { type: 'model', id: 'claude-haiku-4-5', display_name: 'Claude Haiku 4.5', created_at: '2025-10-15T00:00:00Z' },
      ],
      has_more: false,
      first_id: 'claude-sonnet-4-5',
      last_id: 'claude-haiku-4-5',
    });
    const byVersion = await call('/v1/models', { headers: { 'anthropic-version': '2023-06-01', authorization: `Bearer ${KEY}` } });
    expect((await byVersion.json()).data).toHaveLength(2);
    const model = await new Anthropic({ apiKey: KEY, baseURL: mock().url, maxRetries: 0 }).models.retrieve('claude-haiku-4-5');
    expect(model).toMatchObject({ type: 'model', id: 'claude-haiku-4-5' });
  });

  it('refuses a model list without a valid key', async () => {
    expect((await call('/v1/models')).status).toBe(401);
    expect((await call('/v1/models', { headers: { 'x-api-key': 'nope' } })).status).toBe(401);
  });
});

describe('CORS', () => {
  it('answers a preflight with 204, echoing the requested headers', async () => {
    const res = await call('/v1/chat/completions', {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,x-stainless-os' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toBe('authorization,content-type,x-stainless-os');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(mock().stats()).toMatchObject({ requests: 0, preflights: 1 });
  });

  it('sets Access-Control-Allow-Origin on answers and errors', async () => {
    const ok = await call('/v1/models', { headers: { authorization: `Bearer ${KEY}` } });
    const unauthorized = await call('/v1/models');
    const missing = await call('/v2/nothing');
    for (const res of [ok, unauthorized, missing]) expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(missing.status).toBe(404);
    expect((await missing.json()).error).toMatchObject({ type: 'invalid_request_error', message: 'Invalid URL (GET /v2/nothing)' });
  });
});

describe('keyless /ollama/v1', () => {
  it('accepts any key or none, and lists local models', async () => {
    const openai = new OpenAI({ apiKey: 'anything', baseURL: `${mock().url}/ollama/v1`, maxRetries: 0 });
    expect((await openai.models.list()).data.map((m) => m.id)).toEqual(['llama3.2', 'qwen2.5']);
    const completion = await openai.chat.completions.create({ model: 'llama3.2', messages: [{ role: 'user', content: 'local' }] });
    expect(completion.choices[0]?.message.content).toBe('Hello from the mock openai (llama3.2). You said: local');
    const bare = await call('/ollama/v1/chat/completions', { method: 'POST', headers: json, body: JSON.stringify({ model: 'qwen2.5', messages: [{ role: 'user', content: 'hi' }], stream: true }) });
    expect(bare.status).toBe(200);
    expect(await bare.text()).toMatch(/data: \[DONE\]\n\n$/);
    const embedded = await call('/ollama/v1/embeddings', { method: 'POST', headers: json, body: JSON.stringify({ model: 'llama3.2', input: 'x' }) });
    expect((await embedded.json()).data[0].embedding).toHaveLength(8);
  });
});

describe('stats', () => {
  it('counts requests per path, completions that passed auth, and the last body', async () => {
    const openai = new OpenAI({ apiKey: KEY, baseURL: `${mock().url}/v1`, maxRetries: 0 });
    await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'one' }], max_completion_tokens: 64 });
    await new OpenAI({ apiKey: 'sk-bad', baseURL: `${mock().url}/v1`, maxRetries: 0 }).embeddings.create({ model: 'e', input: 'x' }).catch(() => undefined);
    await openai.models.list();
    const stats = mock().stats();
    expect(stats).toMatchObject({ requests: 3, completions: 1, aborted: 0, active: 0 });
    expect(stats.byPath).toEqual({ '/v1/chat/completions': 1, '/v1/embeddings': 1, '/v1/models': 1 });
    expect(stats.last).toMatchObject({ path: '/v1/embeddings', model: 'e', body: { input: 'x' } });
    const served = await (await call('/__mock/stats')).json();
    expect(served).toEqual(mock().stats());
  });

  it('resets through reset() and POST /__mock/reset', async () => {
    await call('/v1/models');
    mock().reset();
    expect(mock().stats()).toMatchObject({ requests: 0, byPath: {}, completions: 0, last: null });
    await call('/v1/models');
    expect((await call('/__mock/reset', { method: 'POST' })).status).toBe(200);
    expect(mock().stats().requests).toBe(0);
  });
});

describe('lifecycle', () => {
  it('accepts only the given keys when `keys` is set', async () => {
    const own = await startMock({ keys: ['custom-key'] });
    try {
      const post = (/** @type {string} */ key) =>
        fetch(`${own.url}/v1/chat/completions`, { method: 'POST', headers: { ...json, authorization: `Bearer ${key}` }, body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }] }) });
      expect((await post('custom-key')).status).toBe(200);
      expect((await post('sk-test-normally-fine')).status).toBe(401);
    } finally {
      await own.close();
    }
  });

  it('closes promptly even with a hanging stream open', async () => {
    const own = await startMock();
    const res = await fetch(`${own.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${KEY}` },
      body: JSON.stringify({ model: 'gpt-4o', stream: true, messages: [{ role: 'user', content: '[[hang]]' }] }),
    });
    expect(res.status).toBe(200);
    const body = res.text().catch((error) => error);
    await own.close();
    expect(await body).toBeInstanceOf(Error);
    expect(own.stats()).toMatchObject({ aborted: 1, active: 0 });
  });

  it('runs from the CLI, prints the URL and stops on SIGTERM', async () => {
    const cli = spawn(process.execPath, [fileURLToPath(new URL('./cli.mjs', import.meta.url)), '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const [line] = await once(cli.stdout, 'data');
      const url = String(line).trim();
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${url}/v1/models`, { headers: { authorization: `Bearer ${KEY}` } });
      expect(res.status).toBe(200);
    } finally {
      const exited = once(cli, 'exit');
      cli.kill('SIGTERM');
      const [code] = await exited;
      expect(code).toBe(0);
    }
  });

  it('counts a non-streaming [[delay]] answer as active, then done', async () => {
    const pending = call('/v1/chat/completions', {
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${KEY}` },
      body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: '[[delay:5]] a b c' }] }),
    });
    await vi.waitFor(() => expect(mock().stats().active).toBe(1), { interval: 1 });
    expect((await pending).status).toBe(200);
    await vi.waitFor(() => expect(mock().stats()).toMatchObject({ active: 0, aborted: 0 }));
  });
});
