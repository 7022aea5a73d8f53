/** Where a site stands against its budget, for summaries (popup, site list): fine, near the cap, or over it. */
export type SpendState = 'ok' | 'near' | 'over';

/** "Near" from this share of the budget on. */
export const NEAR_BUDGET = 0.8;

export function spendState(spentUsd: number, budgetUsd: number): SpendState {
  if (spentUsd > 0 && spentUsd >= budgetUsd) return 'over';
  if (budgetUsd > 0 && spentUsd >= budgetUsd * NEAR_BUDGET) return 'near';
  return 'ok';
}

/** The share of the budget spent, as a whole percent (never above 999, so it stays a short word). */
export function spentPercent(spentUsd: number, budgetUsd: number): number {
  if (budgetUsd <= 0) return spentUsd > 0 ? 999 : 0;
  return Math.min(999, Math.floor((spentUsd / budgetUsd) * 100 + 1e-9));
}
