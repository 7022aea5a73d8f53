import type { Grant } from '@/lib/ui/types';
import { formatUsdAmount, periodLabel } from '@/lib/ui/format';
import { messages } from '@/lib/protocol/messages';

/**
 * This period's spend against the budget. A spend above the budget can only come from a provider
 * billing more than the wallet reserved (docs/BUDGETS.md): it is said in plain words.
 */
export function SpendBar({ grant }: { grant: Grant }) {
  const { usd, period } = grant.budget;
  return (
    <div>
      <progress aria-label={`Spend of ${grant.origin}`} max={usd || 1} value={Math.min(grant.spentUsd, usd || 1)} />
      <div className="muted">
        ${formatUsdAmount(grant.spentUsd)} of ${formatUsdAmount(usd)} {periodLabel(period)}
      </div>
      {grant.spentUsd > usd ? (
        <p role="status" className="error">
          {messages.overBudget()}
        </p>
      ) : null}
    </div>
  );
}
