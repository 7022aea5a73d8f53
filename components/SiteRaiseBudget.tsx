import { useEffect, useState } from 'react';
import { call } from '@/lib/ui/client';
import { useAction } from '@/lib/ui/hooks';
import type { ApprovalView, RaiseView } from '@/lib/ui/types';
import { formatUsdAmount, periodLabel } from '@/lib/ui/format';
import { t } from '@/lib/i18n/t';
import { rich } from '@/lib/i18n/rich';
import { ErrorText, Field } from './Field';
import { PromptActions, preventSubmit } from './PromptActions';

/** An exact amount in dollars, the sign included: a message takes it whole (a `$$` right before a placeholder reads differently in Firefox). */
const usd = (amount: number) => `$${formatUsdAmount(amount)}`;

/**
 * The approval window in "raise budget" mode: a connected site's request would exceed its budget.
 * It shows what was spent and what the request may cost; Approve raises the budget to what the
 * person typed (the request is then admitted again), Reject or Escape refuses it (4402). Nothing was
 * sent. Its buttons are the connect prompt's, with the same input delay (PromptActions).
 */
export function RaiseBudgetForm({ approval, raise }: { approval: ApprovalView; raise: RaiseView }) {
  const [budget, setBudget] = useState(String(raise.suggestedUsd));
  useEffect(() => {
    document.title = t('title_raise');
  }, []);
  const decide = useAction(async (approve: boolean) => {
    if (!approve) return call('approvals.decide', { id: approval.id, approve: false });
    return call('approvals.raise', { id: approval.id, usd: Number(budget) });
  });
  const valid = budget.trim() !== '' && Number.isFinite(Number(budget)) && Number(budget) >= 0;
  return (
    <main className="narrow">
      <h1>{t('raise_heading')}</h1>
      <form onSubmit={preventSubmit} aria-label={t('raise_formLabel')}>
        <p>
          {rich(
            'raise_overBudget',
            <span className="origin" data-testid="requesting-origin">
              {approval.origin}
            </span>,
          )}
        </p>
        {approval.topOrigin ? (
          <p className="warn">{rich('approve_embedded', <span className="origin">{approval.topOrigin}</span>)}</p>
        ) : null}
        <table aria-label={t('raise_budget')}>
          <tbody>
            <tr>
              <th>{t('raise_budget')}</th>
              <td data-testid="raise-budget">
                {t('raise_budgetValue', usd(raise.budgetUsd), periodLabel(raise.period))}
              </td>
            </tr>
            <tr>
              <th>{t('raise_spent')}</th>
              <td data-testid="raise-spent">{usd(raise.spentUsd)}</td>
            </tr>
            {raise.heldUsd > 0 ? (
              <tr>
                <th>{t('raise_inFlight')}</th>
                <td>{usd(raise.heldUsd)}</td>
              </tr>
            ) : null}
            <tr>
              <th>{t('raise_thisRequest', raise.model)}</th>
              <td data-testid="raise-request">{usd(raise.requestUsd)}</td>
            </tr>
          </tbody>
        </table>
        <p className="muted">{t('raise_needed', usd(raise.neededUsd))}</p>
        <Field label={t('approve_budgetUsd')} type="number" inputMode="decimal" min="0" step="any" value={budget} onChange={(e) => setBudget(e.target.value)} />
        <ErrorText error={decide.error} />
        <PromptActions onApprove={() => void decide.run(true)} onReject={() => void decide.run(false)} busy={decide.busy} canApprove={valid} />
      </form>
    </main>
  );
}
