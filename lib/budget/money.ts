/**
 * Money is counted in whole nano-dollars (1e-9 USD) so that sums are exact: floating-point
 * dollars would drift across millions of tiny per-request costs.
 */
export type Nano = number;

export const NANO_PER_USD = 1_000_000_000;

/** A budget typed by a person: rounded down, so the cap is never above what they typed. */
export function usdToNanoFloor(usd: number): Nano {
  return Math.floor(usd * NANO_PER_USD + 1e-6);
}

export function nanoToUsd(nano: Nano): number {
  return nano / NANO_PER_USD;
}

/** The cost of `tokens` at `perMillionUsd`, rounded up to a whole nano-dollar. */
export function tokenCostNano(tokens: number, perMillionUsd: number): Nano {
  // tokens * perMillion / 1e6 USD = tokens * perMillion * 1000 nano
  return Math.ceil(tokens * perMillionUsd * 1000 - 1e-9);
}

/** `$0.0012` style: cents from a dollar up, else `digits` significant digits. */
export function formatUsd(nano: Nano, digits = 2): string {
  const usd = nanoToUsd(nano);
  if (usd === 0) return '0';
  if (usd >= 1) return usd.toFixed(digits);
  return usd.toPrecision(digits).replace(/\.?0+$/, '');
}

/**
 * A refused request's upper bound and what its site has left, with as many digits as it takes
 * to tell them apart: "may cost up to $0.12, $0.12 left" would not say why it was refused.
 */
export function formatNeedAndLeft(needNano: Nano, leftNano: Nano): [need: string, left: string] {
  let digits = 2;
  while (digits < 10 && Number(formatUsd(needNano, digits)) === Number(formatUsd(leftNano, digits))) digits++;
  return [formatUsd(needNano, digits), formatUsd(leftNano, digits)];
}
