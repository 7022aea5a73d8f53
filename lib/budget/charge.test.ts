import { describe, expect, it } from 'vitest';
import { chargeNano } from './charge';

const price = { inputPerM: 1, outputPerM: 1 }; // 1,000 nano-dollars a token

describe('chargeNano', () => {
  it('records what the provider billed in full, above the reservation too', () => {
    expect(chargeNano(price, 30_000, { inputTokens: 5, outputTokens: 50_000 }, { inputTokens: 5, outputTokens: 50_000 })).toBe(50_005_000);
  });

  it("keeps the wallet's own count within the reservation when the provider reported nothing", () => {
    expect(chargeNano(price, 30_000, null, { inputTokens: 20, outputTokens: 400 })).toBe(30_000);
    expect(chargeNano(price, 30_000, undefined, { inputTokens: 2, outputTokens: 3 })).toBe(5_000);
  });

  it('a cut-short call: the larger of what the provider reported and the capped count of what streamed', () => {
    // Anthropic reports the input at the start, the output only at the end: the wallet counts what streamed.
    expect(chargeNano(price, 30_000, { inputTokens: 10, outputTokens: 0 }, { inputTokens: 10, outputTokens: 8 })).toBe(18_000);
    expect(chargeNano(price, 30_000, { inputTokens: 100, outputTokens: 0 }, { inputTokens: 100, outputTokens: 8 })).toBe(100_000);
  });
});
