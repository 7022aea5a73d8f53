// A key the provider rate-limits or finds out of credit (mock/key-limits.mjs), read by the official SDKs.
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { useMock } from './testing.mjs';

const mock = useMock();
const messages = [{ role: /** @type {const} */ ('user'), content: 'hi' }];
/** @param {string} apiKey */
const openai = (apiKey) => new OpenAI({ apiKey, baseURL: `${mock().url}/v1`, maxRetries: 0 });
/** @param {string} apiKey */
const anthropic = (apiKey) => new Anthropic({ apiKey, baseURL: mock().url, maxRetries: 0 });

describe('per-key limits', () => {
  it('a rate-limited OpenAI key gets 429 with the reset headers and no retry-after; another key and the model list are served', async () => {
    mock().limit('sk-test-limited-1', 'rate', 45);
    const error = await openai('sk-test-limited-1').chat.completions.create({ model: 'gpt-4o-mini', messages }).catch((e) => e);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect(error.status).toBe(429);
    expect(error.code).toBe('rate_limit_exceeded');
    expect(error.headers.get('retry-after')).toBeNull();
    expect(error.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(error.headers.get('x-ratelimit-reset-requests')).toMatch(/^4[45]s$/);
    await expect(openai('sk-test-other').chat.completions.create({ model: 'gpt-4o-mini', messages })).resolves.toMatchObject({ object: 'chat.completion' });
    await expect(openai('sk-test-limited-1').models.list()).resolves.toBeDefined();
  });

  it('a rate limit ends at its reset', async () => {
    mock().limit('sk-test-limited-2', 'rate', 0);
    await expect(openai('sk-test-limited-2').chat.completions.create({ model: 'gpt-4o-mini', messages })).resolves.toMatchObject({ object: 'chat.completion' });
  });

  it('an OpenAI key out of credit gets 429 insufficient_quota', async () => {
    mock().limit('sk-test-broke-1', 'credit');
    const error = await openai('sk-test-broke-1').chat.completions.create({ model: 'gpt-4o-mini', messages }).catch((e) => e);
    expect([error.status, error.type, error.code]).toEqual([429, 'insufficient_quota', 'insufficient_quota']);
  });

  it('Anthropic: 429 with its reset time; 400 for a credit balance too low', async () => {
    mock().limit('sk-test-limited-3', 'rate', 30);
    const limited = await anthropic('sk-test-limited-3').messages.create({ model: 'claude-haiku-4-5', max_tokens: 10, messages }).catch((e) => e);
    expect(limited.status).toBe(429);
    expect(Date.parse(limited.headers.get('anthropic-ratelimit-requests-reset'))).toBeGreaterThan(Date.now());
    mock().limit('sk-test-broke-2', 'credit');
    const broke = await anthropic('sk-test-broke-2').messages.create({ model: 'claude-haiku-4-5', max_tokens: 10, messages }).catch((e) => e);
    expect(broke.status).toBe(400);
    expect(broke.message).toContain('credit balance is too low');
  });

  it('POST /__mock/limit sets one from outside', async () => {
    const set = await fetch(`${mock().url}/__mock/limit?key=sk-test-limited-4&kind=rate&reset=20`, { method: 'POST' });
    expect(set.status).toBe(200);
    const error = await openai('sk-test-limited-4').chat.completions.create({ model: 'gpt-4o-mini', messages }).catch((e) => e);
    expect(error.status).toBe(429);
    expect((await fetch(`${mock().url}/__mock/limit`, { method: 'POST' })).status).toBe(400);
  });
});
