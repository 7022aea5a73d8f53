import { describe, expect, it } from 'vitest';
import { PRICES_UPDATED } from '../budget/prices';
import { overrideInWords, priceNote } from './prices';

describe('price notes', () => {
  it('the person’s price, the dated table, local endpoints and unknown models', () => {
    expect(priceNote({ provider: 'openai' }, 'gpt-4o-mini', [])).toBe(`Built-in price (${PRICES_UPDATED}): $0.15 in / $0.6 out.`);
    expect(priceNote({ provider: 'openai' }, 'gpt-4o-mini', [{ model: 'gpt-4o-mini', inputPerM: 1, outputPerM: 2 }])).toBe('Your price: $1 in / $2 out.');
    expect(priceNote({ provider: 'openai-compatible', baseUrl: 'http://127.0.0.1:11434/v1' }, 'llama3', [])).toBe('Local endpoint: free, unless you set a price.');
    expect(priceNote({ provider: 'openai-compatible', baseUrl: 'https://llm.example/v1' }, 'mystery-1', [])).toBe('No known price: requests with this model are refused (4402) until you set one.');
  });

  it('a media model’s price in its own unit', () => {
    expect(priceNote({ provider: 'openai' }, 'tts-1', [{ model: 'tts-1', inputPerM: 0, outputPerM: 0, perMChars: 15 }])).toBe('Your price: $15.00 / 1M characters.');
    expect(priceNote({ provider: 'openai-compatible', baseUrl: 'http://127.0.0.1:8080/v1' }, 'whisper-1', [])).toBe('Local endpoint: free, unless you set a price.');
    expect(priceNote({ provider: 'elevenlabs' }, 'eleven_multilingual_v2', [])).toBe('No known price: requests with this model are refused (4402) until you set one.');
    expect(overrideInWords({ model: 'dall-e-3', inputPerM: 0, outputPerM: 0, perImage: 0.04 })).toBe('$0.04 / image');
    expect(overrideInWords({ model: 'whisper-1', inputPerM: 0, outputPerM: 0, perMinute: 0.006 })).toBe('$0.006 / minute');
    expect(overrideInWords({ model: 'gpt-4o', inputPerM: 1, outputPerM: 2 })).toBe('$1 in / $2 out');
  });
});
