/**
 * The media price table (./media-prices.ts) is hand-kept where the maintained catalog has no
 * unit for a price (per character, per image); wherever the catalog does price a media model
 * (per hour of audio, per million tokens), the two must agree, so a catalog update that moves a
 * price (`npm run prices:update`) fails here until the table follows.
 */
import { describe, expect, it } from 'vitest';
import { MEDIA_CATALOG } from './catalog.generated';
import { mediaEntry, type MediaEntry } from './media-prices';

const max = (...xs: (number | undefined)[]) => Math.max(...xs.map((x) => x ?? 0));

/** What the table's entry says in the catalog's units, where it can say it. */
function inCatalogUnits(entry: MediaEntry): { audioHours?: number; inputPerM?: number; outputPerM?: number } {
  const tokens = entry.kind === 'image' ? entry.image.tokens : entry.tokens;
  return {
    ...(entry.kind === 'transcription' ? { audioHours: entry.perMinute * 60 } : {}),
    ...(tokens ? { inputPerM: tokens.inputPerM, outputPerM: tokens.outputPerM } : {}),
  };
}

describe('the media price table and the catalog', () => {
  it('agree on every media model both price', () => {
    let compared = 0;
    for (const [preset, models] of Object.entries(MEDIA_CATALOG)) {
      for (const [model, rates] of Object.entries(models)) {
        const entry = mediaEntry(preset, model);
        if (!entry) continue;
        const ours = inCatalogUnits(entry);
        if (ours.audioHours !== undefined && rates.audio_hours !== undefined) {
          expect(ours.audioHours, `${preset} ${model} per hour`).toBeCloseTo(rates.audio_hours, 9);
          compared++;
        }
        if (ours.inputPerM !== undefined) {
          // The table bounds by the dearest input (text, audio or image) and output of the model.
          expect(ours.inputPerM, `${preset} ${model} input`).toBe(max(rates.input_mtok, rates.input_audio_mtok, rates.input_image_mtok));
          expect(ours.outputPerM, `${preset} ${model} output`).toBe(max(rates.output_mtok, rates.output_audio_mtok, rates.output_image_mtok));
          compared++;
        }
      }
    }
    // whisper-1, Groq's two whispers, gpt-4o(-mini)-transcribe, gpt-4o-mini-tts, gpt-image-1 at least.
    expect(compared).toBeGreaterThanOrEqual(7);
  });
});
