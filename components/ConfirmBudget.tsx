import { useEffect, useId, useRef } from 'react';
import { t } from '@/lib/i18n/t';
import { formatUsdSummary, perPeriod } from '@/lib/ui/format';
import { siteName } from '@/lib/ui/site-name';
import { ArmedButton } from './PromptActions';

/**
 * The second step for a budget above the person's threshold ("Confirm budgets above"). Its confirm
 * button is armed on its own (lib/ui/arming.ts), from the moment this step is shown: a double click
 * on Approve, or keys meant for a page, never confirm. Focus goes to "Change budget", the harmless
 * choice; Reject stays here too, and Escape still rejects.
 */
export function ConfirmBudget(props: { origin: string; usd: number; period: 'day' | 'week' | 'month' | 'total'; busy: boolean; onConfirm: () => void; onBack: () => void; onReject: () => void }) {
  const id = useId();
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => back.current?.focus(), []);
  return (
    <div className="confirm" role="group" aria-labelledby={id}>
      <p id={id} className="warn" style={{ marginTop: 0 }}>
        {t('approve_confirmBudget', siteName(props.origin), formatUsdSummary(props.usd), perPeriod(props.period))}
      </p>
      <div className="actions">
        <ArmedButton onActivate={props.onConfirm} disabled={props.busy}>
          {t('approve_approveAnyway')}
        </ArmedButton>
        <button ref={back} type="button" onClick={props.onBack} disabled={props.busy}>
          {t('approve_changeBudget')}
        </button>
        <button type="button" onClick={props.onReject} disabled={props.busy}>
          {t('approve_reject')}
        </button>
      </div>
    </div>
  );
}
