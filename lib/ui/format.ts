/** Display helpers for amounts and periods. */
export function formatUsdAmount(usd: number): string {
  if (usd === 0) return '0.00';
  if (usd >= 1) return usd.toFixed(2);
  if (usd >= 0.01) return usd.toFixed(4).replace(/0+$/, '').replace(/\.$/, '.00');
  return usd.toPrecision(2);
}

export function periodLabel(period: 'day' | 'week' | 'month' | 'total'): string {
  return period === 'total' ? 'in total' : period === 'day' ? 'today' : `this ${period}`;
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
  return `${formatPerM(price.inputPerM)} / ${formatPerM(price.outputPerM)} per 1M tokens in/out`;
}

/** The unit each media price is per, after the amount. */
const MEDIA_UNIT_WORDS = { perMChars: '1M characters', perMinute: 'minute', perImage: 'image' } as const;
type MediaUnitName = keyof typeof MEDIA_UNIT_WORDS;

/** A media model's price in its unit: "$15.00 / 1M characters", "$0.006 / minute", "$0.04 / image". */
export function formatMediaPrice(media: { unit: MediaUnitName; usd: number }): string {
  return `${formatPerM(media.usd)} / ${MEDIA_UNIT_WORDS[media.unit]}`;
}

/** What a model costs, in words: its price per million tokens or in its media unit (the rate it carries), free on this computer, or unknown (then it is refused). */
export function priceInWords(price: ({ inputPerM: number; outputPerM: number; source: string } & Partial<Record<MediaUnitName, number>>) | null): string {
  if (!price) return 'no price set: refused until you set one';
  if (price.source === 'local') return 'free (local)';
  const unit = (Object.keys(MEDIA_UNIT_WORDS) as MediaUnitName[]).find((u) => price[u] !== undefined);
  return unit ? formatMediaPrice({ unit, usd: price[unit] as number }) : formatPricePerM(price);
}

/** "per day", "per month", "in total": how a budget's period reads after an amount. */
export function perPeriod(period: 'day' | 'week' | 'month' | 'total'): string {
  return period === 'total' ? 'in total' : `per ${period}`;
}
