/** What the person is told about a model's price on a key: theirs, the dated table's, local, or unknown; a media model's in its own unit. */
import { PRICES_UPDATED, priceFor } from '../budget/prices';
import { t } from '../i18n/t';
import type { PriceOverride } from '../db/tables/prices';
import { mediaPriceFor, mediaUnitOf } from '../grants/media-price';
import { formatMediaPrice } from '../ui/format';

type Override = Pick<PriceOverride, 'model' | 'inputPerM' | 'outputPerM' | 'perMChars' | 'perMinute' | 'perImage'>;

export function priceNote(key: { provider: string; baseUrl?: string | undefined }, model: string, overrides: readonly Override[]): string {
  if (mediaUnitOf(model)) {
    const media = mediaPriceFor({ providerId: key.provider, model, baseUrl: key.baseUrl, overrides });
    if (!media) return t('prices_noteUnknown');
    if (media.source === 'local') return t('prices_noteLocal');
    return media.source === 'override' ? t('prices_noteOverrideMedia', formatMediaPrice(media)) : t('prices_noteTableMedia', PRICES_UPDATED, formatMediaPrice(media));
  }
  const price = priceFor({ providerId: key.provider, model, baseUrl: key.baseUrl, overrides });
  if (!price) return t('prices_noteUnknown');
  if (price.source === 'override') return t('prices_noteOverride', `$${price.inputPerM}`, `$${price.outputPerM}`);
  if (price.source === 'local') return t('prices_noteLocal');
  return t('prices_noteTable', PRICES_UPDATED, `$${price.inputPerM}`, `$${price.outputPerM}`);
}

/** How a price the person set reads in the list: per million tokens in and out, or in the media model's unit. */
export function overrideInWords(row: Override): string {
  const unit = mediaUnitOf(row.model);
  const media = unit ? row[unit] : undefined;
  return unit && media !== undefined ? formatMediaPrice({ unit, usd: media }) : t('prices_overrideTokens', `$${row.inputPerM}`, `$${row.outputPerM}`);
}
