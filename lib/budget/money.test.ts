import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNeedAndLeft, formatUsd } from './money';

describe('formatUsd', () => {
  it.each([
    [0, '0'],
    [1_200_000, '0.0012'],
    [100_000_000, '0.1'],
    [123_456_789, '0.12'],
    [1_000_000_000, '1.00'],
    [12_345_000_000, '12.35'],
  ])('%i nano-USD reads $%s', (nano, text) => {
    expect(formatUsd(nano)).toBe(text);
  });
});

describe('a refusal names its need and what is left', () => {
  it('with the digits it takes to tell them apart', () => {
    expect(formatNeedAndLeft(123_490_000, 123_410_000)).toEqual(['0.1235', '0.1234']);
    expect(formatNeedAndLeft(1_234_000_000, 1_231_000_000)).toEqual(['1.234', '1.231']);
    expect(formatNeedAndLeft(50_000_000, 0)).toEqual(['0.05', '0']);
    expect(formatNeedAndLeft(2_500_000, 1_000_000)).toEqual(['0.0025', '0.001']);
    expect(formatNeedAndLeft(1_000_000_000, 999_999_000)).toEqual(['1.000000', '0.999999']);
  });

  it('never reads the same for a need above what is left', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 * 1e9 }), fc.integer({ min: 1, max: 1e9 }), (left, over) => {
        const [need, leftText] = formatNeedAndLeft(left + over, left);
        expect(Number(need)).toBeGreaterThan(Number(leftText));
      }),
      { numRuns: 2_000 },
    );
  });
});
