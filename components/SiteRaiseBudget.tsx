import { useEffect, useState } from 'react';
import { call } from '@/lib/ui/client';
import { useAction } from '@/lib/ui/hooks';
import type { ApprovalView, RaiseView } from '@/lib/ui/types';
import { formatUsdAmount, periodLabel } from '@/lib/ui/format';
import { t } from '@/lib/i18n/t';
import { ErrorText, Field } from './Field';
import { PromptActions, preventSubmit } from './PromptActions';

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
      <h1>Raise a site’s budget</h1>
      <form onSubmit={preventSubmit} aria-label="Raise budget">
        <p>
          <span className="origin" data-testid="requesting-origin">
            {approval.origin}
          </span>{' '}
          would go over its budget.
        </p>
        {approval.topOrigin ? (
          <p className="warn">
            It is embedded in <span className="origin">{approval.topOrigin}</span>.
          </p>
        ) : null}
        <table aria-label="Budget">
          <tbody>
            <tr>
              <th>Budget</th>
              <td data-testid="raise-budget">
                ${formatUsdAmount(raise.budgetUsd)} {periodLabel(raise.period)}
              </td>
            </tr>
            <tr>
              <th>Spent</th>
              <td data-testid="raise-spent">${formatUsdAmount(raise.spentUsd)}</td>
            </tr>
            {raise.heldUsd > 0 ? (
              <tr>
                <th>Other requests in flight may cost</th>
                <td>${formatUsdAmount(raise.heldUsd)}</td>
              </tr>
            ) : null}
            <tr>
              <th>This request ({raise.model}) may cost up to</th>
              <td data-testid="raise-request">${formatUsdAmount(raise.requestUsd)}</td>
            </tr>
          </tbody>
        </table>
        <p className="muted">Nothing was sent yet. A budget of at least ${formatUsdAmount(raise.neededUsd)} lets this request through.</p>
        <Field label="Budget (USD)" type="number" inputMode="decimal" min="0" step="any" value={budget} onChange={(e) => setBudget(e.target.value)} />
        <ErrorText error={decide.error} />
        <PromptActions onApprove={() => void decide.run(true)} onReject={() => void decide.run(false)} busy={decide.busy} canApprove={valid} />
      </form>
    </main>
  );
}
