/** Display helpers for amounts and periods; their words come from the message file (lib/i18n/t.ts). */
import { t, type MessageKey } from '../i18n/t';

export function formatUsdAmount(usd: number): string {
  if (usd === 0) return '0.00';
  if (usd >= 1) return usd.toFixed(2);
  if (usd >= 0.01) return usd.toFixed(4).replace(/0+$/, '').replace(/\.$/, '.00');
  return usd.toPrecision(2);
}

type Period = 'day' | 'week' | 'month' | 'total';

const PERIOD_LABEL: Readonly<Record<Period, MessageKey>> = { day: 'format_today', week: 'format_thisWeek', month: 'format_thisMonth', total: 'format_inTotal' };

/** "today", "this week", "in total": the period a spent amount is counted over, after it. */
export function periodLabel(period: Period): string {
  return t(PERIOD_LABEL[period]);
}

export function formatTime(at: number): string {
  return new Date(at).toLocaleString();
}

/**
 * Money in summaries (spend bars, the popup, the approval window): whole cents, and "< $0.01" for
 * less, since "$0.000025" reads as noise there. Exact amounts stay in the request log.
 */
export function formatUsdSummary(usd: number): string {
  if (!Number.isFinite(usd)) return '—';
  if (usd < 0) return `-${formatUsdSummary(-usd)}`;
  if (usd === 0) return '$0.00';
  if (usd < 0.01) return '< $0.01';
  return `$${usd.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** A price per million tokens: cents at least, and as many digits as the price has (0.075 stays 0.075). */
export function formatPerM(usd: number): string {
  const digits = Math.min(6, Math.max(2, (String(Number(usd.toFixed(6))).split('.')[1] ?? '').length));
  return `$${usd.toFixed(digits)}`;
}

/** "$0.15 / $0.60 per 1M tokens in/out". */
export function formatPricePerM(price: { inputPerM: number; outputPerM: number }): string {
  return t('format_pricePerMTokens', formatPerM(price.inputPerM), formatPerM(price.outputPerM));
}

/** A media price in words, by the unit it is per (the amount goes in the message). */
const MEDIA_PRICE = { perMChars: 'format_pricePerMChars', perMinute: 'format_pricePerMinute', perImage: 'format_pricePerImage' } as const satisfies Record<string, MessageKey>;
type MediaUnitName = keyof typeof MEDIA_PRICE;

/** A media model's price in its unit: "$15.00 / 1M characters", "$0.006 / minute", "$0.04 / image". */
export function formatMediaPrice(media: { unit: MediaUnitName; usd: number }): string {
  return t(MEDIA_PRICE[media.unit], formatPerM(media.usd));
}

/** What a model costs, in words: its price per million tokens or in its media unit (the rate it carries), free on this computer, or unknown (then it is refused). */
export function priceInWords(price: ({ inputPerM: number; outputPerM: number; source: string } & Partial<Record<MediaUnitName, number>>) | null): string {
  if (!price) return t('format_noPrice');
  if (price.source === 'local') return t('format_freeLocal');
  const unit = (Object.keys(MEDIA_PRICE) as MediaUnitName[]).find((u) => price[u] !== undefined);
  return unit ? formatMediaPrice({ unit, usd: price[unit] as number }) : formatPricePerM(price);
}

/** "per day", "per month", "in total": how a budget's period reads after an amount. */
const PER_PERIOD: Readonly<Record<Period, MessageKey>> = { day: 'format_perDay', week: 'format_perWeek', month: 'format_perMonth', total: 'format_inTotal' };

export function perPeriod(period: Period): string {
  return t(PER_PERIOD[period]);
}
