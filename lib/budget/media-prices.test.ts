import { describe, expect, it } from 'vitest';
import { priceFor } from './prices';
import { costNano } from './price';
import { imageModel, imagePrice, imageVariant, MEDIA_PRICES_UPDATED } from './media-prices';

const price = (providerId: string, model: string, variant?: string) => priceFor({ providerId, model, ...(variant ? { variant } : {}) });

describe('media prices', () => {
  it('is dated', () => {
    expect(MEDIA_PRICES_UPDATED).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('prices speech per million characters, or by tokens for gpt-4o-mini-tts', () => {
    expect(price('openai', 'tts-1')).toMatchObject({ perMChars: 15, inputPerM: 0, outputPerM: 0, source: 'table' });
    expect(price('openai', 'tts-1-hd')).toMatchObject({ perMChars: 30 });
    expect(price('openai', 'gpt-4o-mini-tts')).toMatchObject({ inputPerM: 0.6, outputPerM: 12 });
    expect(price('openai', 'gpt-4o-mini-tts')?.perMChars).toBeUndefined();
    // 1 000 characters of tts-1: $0.015.
    expect(costNano(price('openai', 'tts-1')!, { inputTokens: 0, outputTokens: 0, units: { characters: 1_000 } })).toBe(15_000_000);
  });

  it('prices transcription per minute, metered in seconds', () => {
    expect(price('openai', 'whisper-1')).toMatchObject({ perMinute: 0.006 });
    expect(price('openai', 'gpt-4o-transcribe')).toMatchObject({ perMinute: 0.006, inputPerM: 6, outputPerM: 10 });
    expect(price('openai', 'gpt-4o-mini-transcribe')).toMatchObject({ perMinute: 0.003 });
    expect(price('groq', 'whisper-large-v3')!.perMinute! * 60).toBeCloseTo(0.111, 9);
    expect(price('groq', 'whisper-large-v3-turbo')!.perMinute! * 60).toBeCloseTo(0.04, 9);
    // A generic key on Groq's host uses Groq's table.
    expect(priceFor({ providerId: 'openai-compatible', model: 'whisper-large-v3-turbo', baseUrl: 'https://api.groq.com/openai/v1' })?.perMinute).toBeCloseTo(0.04 / 60, 12);
    // Groq bills at least 10 seconds: 2 seconds cost as 10.
    const groq = price('groq', 'whisper-large-v3')!;
    expect(costNano(groq, { inputTokens: 0, outputTokens: 0, units: { seconds: 2 } })).toBe(costNano(groq, { inputTokens: 0, outputTokens: 0, units: { seconds: 10 } }));
    expect(costNano(groq, { inputTokens: 0, outputTokens: 0, units: { seconds: 0 } })).toBe(0);
    // 61 seconds of whisper-1: $0.0061.
    expect(costNano(price('openai', 'whisper-1')!, { inputTokens: 0, outputTokens: 0, units: { seconds: 61 } })).toBe(6_100_000);
  });

  it.each([
    ['dall-e-3', '1024x1024/standard', 0.04],
    ['dall-e-3', '1024x1024/hd', 0.08],
    ['dall-e-3', '1024x1792/standard', 0.08],
    ['dall-e-3', '1792x1024/hd', 0.12],
    ['dall-e-2', '256x256/auto', 0.016],
    ['dall-e-2', '512x512/standard', 0.018],
    ['dall-e-2', '1024x1024/auto', 0.02],
    ['gpt-image-1', '1024x1024/low', 0.011],
    ['gpt-image-1', '1024x1024/medium', 0.042],
    ['gpt-image-1', '1024x1024/high', 0.167],
    ['gpt-image-1', '1536x1024/high', 0.25],
    ['gpt-image-1', '1024x1536/medium', 0.063],
    // `auto` is the dearest the model could pick.
    ['gpt-image-1', 'auto/auto', 0.25],
    ['gpt-image-1', '1024x1024/auto', 0.167],
    ['dall-e-3', '1024x1024/auto', 0.08],
  ])('%s %s costs $%s an image', (model, variant, usd) => {
    expect(price('openai', model, variant)).toMatchObject({ perImage: usd });
  });

  it('knows no price for a size or quality the model does not make', () => {
    expect(price('openai', 'dall-e-3', '256x256/standard')).toBeNull();
    expect(price('openai', 'gpt-image-1', '1024x1024/hd')).toBeNull();
    expect(imagePrice(imageModel('dall-e-2')!, imageVariant('1024x1024', 'hd'))).toBeUndefined();
  });

  it('gpt-image-1 is billed by tokens: its per-image prices are its output tokens at $40 per million', () => {
    expect(price('openai', 'gpt-image-1', '1024x1024/high')).toMatchObject({ outputPerM: 40 });
    // 4 160 output tokens (a high 1024x1024 image) cost at most the per-image price.
    expect(costNano(price('openai', 'gpt-image-1', '1024x1024/high')!, { inputTokens: 0, outputTokens: 4_160 })).toBeLessThanOrEqual(167_000_000);
  });

  it('prices Gemini Imagen models per image through its OpenAI endpoint', () => {
    expect(price('gemini', 'imagen-3.0-generate-002', '1024x1024/auto')).toMatchObject({ perImage: 0.03 });
    expect(price('gemini', 'models/imagen-4.0-generate-001')).toMatchObject({ perImage: 0.04 });
  });

  it('has no ElevenLabs price (plan-dependent): null until the person sets one, never free', () => {
    expect(price('elevenlabs', 'eleven_multilingual_v2')).toBeNull();
    expect(price('elevenlabs', 'scribe_v1')).toBeNull();
    const overrides = [{ model: 'eleven_multilingual_v2', inputPerM: 0, outputPerM: 0, perMChars: 180 }];
    expect(priceFor({ providerId: 'elevenlabs', model: 'eleven_multilingual_v2', overrides })).toEqual({ inputPerM: 0, outputPerM: 0, perMChars: 180, source: 'override' });
  });

  it('honours an override of a media model, and a flat per-image price whatever the variant', () => {
    const overrides = [{ model: 'dall-e-3', inputPerM: 0, outputPerM: 0, perImage: 0.05 }];
    expect(priceFor({ providerId: 'openai', model: 'dall-e-3', variant: '1792x1024/hd', overrides })).toMatchObject({ perImage: 0.05, source: 'override' });
    const minutes = [{ model: 'whisper-1', inputPerM: 0, outputPerM: 0, perMinute: 0.01 }];
    expect(priceFor({ providerId: 'openai', model: 'whisper-1', overrides: minutes })).toMatchObject({ perMinute: 0.01, source: 'override' });
  });

  it('a local endpoint costs nothing, as for chat', () => {
    expect(priceFor({ providerId: 'openai-compatible', model: 'whisper-1', baseUrl: 'http://localhost:8000/v1' })).toEqual({ inputPerM: 0, outputPerM: 0, source: 'local' });
  });

  it('costNano sums tokens and every unit, rounding up', () => {
    const p = { inputPerM: 1, outputPerM: 2, perMChars: 15, perMinute: 0.006, perImage: 0.04 };
    expect(costNano(p, { inputTokens: 1, outputTokens: 1, units: { characters: 1, seconds: 1, images: 1 } })).toBe(1_000 + 2_000 + 15_000 + 100_000 + 40_000_000);
    expect(costNano({ inputPerM: 0, outputPerM: 0, perMinute: 0.001 }, { inputTokens: 0, outputTokens: 0, units: { seconds: 1 } })).toBe(16_667);
    expect(costNano({ inputPerM: 0, outputPerM: 0 }, { inputTokens: 0, outputTokens: 0, units: { images: 3 } })).toBe(0);
  });
});
