import { describe, expect, it } from 'vitest';
import type { KeyView } from '../keys/keyring';
import { modelOffers } from './offers';
import { priceOffers } from './offer-prices';

const key = (id: string, provider: string, models: string[], baseUrl?: string): KeyView => ({
  id,
  provider,
  name: id,
  masked: 'sk-…',
  models,
  status: 'valid',
  enabled: true,
  createdAt: 0,
  ...(baseUrl ? { baseUrl } : {}),
});

describe('priceOffers: each offered model with its price on its key', () => {
  it('takes the table, the person’s override, local endpoints, and knows when none is set', () => {
    const keys = [key('openai', 'openai', ['gpt-4o-mini', 'gpt-4o', 'no-such-model']), key('local', 'openai-compatible', ['llama3.2'], 'http://127.0.0.1:11434/v1')];
    const priced = priceOffers(modelOffers(keys), keys, [{ keyId: 'openai', model: 'gpt-4o', inputPerM: 1, outputPerM: 2 }]);
    expect(priced.map((o) => [o.model, o.price])).toEqual([
      ['gpt-4o-mini', { inputPerM: 0.15, outputPerM: 0.6, source: 'table' }],
      ['gpt-4o', { inputPerM: 1, outputPerM: 2, source: 'override' }],
      ['no-such-model', null],
      ['llama3.2', { inputPerM: 0, outputPerM: 0, source: 'local' }],
    ]);
  });

  it('a media model is offered with its own rate (never as free), ElevenLabs without one until set', () => {
    const keys = [key('openai', 'openai', ['tts-1', 'whisper-1', 'dall-e-3']), key('el', 'elevenlabs', ['eleven_multilingual_v2'])];
    const priced = priceOffers(modelOffers(keys), keys, []);
    expect(priced.map((o) => [o.model, o.price])).toEqual([
      ['tts-1', { inputPerM: 0, outputPerM: 0, perMChars: 15, source: 'table' }],
      ['whisper-1', { inputPerM: 0, outputPerM: 0, perMinute: 0.006, source: 'table' }],
      ['dall-e-3', { inputPerM: 0, outputPerM: 0, perImage: 0.12, source: 'table' }],
      ['eleven_multilingual_v2', null],
    ]);
  });
});
