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
