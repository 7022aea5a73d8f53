/**
 * A media model's price in its own unit, for the wallet's pages (the approval window, Prices):
 * speech per million characters, transcription per minute of audio, images per image. The
 * wallet's own lookup (lib/budget/prices.ts `priceFor`) answers first where it knows the rate;
 * else the person's override in that unit, then 0 on this computer. Null when none is known: the
 * wallet refuses the model until one is set, never counting it free.
 */
import type { PriceOverride } from '../db/tables/prices';
import type { KeyView } from '../keys/keyring';
import { priceFor } from '../budget/prices';
import { isLocalBaseUrl, presetFor } from '../providers/presets';
import { modelKind } from '../providers/model-kind';
import type { PricedOffer } from './offer-prices';

export type MediaUnit = 'perMChars' | 'perMinute' | 'perImage';
export const MEDIA_UNITS: readonly MediaUnit[] = ['perMChars', 'perMinute', 'perImage'];

/** The unit a model is priced in: null for chat and embedding models (per million tokens). */
export function mediaUnitOf(model: string): MediaUnit | null {
  const kind = modelKind(model);
  return kind === 'speech' ? 'perMChars' : kind === 'transcription' ? 'perMinute' : kind === 'image' ? 'perImage' : null;
}

export interface MediaPrice {
  unit: MediaUnit;
  usd: number;
  source: 'table' | 'override' | 'local';
}

type Rates = Partial<Record<MediaUnit, number>>;
type Override = Pick<PriceOverride, 'model' | 'inputPerM' | 'outputPerM'> & Rates;

export interface MediaPriceQuery {
  providerId: string;
  model: string;
  baseUrl?: string | undefined;
  /** Prices the person set for this key; matched by exact model id. */
  overrides?: readonly Override[];
}

export function mediaPriceFor(query: MediaPriceQuery): MediaPrice | null {
  const unit = mediaUnitOf(query.model);
  if (!unit) return null;
  // A price carrying media rates (the budget's lookup, once it has them) is read as it is.
  const price = priceFor(query) as (Rates & { source: MediaPrice['source'] }) | null;
  const rate = price?.[unit];
  if (price && rate !== undefined) return { unit, usd: rate, source: price.source };
  const override = query.overrides?.find((o) => o.model === query.model)?.[unit];
  if (override !== undefined) return { unit, usd: override, source: 'override' };
  if (isLocalBaseUrl(query.baseUrl || presetFor(query.providerId)?.defaultBaseUrl)) return { unit, usd: 0, source: 'local' };
  return null;
}

/**
 * The approval window's offers with each media model's rate in its unit field (as
 * lib/grants/offer-prices.ts gives it where the budget's lookup knows it): filled from
 * {@link mediaPriceFor} where the offer has no rate of its own.
 */
export function withMediaRates(offers: readonly PricedOffer[], keys: readonly KeyView[], overrides: readonly PriceOverride[]): PricedOffer[] {
  return offers.map((offer) => {
    const unit = mediaUnitOf(offer.model);
    const own = offer.price as (Rates & object) | null;
    if (!unit || own?.[unit] !== undefined) return offer;
    const key = keys.find((k) => k.id === offer.keyId);
    const media = key ? mediaPriceFor({ providerId: key.provider, model: offer.model, baseUrl: key.baseUrl, overrides: overrides.filter((o) => o.keyId === key.id) }) : null;
    return media ? { ...offer, price: { inputPerM: 0, outputPerM: 0, [unit]: media.usd, source: media.source } } : offer;
  });
}
