import type { Grant } from '@/lib/ui/types';
import { t } from '@/lib/i18n/t';
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
      <progress aria-label={t('spend_label', grant.origin)} max={usd || 1} value={Math.min(grant.spentUsd, usd || 1)} />
      <div className="muted">{t('spend_summary', formatUsdSummary(grant.spentUsd), formatUsdSummary(usd), periodLabel(period))}</div>
      {state === 'near' ? (
        <p role="status" className="warn">
          {t('spend_near', spentPercent(grant.spentUsd, usd))}
        </p>
      ) : null}
      {state === 'over' ? (
        <p role="status" className="error">
          <strong>{t('spend_overTitle')}</strong> {t('spend_overDetail', periodLabel(period))}
        </p>
      ) : null}
    </div>
  );
}
