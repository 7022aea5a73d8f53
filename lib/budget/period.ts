/** Budget periods are calendar periods in the person's local time. */
import type { Period } from '../db/tables/grants';

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of `at` in local time. */
export function localDay(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A key naming the period that contains `at`; spend resets when the key changes. */
export function periodKey(period: Period, at: number): string {
  const d = new Date(at);
  switch (period) {
    case 'day':
      return `d:${localDay(at)}`;
    case 'week': {
      const monday = new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7));
      return `w:${localDay(monday.getTime())}`;
    }
    case 'month':
      return `m:${d.getFullYear()}-${pad(d.getMonth() + 1)}`;
    case 'total':
      return 'total';
  }
}

/** The spend of a grant in the period containing `at`: zero once the period rolled over. */
export function spentInPeriod(grant: { period: Period; periodKey: string; spentNano: number }, at: number): number {
  return grant.periodKey === periodKey(grant.period, at) ? grant.spentNano : 0;
}
