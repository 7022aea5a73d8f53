/**
 * The wallet's dated price table, in USD per million tokens (standard tier: no batch, flex, fast
 * or regional surcharges), and the lookup the budget uses (docs/API.md, "What the wallet guarantees").
 *
 * Sources, read on PRICES_UPDATED: developers.openai.com/api/docs/models and /pricing;
 * platform.claude.com/docs/en/about-claude/pricing and the model pages; console.groq.com/docs/models;
 * api-docs.deepseek.com/quick_start/pricing; docs.x.ai; ai.google.dev/gemini-api/docs/pricing;
 * docs.together.ai. Where a provider bills more for long prompts, `long` holds that tier; where it
 * bills by time of day (DeepSeek), the peak price is used so the wallet never counts low.
 *
 * A model is matched by its exact id, then without a snapshot date suffix (`-2024-07-18`,
 * `-20250929`); never by prefix, because `gpt-5-pro` must not be priced as `gpt-5`. A model
 * with no known price is `null`: the wallet refuses it (4402) until the person sets a price.
 */
import { isLocalBaseUrl } from '../providers/local';
import { presetFor, presetForBaseUrl } from '../providers/presets';
import { mediaEntry, mediaPrice } from './media-prices';

export const PRICES_UPDATED = '2026-11-23';

/** USD per million tokens. */
export interface PricePerM {
  inputPerM: number;
  outputPerM: number;
}

/** A higher price for every token of a request whose input exceeds `aboveInputTokens`. */
export interface LongContextPrice extends PricePerM {
  aboveInputTokens: number;
}

export interface ModelPrice extends PricePerM {
  /** A media model's own rates (./media-prices.ts): per million characters, per minute, per image. */
  perMChars?: number;
  perMinute?: number;
  minSeconds?: number;
  perImage?: number;
  source: 'table' | 'override' | 'local';
  /** Present when the provider bills long prompts more; {@link costUsd} applies it. */
  longContext?: LongContextPrice;
}

interface Entry {
  in: number;
  out: number;
  /** The model's output cap in tokens, where known. */
  maxOut?: number;
  long?: { above: number; in: number; out: number };
}

type Table = Readonly<Record<string, Entry>>;

const K = 1_000;
/** OpenAI's GPT-5.4+ rule: above 272K input tokens, input x2 and output x1.5 for the request. */
const openaiLong = (input: number, output: number, above = 272 * K) => ({ above, in: input * 2, out: output * 1.5 });

const OPENAI: Table = {
  'gpt-6-astra': { in: 10, out: 50, maxOut: 128 * K, long: openaiLong(10, 50) },
  'gpt-6.1-sol': { in: 2, out: 10, maxOut: 128 * K, long: openaiLong(2, 10) },
  'gpt-6.1-terra': { in: 1, out: 5, maxOut: 128 * K, long: openaiLong(1, 5) },
  'gpt-6-sol': { in: 2, out: 10, maxOut: 128 * K, long: openaiLong(2, 10) },
  'gpt-6-luna': { in: 0.1, out: 0.5, maxOut: 128 * K, long: openaiLong(0.1, 0.5, 200 * K) },
  'gpt-5.6-sol': { in: 4, out: 20, maxOut: 128 * K, long: openaiLong(4, 20) },
  'gpt-5.6': { in: 4, out: 20, maxOut: 128 * K, long: openaiLong(4, 20) },
  'gpt-5.6-terra': { in: 2, out: 12, maxOut: 128 * K, long: openaiLong(2, 12) },
  'gpt-5.6-luna': { in: 0.2, out: 1.2, maxOut: 128 * K, long: openaiLong(0.2, 1.2, 200 * K) },
  'gpt-5.5': { in: 5, out: 30, maxOut: 128 * K, long: openaiLong(5, 30) },
  'gpt-5.5-pro': { in: 30, out: 180, maxOut: 128 * K, long: openaiLong(30, 180) },
  'gpt-5.4': { in: 2.5, out: 15, maxOut: 128 * K, long: openaiLong(2.5, 15) },
  'gpt-5.4-mini': { in: 0.75, out: 4.5, maxOut: 128 * K },
  'gpt-5.4-nano': { in: 0.2, out: 1.25, maxOut: 128 * K },
  'gpt-5.2': { in: 1.75, out: 14, maxOut: 128 * K },
  'gpt-5.1': { in: 1.25, out: 10, maxOut: 128 * K },
  'gpt-5': { in: 1.25, out: 10, maxOut: 128 * K },
  'gpt-5-mini': { in: 0.25, out: 2, maxOut: 128 * K },
  'gpt-5-nano': { in: 0.05, out: 0.4, maxOut: 128 * K },
  'gpt-5-pro': { in: 15, out: 120, maxOut: 128 * K },
  'gpt-4.1': { in: 2, out: 8, maxOut: 32_768 },
  'gpt-4.1-mini': { in: 0.4, out: 1.6, maxOut: 32_768 },
  'gpt-4.1-nano': { in: 0.1, out: 0.4, maxOut: 32_768 },
  'gpt-4o': { in: 2.5, out: 10, maxOut: 16_384 },
  'gpt-4o-2024-05-13': { in: 5, out: 15, maxOut: 4_096 },
  'gpt-4o-mini': { in: 0.15, out: 0.6, maxOut: 16_384 },
  'chatgpt-4o-latest': { in: 5, out: 15, maxOut: 16_384 },
  o1: { in: 15, out: 60, maxOut: 100 * K },
  'o1-pro': { in: 150, out: 600, maxOut: 100 * K },
  'o1-mini': { in: 1.1, out: 4.4, maxOut: 65_536 },
  o3: { in: 2, out: 8, maxOut: 100 * K },
  'o3-pro': { in: 20, out: 80, maxOut: 100 * K },
  'o3-mini': { in: 1.1, out: 4.4, maxOut: 100 * K },
  'o4-mini': { in: 1.1, out: 4.4, maxOut: 100 * K },
  'gpt-4-turbo': { in: 10, out: 30, maxOut: 4_096 },
  'gpt-4': { in: 30, out: 60, maxOut: 8_192 },
  'gpt-3.5-turbo': { in: 0.5, out: 1.5, maxOut: 4_096 },
  'text-embedding-3-small': { in: 0.02, out: 0 },
  'text-embedding-3-large': { in: 0.13, out: 0 },
  'text-embedding-ada-002': { in: 0.1, out: 0 },
};

const ANTHROPIC: Table = {
  'claude-fable-5-2': { in: 8, out: 40, maxOut: 128 * K },
  'claude-fable-5-1': { in: 10, out: 50, maxOut: 128 * K },
  'claude-fable-5': { in: 10, out: 50, maxOut: 128 * K },
  'claude-opus-5-5': { in: 4, out: 20, maxOut: 128 * K },
  'claude-opus-5': { in: 5, out: 25, maxOut: 128 * K },
  'claude-sonnet-5-5': { in: 2, out: 10, maxOut: 128 * K },
  'claude-sonnet-5': { in: 2, out: 10, maxOut: 128 * K },
  // Haiku 5.5 bills the whole request at the higher rate once the prompt passes 100K tokens.
  'claude-haiku-5-5': { in: 0.1, out: 0.5, maxOut: 128 * K, long: { above: 100 * K, in: 0.5, out: 2.5 } },
  'claude-opus-4-8': { in: 5, out: 25 },
  'claude-opus-4-7': { in: 5, out: 25 },
  'claude-opus-4-6': { in: 5, out: 25, maxOut: 128 * K },
  'claude-opus-4-5': { in: 5, out: 25, maxOut: 64 * K },
  'claude-opus-4-1': { in: 15, out: 75, maxOut: 32 * K },
  'claude-opus-4': { in: 15, out: 75, maxOut: 32 * K },
  'claude-opus-4-0': { in: 15, out: 75, maxOut: 32 * K },
  'claude-sonnet-4-6': { in: 3, out: 15, maxOut: 64 * K },
  'claude-sonnet-4-5': { in: 3, out: 15, maxOut: 64 * K, long: { above: 200 * K, in: 6, out: 22.5 } },
  'claude-sonnet-4': { in: 3, out: 15, maxOut: 64 * K, long: { above: 200 * K, in: 6, out: 22.5 } },
  'claude-sonnet-4-0': { in: 3, out: 15, maxOut: 64 * K, long: { above: 200 * K, in: 6, out: 22.5 } },
  'claude-haiku-4-5': { in: 1, out: 5, maxOut: 64 * K },
  'claude-3-7-sonnet': { in: 3, out: 15, maxOut: 64 * K },
  'claude-3-5-haiku': { in: 0.8, out: 4, maxOut: 8_192 },
  'claude-3-haiku': { in: 0.25, out: 1.25, maxOut: 4_096 },
  'claude-3-opus': { in: 15, out: 75, maxOut: 4_096 },
};

const GOOGLE: Table = {
  'gemini-2.5-pro': { in: 1.25, out: 10, maxOut: 65_536, long: { above: 200 * K, in: 2.5, out: 15 } },
  'gemini-2.5-flash': { in: 0.3, out: 2.5, maxOut: 65_536 },
  'gemini-2.5-flash-lite': { in: 0.1, out: 0.4, maxOut: 65_536 },
};

const XAI: Table = {
  'grok-4': { in: 3, out: 15, long: { above: 128 * K, in: 6, out: 30 } },
  'grok-4-0709': { in: 3, out: 15, long: { above: 128 * K, in: 6, out: 30 } },
  'grok-4-1-fast-reasoning': { in: 0.2, out: 0.5, long: { above: 128 * K, in: 0.4, out: 1 } },
  'grok-4-1-fast-non-reasoning': { in: 0.2, out: 0.5, long: { above: 128 * K, in: 0.4, out: 1 } },
  'grok-3': { in: 3, out: 15 },
  'grok-3-mini': { in: 0.3, out: 0.5 },
};

const GROQ: Table = {
  'llama-3.3-70b-versatile': { in: 0.59, out: 0.79, maxOut: 32_768 },
  'llama-3.1-8b-instant': { in: 0.05, out: 0.08, maxOut: 131_072 },
  'openai/gpt-oss-120b': { in: 0.15, out: 0.6, maxOut: 65_536 },
  'openai/gpt-oss-20b': { in: 0.075, out: 0.3, maxOut: 65_536 },
  'meta-llama/llama-4-scout-17b-16e-instruct': { in: 0.11, out: 0.34 },
  'qwen/qwen3-32b': { in: 0.29, out: 0.59 },
};

const TOGETHER: Table = {
  'openai/gpt-oss-120b': { in: 0.15, out: 0.6 },
  'meta-llama/Llama-3.3-70B-Instruct-Turbo': { in: 0.88, out: 0.88 },
};

/** DeepSeek bills half price off-peak; the peak price (the higher one) is used. */
const DEEPSEEK: Table = {
  'deepseek-flash': { in: 0.3, out: 1.2, maxOut: 384 * K },
  'deepseek-v4-flash': { in: 0.3, out: 1.2, maxOut: 384 * K },
  'deepseek-v4-pro': { in: 1.32, out: 3.96, maxOut: 384 * K },
};

/** The table of each preset that has one; OpenRouter resolves through the vendor prefix. */
const TABLES: Readonly<Record<string, Table>> = {
  openai: OPENAI,
  anthropic: ANTHROPIC,
  gemini: GOOGLE,
  xai: XAI,
  groq: GROQ,
  together: TOGETHER,
  deepseek: DEEPSEEK,
};

/** OpenRouter passes vendors' prices through; its ids are `vendor/model` (Anthropic's with dots). */
const OPENROUTER_VENDORS: Readonly<Record<string, { table: Table; id: (model: string) => string }>> = {
  openai: { table: OPENAI, id: (m) => m },
  anthropic: { table: ANTHROPIC, id: (m) => m.replace(/(\d)\.(\d)/g, '$1-$2') },
  google: { table: GOOGLE, id: (m) => m },
  'x-ai': { table: XAI, id: (m) => m },
};

const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;

/** The entry for `model`: exact id, else without its snapshot date (and Anthropic's `-latest`). */
function lookup(table: Table, model: string): Entry | undefined {
  const exact = own(table, model);
  if (exact) return exact;
  const undated = model.replace(/-\d{4}-\d{2}-\d{2}$/, '').replace(/-\d{8}$/, '');
  if (undated !== model) return own(table, undated);
  if (table === ANTHROPIC && model.endsWith('-latest')) return own(table, model.slice(0, -'-latest'.length));
  return undefined;
}

/** Whose table prices a key: its preset's, or for a generic key on a known host (e.g. 'openai-compatible' at api.groq.com) that host's. */
function tableIdFor(providerId: string, baseUrl: string | undefined): string | undefined {
  const known = own(TABLES, providerId) !== undefined || providerId === 'openrouter';
  return known ? providerId : presetForBaseUrl(baseUrl)?.id;
}

function entryFor(providerId: string, model: string, baseUrl: string | undefined): Entry | undefined {
  const id = tableIdFor(providerId, baseUrl);
  if (id === 'openrouter') {
    const slash = model.indexOf('/');
    const vendor = slash > 0 ? own(OPENROUTER_VENDORS, model.slice(0, slash)) : undefined;
    return vendor ? lookup(vendor.table, vendor.id(model.slice(slash + 1))) : undefined;
  }
  const table = id ? own(TABLES, id) : undefined;
  return table ? lookup(table, model) : undefined;
}

export interface PriceQuery {
  /** The key's preset id (`openai`, `anthropic`, `groq`, `openai-compatible`, ...). */
  providerId: string;
  model: string;
  /** The key's own base URL; without one, the preset's default counts. */
  baseUrl?: string | undefined;
  /** Prices the person set for this key; matched by exact model id. */
  overrides?: ReadonlyArray<{ model: string; inputPerM: number; outputPerM: number; perMChars?: number; perMinute?: number; perImage?: number }>;
  /**
   * The request's input tokens (an upper bound is fine). When it passes a long-context threshold
   * the long-context price is returned as the price itself, so a caller that ignores
   * `longContext` still never counts low.
   */
  inputTokens?: number;
  /** An image request's size and quality (`size/quality`, ./media-prices.ts `imageVariant`): its per-image price. */
  variant?: string;
}

/** The person's own rates, as set (the media ones only when set: a flat per-image price ignores the variant). */
function overridePrice(o: NonNullable<PriceQuery['overrides']>[number]): ModelPrice {
  return {
    inputPerM: o.inputPerM,
    outputPerM: o.outputPerM,
    ...(o.perMChars !== undefined ? { perMChars: o.perMChars } : {}),
    ...(o.perMinute !== undefined ? { perMinute: o.perMinute } : {}),
    ...(o.perImage !== undefined ? { perImage: o.perImage } : {}),
    source: 'override',
  };
}

/**
 * The price of `model` on this key: the person's override first, then 0 for a local endpoint,
 * then the table. `null` when none is known: never free.
 */
export function priceFor(query: PriceQuery): ModelPrice | null {
  const override = query.overrides?.find((o) => o.model === query.model);
  if (override) return overridePrice(override);
  const baseUrl = query.baseUrl || presetFor(query.providerId)?.defaultBaseUrl;
  if (isLocalBaseUrl(baseUrl)) return { inputPerM: 0, outputPerM: 0, source: 'local' };
  const media = mediaEntry(tableIdFor(query.providerId, baseUrl), query.model);
  if (media) {
    const price = mediaPrice(media, query.variant);
    return price ? { ...price, source: 'table' } : null;
  }
  const entry = entryFor(query.providerId, query.model, baseUrl);
  if (!entry) return null;
  const long = entry.long;
  if (long && query.inputTokens !== undefined && query.inputTokens > long.above) {
    return { inputPerM: long.in, outputPerM: long.out, source: 'table' };
  }
  return {
    inputPerM: entry.in,
    outputPerM: entry.out,
    source: 'table',
    ...(long ? { longContext: { aboveInputTokens: long.above, inputPerM: long.in, outputPerM: long.out } } : {}),
  };
}

/** The output cap of `model` where byok knows it (any provider's table), else undefined. */
export function maxOutputTokens(model: string): number | undefined {
  for (const table of [OPENAI, ANTHROPIC, GOOGLE, XAI, GROQ, TOGETHER, DEEPSEEK]) {
    const cap = lookup(table, model)?.maxOut;
    if (cap !== undefined) return cap;
  }
  const slash = model.indexOf('/');
  const vendor = slash > 0 ? own(OPENROUTER_VENDORS, model.slice(0, slash)) : undefined;
  return vendor ? lookup(vendor.table, vendor.id(model.slice(slash + 1)))?.maxOut : undefined;
}

/** The cost in USD of `usage` at `price`, with the long-context tier when the input passes it. */
export function costUsd(price: PricePerM & { longContext?: LongContextPrice }, usage: { inputTokens: number; outputTokens: number }): number {
  const long = price.longContext;
  const rate = long && usage.inputTokens > long.aboveInputTokens ? long : price;
  return (usage.inputTokens * rate.inputPerM + usage.outputTokens * rate.outputPerM) / 1_000_000;
}
