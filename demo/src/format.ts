/** How the demo words money, periods and wallet errors. */
import { asByokError, type Budget, type Grant } from '../../client/src/core.js';

/** Dollars with enough digits to show what a cheap request costs. */
export const usd = (n: number) => `$${n === 0 ? '0' : n < 0.01 ? n.toFixed(6) : n.toFixed(2)}`;

const PERIOD: Record<Budget['period'], string> = { day: 'today', week: 'this week', month: 'this month', total: 'in total' };

export const spendText = (grant: Grant) => `Spent ${usd(grant.spentUsd)} of ${usd(grant.budget.usd)} ${PERIOD[grant.budget.period]}`;

/** A wallet error as one line: its message and code. */
export function errorText(e: unknown): string {
  const err = asByokError(e);
  return err ? `Error ${err.code}: ${err.message}` : `Error: ${e instanceof Error ? e.message : String(e)}`;
}
