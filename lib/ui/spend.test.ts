import { describe, expect, it } from 'vitest';
import { spendState, spentPercent } from './spend';

describe('spend against the budget', () => {
  it('is fine below 80%, near from 80%, over at or past the cap', () => {
    expect(spendState(0, 1)).toBe('ok');
    expect(spendState(0.79, 1)).toBe('ok');
    expect(spendState(0.8, 1)).toBe('near');
    expect(spendState(0.99, 1)).toBe('near');
    expect(spendState(1, 1)).toBe('over');
    expect(spendState(0.00062, 0.0001)).toBe('over');
  });

  it('treats a zero budget with nothing spent as fine', () => {
    expect(spendState(0, 0)).toBe('ok');
    expect(spendState(0.000001, 0)).toBe('over');
  });

  it('gives a short percentage', () => {
    expect(spentPercent(0.5, 1)).toBe(50);
    expect(spentPercent(0.00062, 0.0001)).toBe(620);
    expect(spentPercent(5, 0.0001)).toBe(999);
    expect(spentPercent(0, 0)).toBe(0);
  });
});
