import { describe, expect, it } from 'vitest';
import { mediaPriceFor, mediaUnitOf } from './media-price';

describe('a media model’s price in its own unit', () => {
  it('knows each kind’s unit, and none for chat and embedding models', () => {
    expect(mediaUnitOf('tts-1')).toBe('perMChars');
    expect(mediaUnitOf('whisper-1')).toBe('perMinute');
    expect(mediaUnitOf('dall-e-3')).toBe('perImage');
    expect(mediaUnitOf('gpt-4o-mini')).toBeNull();
    expect(mediaUnitOf('text-embedding-3-small')).toBeNull();
  });

  it('takes the person’s price in the unit, 0 on this computer, and never counts an unknown one as free', () => {
    const overrides = [{ model: 'tts-1', perMChars: 15 }];
    expect(mediaPriceFor({ providerId: 'openai', model: 'tts-1', overrides })).toEqual({ unit: 'perMChars', usd: 15, source: 'override' });
    expect(mediaPriceFor({ providerId: 'openai-compatible', model: 'whisper-1', baseUrl: 'http://127.0.0.1:8080/v1' })).toEqual({ unit: 'perMinute', usd: 0, source: 'local' });
    // A token price set for a media model is not its price in its unit.
    expect(mediaPriceFor({ providerId: 'elevenlabs', model: 'eleven_multilingual_v2', overrides: [{ model: 'eleven_multilingual_v2' }] })).toBeNull();
    expect(mediaPriceFor({ providerId: 'openai', model: 'gpt-4o-mini' })).toBeNull();
  });
});
