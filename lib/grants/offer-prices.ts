/**
 * Each offered model with its price on the key that would serve it, so the approval window can say
 * what the site may spend per token (the same lookup the budget uses: lib/budget/prices.ts).
 */
import type { KeyView } from '../keys/keyring';
import type { PriceOverride } from '../db/tables/prices';
import { priceFor } from '../budget/prices';
import type { ModelOffer } from './offers';

export interface OfferPrice {
  inputPerM: number;
  outputPerM: number;
  /** A media model's own rates (lib/budget/media-prices.ts); an image model's at its dearest size and quality. */
  perMChars?: number;
  perMinute?: number;
  perImage?: number;
  /** 'local': an endpoint on this computer, free unless the person set a price. */
  source: 'table' | 'override' | 'local';
}

/** `price` null: no price is known, and the wallet refuses the model until one is set. */
export type PricedOffer = ModelOffer & { price: OfferPrice | null };

export function priceOffers(offers: readonly ModelOffer[], keys: readonly KeyView[], overrides: readonly PriceOverride[]): PricedOffer[] {
  const byId = new Map(keys.map((k) => [k.id, k]));
  return offers.map((offer) => {
    const key = byId.get(offer.keyId);
    const price = key
      ? priceFor({ providerId: key.provider, model: offer.model, baseUrl: key.baseUrl, overrides: overrides.filter((o) => o.keyId === key.id) })
      : null;
    if (!price) return { ...offer, price: null };
    const { inputPerM, outputPerM, perMChars, perMinute, perImage, source } = price;
    const media = { ...(perMChars !== undefined ? { perMChars } : {}), ...(perMinute !== undefined ? { perMinute } : {}), ...(perImage !== undefined ? { perImage } : {}) };
    return { ...offer, price: { inputPerM, outputPerM, ...media, source } };
  });
}
