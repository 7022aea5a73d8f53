/**
 * The dated price table of speech, transcription and image models, in each one's own unit (USD
 * per million characters, per minute of audio, per image by size and quality), beside the token
 * rates of the models the provider bills by tokens (docs/BUDGETS.md, "Speech, transcription, images").
 *
 * Sources, read on MEDIA_PRICES_UPDATED: developers.openai.com/api/docs/pricing and the model
 * pages (tts-1, tts-1-hd, gpt-4o-mini-tts, whisper-1, gpt-4o(-mini)-transcribe, dall-e-2,
 * dall-e-3, gpt-image-1); console.groq.com/docs/models and groq.com/pricing;
 * ai.google.dev/gemini-api/docs/pricing (Imagen). ElevenLabs bills by plan: it has no row here,
 * and its models are refused (4402) until the person sets their price.
 *
 * Where the provider bills tokens (gpt-4o-mini-tts, gpt-4o(-mini)-transcribe, gpt-image-1), the
 * token rates are the highest of the model's input rates (audio or image input over text), so a
 * settlement from its reported tokens never counts low.
 */
import type { Price } from './price';

export const MEDIA_PRICES_UPDATED = '2026-12-06';

type ImageSizeId = '256x256' | '512x512' | '1024x1024' | '1792x1024' | '1024x1792' | '1536x1024' | '1024x1536';

export interface ImageModel {
  /** USD per image, by size then quality; the first quality is the model's default. */
  perImage: Readonly<Partial<Record<ImageSizeId, Readonly<Record<string, number>>>>>;
  /** The size the model makes when none is named. */
  defaultSize: ImageSizeId;
  /** How many images one request may ask for. */
  maxN: number;
  /** Token rates, for a model billed by tokens (its usage is reported). */
  tokens?: { inputPerM: number; outputPerM: number };
}

export type MediaEntry =
  | { kind: 'speech'; perMChars?: number; tokens?: { inputPerM: number; outputPerM: number } }
  | { kind: 'transcription'; perMinute: number; minSeconds?: number; tokens?: { inputPerM: number; outputPerM: number } }
  | { kind: 'image'; image: ImageModel };

const dallE3: ImageModel = {
  perImage: {
    '1024x1024': { standard: 0.04, hd: 0.08 },
    '1024x1792': { standard: 0.08, hd: 0.12 },
    '1792x1024': { standard: 0.08, hd: 0.12 },
  },
  defaultSize: '1024x1024',
  maxN: 1,
};

const dallE2: ImageModel = {
  perImage: { '256x256': { standard: 0.016 }, '512x512': { standard: 0.018 }, '1024x1024': { standard: 0.02 } },
  defaultSize: '1024x1024',
  maxN: 10,
};

/** gpt-image-1: its per-image prices are its output tokens (272 .. 6 240 an image) at $40 per million. */
const gptImage1: ImageModel = {
  perImage: {
    '1024x1024': { low: 0.011, medium: 0.042, high: 0.167 },
    '1024x1536': { low: 0.016, medium: 0.063, high: 0.25 },
    '1536x1024': { low: 0.016, medium: 0.063, high: 0.25 },
  },
  defaultSize: '1024x1024',
  maxN: 10,
  // Text input $5, image input $10 (the higher is used), image output $40 per million tokens.
  tokens: { inputPerM: 10, outputPerM: 40 },
};

/** An Imagen model: one price whatever the size (Gemini's OpenAI endpoint). */
const imagen = (usd: number): MediaEntry => ({
  kind: 'image',
  image: { perImage: { '1024x1024': { standard: usd }, '1536x1024': { standard: usd }, '1024x1536': { standard: usd } }, defaultSize: '1024x1024', maxN: 4 },
});

type MediaTable = Readonly<Record<string, MediaEntry>>;

const OPENAI: MediaTable = {
  'tts-1': { kind: 'speech', perMChars: 15 },
  'tts-1-hd': { kind: 'speech', perMChars: 30 },
  // Billed by tokens: text input $0.60, audio output $12 per million (bounded per character: ../pipeline/capabilities/speech.ts).
  'gpt-4o-mini-tts': { kind: 'speech', tokens: { inputPerM: 0.6, outputPerM: 12 } },
  'whisper-1': { kind: 'transcription', perMinute: 0.006 },
  // Billed by tokens (audio input $6, output $10 per million); $0.006 a minute is OpenAI's estimate.
  'gpt-4o-transcribe': { kind: 'transcription', perMinute: 0.006, tokens: { inputPerM: 6, outputPerM: 10 } },
  'gpt-4o-mini-transcribe': { kind: 'transcription', perMinute: 0.003, tokens: { inputPerM: 3, outputPerM: 5 } },
  'dall-e-3': { kind: 'image', image: dallE3 },
  'dall-e-2': { kind: 'image', image: dallE2 },
  'gpt-image-1': { kind: 'image', image: gptImage1 },
};

/** Groq bills each transcription for at least 10 seconds. */
const GROQ: MediaTable = {
  'whisper-large-v3': { kind: 'transcription', perMinute: 0.111 / 60, minSeconds: 10 },
  'whisper-large-v3-turbo': { kind: 'transcription', perMinute: 0.04 / 60, minSeconds: 10 },
  'playai-tts': { kind: 'speech', perMChars: 50 },
  'playai-tts-arabic': { kind: 'speech', perMChars: 50 },
};

const GEMINI: MediaTable = {
  'imagen-3.0-generate-002': imagen(0.03),
  'imagen-4.0-generate-001': imagen(0.04),
  'imagen-4.0-ultra-generate-001': imagen(0.06),
  'imagen-4.0-fast-generate-001': imagen(0.02),
};

const MEDIA_TABLES: Readonly<Record<string, MediaTable>> = { openai: OPENAI, groq: GROQ, gemini: GEMINI };

/** The media entry of `model` in the table of preset `tableId` (exact id, else without its snapshot date). */
export function mediaEntry(tableId: string | undefined, model: string): MediaEntry | undefined {
  const table = tableId && Object.hasOwn(MEDIA_TABLES, tableId) ? MEDIA_TABLES[tableId] : undefined;
  if (!table) return undefined;
  // Gemini's OpenAI endpoint lists its models as `models/<id>`.
  if (tableId === 'gemini') model = model.replace(/^models\//, '');
  if (Object.hasOwn(table, model)) return table[model];
  const undated = model.replace(/-\d{4}-\d{2}-\d{2}$/, '');
  return undated !== model && Object.hasOwn(table, undated) ? table[undated] : undefined;
}

/** A known image model by its id alone (the checks of a request's size, quality and n). */
export function imageModel(model: string): ImageModel | undefined {
  for (const id of Object.keys(MEDIA_TABLES)) {
    const entry = mediaEntry(id, model);
    if (entry?.kind === 'image') return entry.image;
  }
  return undefined;
}

/** An image request's price variant: its size and quality (`auto` or absent: the model's own choice). */
export function imageVariant(size: string | undefined, quality: string | undefined): string {
  return `${size ?? 'auto'}/${quality ?? 'auto'}`;
}

/**
 * The price of one image of `variant` on `model`: the named size and quality; `auto` (or an
 * absent size on a model whose default is not fixed) takes the dearest the model could pick, so
 * the bound holds whatever it picks. Undefined for a size or quality the model does not make.
 */
export function imagePrice(model: ImageModel, variant: string): number | undefined {
  const [size = 'auto', quality = 'auto'] = variant.split('/');
  const sizes = size === 'auto' ? Object.values(model.perImage) : [model.perImage[size as ImageSizeId]];
  let most: number | undefined;
  for (const bySize of sizes) {
    if (!bySize) return undefined;
    const rates = quality === 'auto' ? Object.values(bySize) : Object.hasOwn(bySize, quality) ? [bySize[quality]!] : [];
    // `standard` names the default quality of a model whose qualities have other names.
    if (!rates.length && quality === 'standard') rates.push(Object.values(bySize)[0]!);
    if (!rates.length) return undefined;
    most = Math.max(most ?? 0, ...rates);
  }
  return most;
}

/** The price of a media model, its variant resolved; null: the model does not make that variant. */
export function mediaPrice(entry: MediaEntry, variant: string | undefined): Price | null {
  const tokens = entry.kind === 'image' ? entry.image.tokens : entry.tokens;
  const base: Price = { inputPerM: tokens?.inputPerM ?? 0, outputPerM: tokens?.outputPerM ?? 0 };
  if (entry.kind === 'speech') return entry.perMChars === undefined ? base : { ...base, perMChars: entry.perMChars };
  if (entry.kind === 'transcription') return { ...base, perMinute: entry.perMinute, ...(entry.minSeconds ? { minSeconds: entry.minSeconds } : {}) };
  const perImage = imagePrice(entry.image, variant ?? imageVariant(undefined, undefined));
  return perImage === undefined ? null : { ...base, perImage };
}
