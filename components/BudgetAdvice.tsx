import { t } from '@/lib/i18n/t';
import { TYPICAL_CHAT, chatsEstimate, isZeroBudget, needsBudgetConfirm } from '@/lib/ui/budget-advice';
import { formatUsdSummary } from '@/lib/ui/format';
import type { ApprovalView } from '@/lib/ui/types';

/** Under the budget: about how many typical chats it buys on the default model (live; only when the site chats), and warnings for a budget above the person's threshold or of $0. */
export function BudgetAdvice({ approval, budgetUsd, period, defaultModel, chats = true }: { approval: ApprovalView; budgetUsd: number | null; period: ApprovalView['budget']['period']; defaultModel: string; chats?: boolean }) {
  const price = approval.offers.find((o) => o.model === defaultModel)?.price ?? null;
  return (
    <div aria-live="polite">
      {chats ? (
        <>
          <p style={{ margin: '8px 0 0' }} data-testid="chats-estimate">
            {budgetUsd === null || !defaultModel ? '—' : chatsEstimate(budgetUsd, price, period)}
          </p>
          <p className="muted small" style={{ margin: 0 }}>
            {t('advice_typicalChat', TYPICAL_CHAT.inputTokens.toLocaleString('en-US'), TYPICAL_CHAT.outputTokens)}
          </p>
        </>
      ) : null}
      {budgetUsd !== null && needsBudgetConfirm(budgetUsd, approval.confirmBudgetAboveUsd) ? (
        <p className="warn" data-testid="high-budget">
          {t('advice_highBudget', formatUsdSummary(approval.confirmBudgetAboveUsd))}
        </p>
      ) : null}
      {budgetUsd !== null && isZeroBudget(budgetUsd) ? (
        <p className="warn" data-testid="zero-budget">
          {t('advice_zeroBudget')}
        </p>
      ) : null}
    </div>
  );
}
