/** Nano-USD as exact decimal text, for exports: 12345 → `0.000012345`. */
export function nanoToDecimal(nano: number): string {
  const sign = nano < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(nano));
  const whole = Math.floor(abs / 1e9);
  const frac = String(abs % 1e9).padStart(9, '0');
  return `${sign}${whole}.${frac}`;
}
