/** What the person is told about a model's price on a key: theirs, the dated table's, local, or unknown; a media model's in its own unit. */
import { PRICES_UPDATED, priceFor } from '../budget/prices';
import { messages } from '../protocol/messages';
import type { PriceOverride } from '../db/tables/prices';
import { mediaPriceFor, mediaUnitOf } from '../grants/media-price';
import { formatMediaPrice } from '../ui/format';

type Override = Pick<PriceOverride, 'model' | 'inputPerM' | 'outputPerM' | 'perMChars' | 'perMinute' | 'perImage'>;

export function priceNote(key: { provider: string; baseUrl?: string | undefined }, model: string, overrides: readonly Override[]): string {
  if (mediaUnitOf(model)) {
    const media = mediaPriceFor({ providerId: key.provider, model, baseUrl: key.baseUrl, overrides });
    if (!media) return messages.priceUnknown();
    if (media.source === 'local') return messages.priceLocal();
    return media.source === 'override' ? messages.priceOverrideMedia(formatMediaPrice(media)) : messages.priceTableMedia(formatMediaPrice(media), PRICES_UPDATED);
  }
  const price = priceFor({ providerId: key.provider, model, baseUrl: key.baseUrl, overrides });
  if (!price) return messages.priceUnknown();
  if (price.source === 'override') return messages.priceOverride(price.inputPerM, price.outputPerM);
  if (price.source === 'local') return messages.priceLocal();
  return messages.priceTable(price.inputPerM, price.outputPerM, PRICES_UPDATED);
}

/** How a price the person set reads in the list: per million tokens in and out, or in the media model's unit. */
export function overrideInWords(row: Override): string {
  const unit = mediaUnitOf(row.model);
  const media = unit ? row[unit] : undefined;
  return unit && media !== undefined ? formatMediaPrice({ unit, usd: media }) : `$${row.inputPerM} in / $${row.outputPerM} out`;
}
