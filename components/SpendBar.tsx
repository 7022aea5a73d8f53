import type { Grant } from '@/lib/ui/types';
import { formatUsdSummary, periodLabel } from '@/lib/ui/format';
import { spendState, spentPercent } from '@/lib/ui/spend';

/**
 * This period's spend against the budget, in summary money (exact amounts are in the request log),
 * with a warning near the cap and a clear one past it. A spend above the budget comes from a
 * lowered budget or a provider billing more than the wallet reserved (docs/BUDGETS.md).
 */
export function SpendBar({ grant }: { grant: Grant }) {
  const { usd, period } = grant.budget;
  const state = spendState(grant.spentUsd, usd);
  return (
    <div>
      <progress aria-label={`Spend of ${grant.origin}`} max={usd || 1} value={Math.min(grant.spentUsd, usd || 1)} />
      <div className="muted">
        {formatUsdSummary(grant.spentUsd)} of {formatUsdSummary(usd)} {periodLabel(period)}
      </div>
      {state === 'near' ? (
        <p role="status" className="warn">
          Near its budget: {spentPercent(grant.spentUsd, usd)}% used.
        </p>
      ) : null}
      {state === 'over' ? (
        <p role="status" className="error">
          <strong>Over budget: requests are refused.</strong> It spent more than its budget allows {periodLabel(period)} (a lowered budget, or a provider that billed more than the wallet
          reserved: see the audit log).
        </p>
      ) : null}
    </div>
  );
}
