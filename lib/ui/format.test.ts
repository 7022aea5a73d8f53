import { describe, expect, it } from 'vitest';
import { formatPricePerM, formatUsdSummary, perPeriod, periodLabel, priceInWords } from './format';

describe('formatUsdSummary: money in summaries', () => {
  it('shows cents', () => {
    expect(formatUsdSummary(0)).toBe('$0.00');
    expect(formatUsdSummary(0.05)).toBe('$0.05');
    expect(formatUsdSummary(1.5)).toBe('$1.50');
    expect(formatUsdSummary(1234.567)).toBe('$1,234.57');
  });

  it('says "< $0.01" for less than a cent, never a long decimal', () => {
    expect(formatUsdSummary(0.000025)).toBe('< $0.01');
    expect(formatUsdSummary(0.00062)).toBe('< $0.01');
    expect(formatUsdSummary(0.0099)).toBe('< $0.01');
  });

  it('keeps a sign and refuses what is not a number', () => {
    expect(formatUsdSummary(-2)).toBe('-$2.00');
    expect(formatUsdSummary(Number.NaN)).toBe('—');
  });
});

describe('formatPricePerM', () => {
  it('reads like a price list', () => {
    expect(formatPricePerM({ inputPerM: 0.15, outputPerM: 0.6 })).toBe('$0.15 / $0.60 per 1M tokens in/out');
    expect(formatPricePerM({ inputPerM: 10, outputPerM: 50 })).toBe('$10.00 / $50.00 per 1M tokens in/out');
    expect(formatPricePerM({ inputPerM: 0.075, outputPerM: 0.3 })).toBe('$0.075 / $0.30 per 1M tokens in/out');
    expect(formatPricePerM({ inputPerM: 0.02, outputPerM: 0 })).toBe('$0.02 / $0.00 per 1M tokens in/out');
  });
});

describe('priceInWords', () => {
  it('says a price, free, or that none is set', () => {
    expect(priceInWords({ inputPerM: 0.15, outputPerM: 0.6, source: 'table' })).toBe('$0.15 / $0.60 per 1M tokens in/out');
    expect(priceInWords({ inputPerM: 0, outputPerM: 0, source: 'local' })).toBe('free (local)');
    expect(priceInWords(null)).toMatch(/^no price set/);
  });
});

describe('perPeriod', () => {
  it('names the period after an amount', () => {
    expect(perPeriod('day')).toBe('per day');
    expect(perPeriod('week')).toBe('per week');
    expect(perPeriod('month')).toBe('per month');
    expect(perPeriod('total')).toBe('in total');
  });
});

describe('periodLabel', () => {
  it('names the period a spent amount counts over', () => {
    expect(['day', 'week', 'month', 'total'].map((p) => periodLabel(p as never))).toEqual(['today', 'this week', 'this month', 'in total']);
  });
});
