import { describe, expect, it } from 'vitest';
import { PRICES_UPDATED } from '../budget/prices';
import { messages } from '../protocol/messages';
import { priceNote } from './prices';

describe('price notes', () => {
  it('the person’s price, the dated table, local endpoints and unknown models', () => {
    expect(priceNote({ provider: 'openai' }, 'gpt-4o-mini', [])).toBe(messages.priceTable(0.15, 0.6, PRICES_UPDATED));
    expect(priceNote({ provider: 'openai' }, 'gpt-4o-mini', [{ model: 'gpt-4o-mini', inputPerM: 1, outputPerM: 2 }])).toBe(messages.priceOverride(1, 2));
    expect(priceNote({ provider: 'openai-compatible', baseUrl: 'http://127.0.0.1:11434/v1' }, 'llama3', [])).toBe(messages.priceLocal());
    expect(priceNote({ provider: 'openai-compatible', baseUrl: 'https://llm.example/v1' }, 'mystery-1', [])).toBe(messages.priceUnknown());
  });
});
