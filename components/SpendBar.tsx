import type { Grant } from '@/lib/ui/types';
import { formatUsdAmount, periodLabel } from '@/lib/ui/format';

/** This period's spend against the budget. */
export function SpendBar({ grant }: { grant: Grant }) {
  const { usd, period } = grant.budget;
  return (
    <div>
      <progress aria-label={`Spend of ${grant.origin}`} max={usd || 1} value={Math.min(grant.spentUsd, usd || 1)} />
      <div className="muted">
        ${formatUsdAmount(grant.spentUsd)} of ${formatUsdAmount(usd)} {periodLabel(period)}
      </div>
    </div>
  );
}
