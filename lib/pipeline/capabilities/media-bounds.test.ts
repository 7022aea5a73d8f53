/**
 * The media budgets are true upper bounds: for any text length, speed, audio duration, image
 * size, quality and count, what settlement charges from the metered units (or from the tokens a
 * provider reports within its own limits) never exceeds what admission reserved.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { priceFor } from '../../budget/prices';
import { costNano } from '../../budget/price';
import { chargeNano } from '../../budget/charge';
import { imageModel, imagePrice } from '../../budget/media-prices';
import { ImageQuality, ImageSize } from '../../protocol/media';
import type { AudioInfo } from '../../media/duration';
import { speech } from './speech';
import { transcription } from './transcription';
import { images, imageRequestVariant } from './images';

const limits = { maxOutputTokens: undefined, defaultMaxTokens: 1_000 };

/** The charge a settlement makes of `counted`, and the reservation, from the bound. */
function settle<B extends { upperBound: Parameters<typeof costNano>[1] }>(price: NonNullable<ReturnType<typeof priceFor>>, bound: B, counted: { billed: Parameters<typeof costNano>[1] | null; counted: Parameters<typeof costNano>[1] }) {
  const reserved = costNano(price, bound.upperBound);
  return { reserved, charged: chargeNano(price, reserved, counted.billed, counted.counted), estimate: costNano(price, counted.counted) };
}

describe('media bounds (property)', () => {
  it('speech: the metered charge never exceeds the reservation', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('tts-1', 'tts-1-hd', 'gpt-4o-mini-tts'),
        fc.string({ minLength: 1, maxLength: 2_000, unit: 'grapheme' }),
        fc.option(fc.double({ min: 0.25, max: 4, noNaN: true }), { nil: undefined }),
        fc.option(fc.string({ maxLength: 200 }), { nil: undefined }),
        (model, text, speed, instructions) => {
          const price = priceFor({ providerId: 'openai', model })!;
          const bound = speech.bound({ text, speed, instructions }, model, limits, price);
          const counted = speech.count({ audio: new Uint8Array(), mimeType: 'audio/mpeg', model }, bound);
          const { reserved, charged, estimate } = settle(price, bound, counted);
          expect(estimate).toBeLessThanOrEqual(reserved);
          expect(charged).toBeLessThanOrEqual(reserved);
          expect(counted.units).toEqual({ characters: text.length });
        },
      ),
    );
  });

  it('transcription: whole seconds at the per-minute price, or reported tokens within the model’s limits, never exceed the reservation', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(['openai', 'whisper-1'], ['openai', 'gpt-4o-transcribe'], ['openai', 'gpt-4o-mini-transcribe'], ['groq', 'whisper-large-v3'], ['groq', 'whisper-large-v3-turbo']),
        fc.double({ min: 0.01, max: 1_500, noNaN: true }),
        fc.option(fc.string({ maxLength: 500 }), { nil: undefined }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ([providerId, model], seconds, prompt, audioShare, outputShare) => {
          const price = priceFor({ providerId: providerId!, model: model! })!;
          const measured: AudioInfo = { container: 'wav', mimeType: 'audio/wav', seconds };
          const bound = transcription.bound({ audio: new Uint8Array(1), measured, prompt }, model!, limits, price);
          expect(bound.units).toEqual({ seconds: Math.ceil(seconds) });
          // OpenAI's audio models count 10 tokens a second of audio, and write at most 2 000.
          const reported = price.inputPerM > 0 ? { inputTokens: Math.floor(audioShare * 10 * seconds) + (prompt?.length ?? 0), outputTokens: Math.floor(outputShare * 2_000) } : null;
          for (const usage of [null, reported]) {
            const counted = transcription.count({ text: '', model: model!, usage }, bound);
            const { reserved, charged, estimate } = settle(price, bound, counted);
            expect(estimate).toBeLessThanOrEqual(reserved);
            expect(charged).toBeLessThanOrEqual(reserved);
          }
        },
      ),
    );
  });

  it('images: n at the price of the size and quality asked, or the tokens gpt-image-1 reports, never exceed the reservation', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('dall-e-2', 'dall-e-3', 'gpt-image-1'),
        fc.option(fc.constantFrom(...ImageSize.options), { nil: undefined }),
        fc.option(fc.constantFrom(...ImageQuality.options), { nil: undefined }),
        fc.integer({ min: 1, max: 10 }),
        fc.string({ minLength: 1, maxLength: 1_000 }),
        fc.integer({ min: 0, max: 10 }),
        (model, size, quality, n, prompt, made) => {
          const request = { prompt, n, ...(size ? { size } : {}), ...(quality ? { quality } : {}) };
          let variant: string;
          try {
            variant = imageRequestVariant(request, model);
          } catch {
            return; // refused (-32602) before anything is reserved
          }
          const price = priceFor({ providerId: 'openai', model, variant })!;
          expect(price).not.toBeNull();
          const bound = images.bound(request, model, limits, price);
          const k = Math.min(made, n);
          const outcomeImages = Array.from({ length: k }, () => ({ bytes: new Uint8Array(1), mimeType: 'image/png' }));
          // gpt-image-1 reports the prompt's tokens (at most its bytes) and its images' output tokens.
          const perImageTokens = Math.floor((imagePrice(imageModel(model)!, variant)! / 40) * 1e6);
          const usage = price.outputPerM > 0 ? { inputTokens: new TextEncoder().encode(prompt).length, outputTokens: k * perImageTokens } : null;
          const counted = images.count({ images: outcomeImages, model, usage }, bound);
          const { reserved, charged, estimate } = settle(price, bound, counted);
          expect(estimate).toBeLessThanOrEqual(reserved);
          expect(charged).toBeLessThanOrEqual(reserved);
          expect(counted.units).toEqual({ images: k });
        },
      ),
    );
  });
});
