import { describe, expect, it } from 'vitest';
import type { KeyView } from '../keys/keyring';
import { modelOffers } from './offers';
import { priceOffers } from './offer-prices';
import { mediaPriceFor, mediaUnitOf, withMediaRates } from './media-price';

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

describe('a media model’s price in its own unit', () => {
  it('knows each kind’s unit, and none for chat and embedding models', () => {
    expect(mediaUnitOf('tts-1')).toBe('perMChars');
    expect(mediaUnitOf('whisper-1')).toBe('perMinute');
    expect(mediaUnitOf('dall-e-3')).toBe('perImage');
    expect(mediaUnitOf('gpt-4o-mini')).toBeNull();
    expect(mediaUnitOf('text-embedding-3-small')).toBeNull();
  });

  it('takes the person’s price in the unit, 0 on this computer, and never counts an unknown one as free', () => {
    const overrides = [{ model: 'tts-1', inputPerM: 0, outputPerM: 0, perMChars: 15 }];
    expect(mediaPriceFor({ providerId: 'openai', model: 'tts-1', overrides })).toEqual({ unit: 'perMChars', usd: 15, source: 'override' });
    expect(mediaPriceFor({ providerId: 'openai-compatible', model: 'whisper-1', baseUrl: 'http://127.0.0.1:8080/v1' })).toEqual({ unit: 'perMinute', usd: 0, source: 'local' });
    // A token price set for a media model is not its price in its unit.
    expect(mediaPriceFor({ providerId: 'elevenlabs', model: 'eleven_multilingual_v2', overrides: [{ model: 'eleven_multilingual_v2', inputPerM: 1, outputPerM: 1 }] })).toBeNull();
    expect(mediaPriceFor({ providerId: 'openai', model: 'gpt-4o-mini' })).toBeNull();
  });

  it('gives the approval window’s media offers their rate in its unit, and leaves the others as they are', () => {
    const keys = [key('k', 'openai-compatible', ['gpt-4o-mini', 'dall-e-3', 'scribe_v1'], 'https://media.example/v1'), key('local', 'openai-compatible', ['tts-1'], 'http://127.0.0.1:9/v1')];
    const overrides = [
      { keyId: 'k', model: 'dall-e-3', inputPerM: 0, outputPerM: 0, perImage: 0.04 },
      { keyId: 'k', model: 'gpt-4o-mini', inputPerM: 0.15, outputPerM: 0.6 },
    ];
    const offers = withMediaRates(priceOffers(modelOffers(keys), keys, overrides), keys, overrides);
    expect(offers.map((o) => [o.model, o.price])).toEqual([
      ['gpt-4o-mini', { inputPerM: 0.15, outputPerM: 0.6, source: 'override' }],
      ['dall-e-3', { inputPerM: 0, outputPerM: 0, perImage: 0.04, source: 'override' }],
      ['scribe_v1', null],
      ['tts-1', { inputPerM: 0, outputPerM: 0, perMChars: 0, source: 'local' }],
    ]);
  });
});
