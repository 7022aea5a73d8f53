import { describe, expect, it } from 'vitest';
import { PRICES_UPDATED, PRICE_SOURCE, costUsd, maxOutputTokens, priceFor } from './prices';

describe('priceFor', () => {
  it('is dated by the pinned catalog', () => {
    expect(PRICES_UPDATED).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(PRICES_UPDATED).toBe(PRICE_SOURCE.date);
  });

  it.each([
    ['openai', 'gpt-4o-mini', 0.15, 0.6],
    ['openai', 'gpt-4o-mini-2024-07-18', 0.15, 0.6],
    ['openai', 'gpt-4o', 2.5, 10],
    ['openai', 'gpt-4o-2024-05-13', 5, 15], // a dated snapshot with its own price wins over the alias
    ['openai', 'gpt-4.1-nano', 0.1, 0.4],
    ['openai', 'o4-mini', 1.1, 4.4],
    ['openai', 'gpt-5-mini', 0.25, 2],
    ['openai', 'gpt-6.1-sol', 2, 10],
    ['openai', 'text-embedding-3-small', 0.02, 0],
    ['openai', 'text-embedding-3-large', 0.13, 0],
    ['anthropic', 'claude-haiku-4-5-20251001', 1, 5],
    ['anthropic', 'claude-sonnet-4-5', 3, 15],
    ['anthropic', 'claude-opus-4-1-20250805', 15, 75],
    ['anthropic', 'claude-opus-4-5', 5, 25],
    ['anthropic', 'claude-3-5-haiku-latest', 0.8, 4],
    ['anthropic', 'claude-sonnet-5-5', 2, 10],
    ['groq', 'llama-3.3-70b-versatile', 0.59, 0.79],
    ['deepseek', 'deepseek-flash', 0.3, 1.2],
    ['openrouter', 'openai/gpt-4o-mini', 0.15, 0.6],
    ['openrouter', 'anthropic/claude-sonnet-4.5', 3, 15],
    ['openrouter', 'anthropic/claude-haiku-5.5', 0.1, 0.5], // not in OpenRouter's list: the vendor's price
    ['mistral', 'mistral-large-latest', 2, 6],
    ['openai', 'GPT-4o-Mini', 0.15, 0.6], // the catalog matches case-insensitively
    ['openai-compatible', 'llama-3.1-8b-instant', undefined, undefined], // unknown host: no table
  ])('%s %s', (providerId, model, input, output) => {
    const baseUrl = providerId === 'openai-compatible' ? 'https://llm.example.com/v1' : undefined;
    const price = priceFor({ providerId, model, baseUrl });
    if (input === undefined) expect(price).toBeNull();
    else expect(price).toMatchObject({ inputPerM: input, outputPerM: output, source: 'table' });
  });

  it('never prices by prefix: an unknown variant is unknown, not free and not its base model', () => {
    expect(priceFor({ providerId: 'openai', model: 'gpt-4o-mini-unreleased-preview' })).toBeNull();
    expect(priceFor({ providerId: 'openai', model: 'tts-1-hd-1106-x' })).toBeNull();
    expect(priceFor({ providerId: 'openai', model: 'ft:gpt-4o-mini:org::abc' })).toBeNull();
    expect(priceFor({ providerId: 'openai', model: 'toString' })).toBeNull();
    expect(priceFor({ providerId: 'openai', model: '__proto__' })).toBeNull();
    expect(priceFor({ providerId: '__proto__', model: 'gpt-4o' })).toBeNull();
    expect(priceFor({ providerId: 'openai', model: 'gpt-5-nano-2099' })).toBeNull(); // the catalog's prefix rule is not followed
    // A media model is priced by lib/budget/media-prices.ts (gpt-4o-mini-tts bills tokens of text and audio).
    expect(priceFor({ providerId: 'openai', model: 'gpt-4o-mini-tts' })).toMatchObject({ inputPerM: 0.6, outputPerM: 12 });
  });

  it('uses the table of a known host for a generic key', () => {
    expect(priceFor({ providerId: 'openai-compatible', model: 'llama-3.1-8b-instant', baseUrl: 'https://api.groq.com/openai/v1' })).toMatchObject({ inputPerM: 0.05, outputPerM: 0.08 });
  });

  it('makes local endpoints free unless the person set a price', () => {
    expect(priceFor({ providerId: 'ollama', model: 'llama3.2' })).toEqual({ inputPerM: 0, outputPerM: 0, source: 'local' });
    expect(priceFor({ providerId: 'openai', model: 'gpt-4o', baseUrl: 'http://127.0.0.1:8787/v1' })).toEqual({ inputPerM: 0, outputPerM: 0, source: 'local' });
    expect(priceFor({ providerId: 'ollama', model: 'llama3.2', overrides: [{ model: 'llama3.2', inputPerM: 0.01, outputPerM: 0.02 }] })).toEqual({
      inputPerM: 0.01,
      outputPerM: 0.02,
      source: 'override',
    });
    // A LAN server is not local.
    expect(priceFor({ providerId: 'ollama', model: 'llama3.2', baseUrl: 'http://192.168.1.20:11434/v1' })).toBeNull();
  });

  it('lets an override win over the table, matched by exact id', () => {
    const overrides = [{ model: 'gpt-4o-mini', inputPerM: 1, outputPerM: 2 }];
    expect(priceFor({ providerId: 'openai', model: 'gpt-4o-mini', overrides })).toEqual({ inputPerM: 1, outputPerM: 2, source: 'override' });
    expect(priceFor({ providerId: 'openai', model: 'gpt-4o-mini-2024-07-18', overrides })).toMatchObject({ inputPerM: 0.15, source: 'table' });
  });

  it('gives long-context prices: described, applied by costUsd, and returned outright for a long input', () => {
    const price = priceFor({ providerId: 'openai', model: 'gpt-5.4' })!;
    // The catalog's tier starts past 271,999 input tokens: a 272K prompt is long.
    expect(price).toEqual({ inputPerM: 2.5, outputPerM: 15, source: 'table', longContext: { aboveInputTokens: 271_999, inputPerM: 5, outputPerM: 22.5 } });
    expect(priceFor({ providerId: 'openai', model: 'gpt-5.4', inputTokens: 271_999 })).toMatchObject({ inputPerM: 2.5 });
    expect(priceFor({ providerId: 'openai', model: 'gpt-5.4', inputTokens: 272_000 })).toEqual({ inputPerM: 5, outputPerM: 22.5, source: 'table' });
    expect(costUsd(price, { inputTokens: 100_000, outputTokens: 1_000 })).toBeCloseTo(0.25 + 0.015, 10);
    expect(costUsd(price, { inputTokens: 300_000, outputTokens: 1_000 })).toBeCloseTo(1.5 + 0.0225, 10);
  });
});

describe('costUsd', () => {
  it('prices gpt-4o-mini as the contract says', () => {
    const price = priceFor({ providerId: 'openai', model: 'gpt-4o-mini' })!;
    expect(costUsd(price, { inputTokens: 1_000_000, outputTokens: 1_000_000 })).toBeCloseTo(0.75, 12);
    expect(costUsd(price, { inputTokens: 12, outputTokens: 4 })).toBeCloseTo(0.0000042, 12);
    expect(costUsd({ inputPerM: 0, outputPerM: 0 }, { inputTokens: 1e9, outputTokens: 1e9 })).toBe(0);
  });
});

describe('maxOutputTokens', () => {
  it.each([
    ['gpt-4o-mini', 16_384],
    ['gpt-4.1-2025-04-14', 32_768],
    ['o3', 100_000],
    ['claude-haiku-4-5-20251001', 64_000],
    ['claude-opus-4-1', 32_000],
    ['anthropic/claude-sonnet-4.5', 64_000],
    ['some-local-model', undefined],
  ])('%s -> %s', (model, cap) => {
    expect(maxOutputTokens(model)).toBe(cap);
  });
});
