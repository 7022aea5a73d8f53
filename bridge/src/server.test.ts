/** The endpoint with the official SDKs, against a scripted wallet on the other end of the channel. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import type { FromHost } from '../../lib/protocol/bridge';
import { WalletLink } from './wallet-link';
import { createBridgeServer } from './server';
import { hashToken } from './guard';

const TOKEN = 'byok_app_test-token-0123456789';
const seen: FromHost[] = [];
let budgetLeft = true;

const link: WalletLink = new WalletLink((m) => {
  seen.push(m);
  queueMicrotask(() => wallet(m));
});

/** A wallet that knows one token and answers chat with two deltas. */
function wallet(m: FromHost) {
  if (m.t !== 'call') return;
  if (m.tokenHash !== hashToken(TOKEN)) return link.receive({ t: 'res', id: m.id, ok: false, error: { code: 4100, message: 'unknown token', data: { reason: 'token' } } });
  if (m.method === 'getGrant') return link.receive({ t: 'res', id: m.id, ok: true, value: { origin: 'app:test' } });
  if (m.method === 'models') return link.receive({ t: 'res', id: m.id, ok: true, value: [{ id: 'gpt-4o-mini', provider: 'openai', label: 'GPT-4o mini' }] });
  if (m.method !== 'chat') return;
  if (!budgetLeft) return link.receive({ t: 'res', id: m.id, ok: false, error: { code: 4402, message: 'over budget' } });
  if (m.stream) {
    link.receive({ t: 'delta', id: m.id, text: 'Hello' });
    link.receive({ t: 'delta', id: m.id, text: ', world' });
  }
  link.receive({ t: 'res', id: m.id, ok: true, value: { text: 'Hello, world', model: 'gpt-4o-mini', provider: 'openai', usage: { inputTokens: 3, outputTokens: 2 }, costUsd: 0.000001, finishReason: 'stop' } });
}

let port = 0;
const server = createBridgeServer(link, () => port);
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => void server.close());

const openai = () => new OpenAI({ apiKey: TOKEN, baseURL: `http://127.0.0.1:${port}/openai/v1`, maxRetries: 0 });
const anthropic = () => new Anthropic({ apiKey: TOKEN, baseURL: `http://127.0.0.1:${port}/anthropic`, maxRetries: 0 });

describe('the endpoint through the official SDKs', () => {
  it('streams an OpenAI chat', async () => {
    const stream = await openai().chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe('Hello, world');
    const call = seen.find((m) => m.t === 'call' && m.method === 'chat');
    expect(call).toMatchObject({ params: { messages: [{ role: 'user', content: 'hi' }], model: 'gpt-4o-mini' }, stream: true });
  });

  it('lists models', async () => {
    const list = await openai().models.list();
    expect(list.data.map((m) => m.id)).toEqual(['gpt-4o-mini']);
  });

  it('streams an Anthropic message the way Claude Code asks (system array, cache_control, beta)', async () => {
    const stream = anthropic().beta.messages.stream({
      model: 'gpt-4o-mini',
      max_tokens: 100,
      system: [{ type: 'text', text: 'be brief', cache_control: { type: 'ephemeral' } }],
      messages: [{ role: 'user', content: [{ type: 'text', text: 'hi', cache_control: { type: 'ephemeral' } }] }],
      betas: ['prompt-caching-2024-07-31'],
    });
    const message = await stream.finalMessage();
    expect(message.content[0]).toMatchObject({ type: 'text', text: 'Hello, world' });
  });

  it('answers count_tokens', async () => {
    const count = await anthropic().messages.countTokens({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hello there' }] });
    expect(count.input_tokens).toBeGreaterThan(0);
  });

  it('refuses an unknown token with 401 and over budget with 402', async () => {
    await expect(new OpenAI({ apiKey: 'byok_app_wrong', baseURL: `http://127.0.0.1:${port}/openai/v1`, maxRetries: 0 }).models.list()).rejects.toMatchObject({ status: 401 });
    budgetLeft = false;
    await expect(anthropic().messages.create({ model: 'gpt-4o-mini', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] })).rejects.toMatchObject({ status: 402, error: { error: { type: 'billing_error' } } });
    const res = await fetch(`http://127.0.0.1:${port}/openai/v1/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] }) });
    expect(res.status).toBe(402);
    expect(res.headers.get('x-should-retry')).toBe('false');
    budgetLeft = true;
  });

  it('refuses a body over the limit with 413 without reading it', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/openai/v1/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-length': String(40 * 1024 * 1024) }, body: 'x', duplex: 'half' } as RequestInit).catch(() => null);
    if (res) expect(res.status).toBe(413);
  });
});
