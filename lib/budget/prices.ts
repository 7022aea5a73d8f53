/**
 * The wallet's price table, in USD per million tokens (standard tier: no batch, flex, fast or
 * regional surcharges), and the lookup the budget uses (docs/API.md, "What the wallet guarantees").
 *
 * The table is GENERATED (lib/budget/catalog.generated.ts, by `npm run prices:update`) from a
 * pinned, dated copy of a maintained catalog, data/catalog/genai-prices.json, plus byok's additions
 * (data/catalog/additions.json: models newer than the catalog, output caps, long-prompt tiers it
 * lacks). Where a provider bills more for long prompts, `long` holds that tier; where it bills by
 * time of day (DeepSeek), the peak price is used so the wallet never counts low.
 *
 * A model is matched by its exact id or one of the catalog's aliases (case-insensitively, as the
 * catalog does), then without a snapshot date suffix (`-2024-07-18`, `-20250929`); never by prefix,
 * because `gpt-5-pro` must not be priced as `gpt-5`. A model with no known price is `null`: the
 * wallet refuses it (4402) until the person sets a price.
 */
import { isLocalBaseUrl } from '../providers/local';
import { presetFor, presetForBaseUrl } from '../providers/presets';
import { mediaEntry, mediaPrice } from './media-prices';
import { CATALOG_SOURCE, TOKEN_CATALOG, type CatalogEntry } from './catalog.generated';

/** The date of the pinned catalog the built-in prices come from. */
export const PRICES_UPDATED: string = CATALOG_SOURCE.date;

/** Where the built-in prices come from, for the Prices page. */
export const PRICE_SOURCE = CATALOG_SOURCE;

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

type Table = Readonly<Record<string, CatalogEntry>>;

const EMPTY: Table = Object.freeze({});
const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;
const tableOf = (presetId: string): Table => own(TOKEN_CATALOG, presetId) ?? EMPTY;

/** The provider tables in the order {@link maxOutputTokens} asks them. */
const CAP_ORDER = ['openai', 'anthropic', 'gemini', 'xai', 'groq', 'together', 'deepseek', 'mistral', 'openrouter'];

/** OpenRouter passes vendors' prices through: a model its own list lacks is found at the vendor. */
const OPENROUTER_VENDORS: Readonly<Record<string, { preset: string; id: (model: string) => string }>> = {
  openai: { preset: 'openai', id: (m) => m },
  anthropic: { preset: 'anthropic', id: (m) => m.replace(/(\d)\.(\d)/g, '$1-$2') },
  google: { preset: 'gemini', id: (m) => m },
  'x-ai': { preset: 'xai', id: (m) => m },
  mistralai: { preset: 'mistral', id: (m) => m },
  deepseek: { preset: 'deepseek', id: (m) => m },
};

/** The entry for `model`: exact id or alias, else without its snapshot date (and `-latest`). */
function lookup(table: Table, model: string): CatalogEntry | undefined {
  const id = model.toLowerCase();
  const exact = own(table, id);
  if (exact) return exact;
  const undated = id.replace(/-\d{4}-\d{2}-\d{2}$/, '').replace(/-\d{8}$/, '');
  if (undated !== id) return own(table, undated);
  if (id.startsWith('claude-') && id.endsWith('-latest')) return own(table, id.slice(0, -'-latest'.length));
  return undefined;
}

/** Whose table prices a key: its preset's, or for a generic key on a known host (e.g. 'openai-compatible' at api.groq.com) that host's. */
function tableIdFor(providerId: string, baseUrl: string | undefined): string | undefined {
  return own(TOKEN_CATALOG, providerId) !== undefined ? providerId : presetForBaseUrl(baseUrl)?.id;
}

function vendorEntry(model: string): CatalogEntry | undefined {
  const slash = model.indexOf('/');
  const vendor = slash > 0 ? own(OPENROUTER_VENDORS, model.slice(0, slash)) : undefined;
  return vendor ? lookup(tableOf(vendor.preset), vendor.id(model.slice(slash + 1))) : undefined;
}

const openrouterEntry = (model: string): CatalogEntry | undefined => lookup(tableOf('openrouter'), model) ?? vendorEntry(model);

function entryFor(providerId: string, model: string, baseUrl: string | undefined): CatalogEntry | undefined {
  const id = tableIdFor(providerId, baseUrl);
  if (id === 'openrouter') return openrouterEntry(model);
  return id && own(TOKEN_CATALOG, id) ? lookup(tableOf(id), model) : undefined;
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
  for (const preset of CAP_ORDER) {
    const cap = lookup(tableOf(preset), model)?.maxOut;
    if (cap !== undefined) return cap;
  }
  return vendorEntry(model)?.maxOut;
}

/** The cost in USD of `usage` at `price`, with the long-context tier when the input passes it. */
export function costUsd(price: PricePerM & { longContext?: LongContextPrice }, usage: { inputTokens: number; outputTokens: number }): number {
  const long = price.longContext;
  const rate = long && usage.inputTokens > long.aboveInputTokens ? long : price;
  return (usage.inputTokens * rate.inputPerM + usage.outputTokens * rate.outputPerM) / 1_000_000;
}
