import { useId, useState } from 'react';
import { t } from '@/lib/i18n/t';
import { rich } from '@/lib/i18n/rich';
import { sanitizeReason } from '@/lib/approvals/reason';
import { isAppOrigin, originLabel } from '@/lib/apps/app-origin';
import { call } from '@/lib/ui/client';
import { useAction, useWallet } from '@/lib/ui/hooks';
import type { ApprovalView } from '@/lib/ui/types';
import { ErrorText, Field } from './Field';
import { PromptActions, preventSubmit, useEscapeRejects } from './PromptActions';
import { RaiseBudgetForm } from './SiteRaiseBudget';
import { SiteIdentity } from './SiteIdentity';
import { ModelChoices } from './ModelChoices';
import { BudgetAdvice } from './BudgetAdvice';
import { ConfirmBudget } from './ConfirmBudget';
import { defaultModelChoices, preselectModels } from '@/lib/grants/preselect';
import { withoutRefusedKeys } from '@/lib/ui/key-health';
import { needsBudgetConfirm } from '@/lib/ui/budget-advice';
import { perPeriod } from '@/lib/ui/format';
import { scopesInWords } from '@/lib/ui/scopes';
import { fillDefaults, mediaScopesOf, type MediaDefaults } from '@/lib/grants/media-defaults';
import { MEDIA_SCOPES } from '@/lib/protocol/scopes';
import { MediaDefaultSelects } from './MediaDefaultSelects';
import { mediaUnitOf } from '@/lib/grants/media-price';

const PERIODS = ['day', 'week', 'month', 'total'] as const;
type Period = (typeof PERIODS)[number];

/** The approval window: who asks, for what, and the budget the person allows. */
export function ApproveApp({ id }: { id: string }) {
  const approval = useWallet(() => call('approvals.get', { id }), [id]);
  const [escapeError, setEscapeError] = useState<string | null>(null);
  useEscapeRejects(id, setEscapeError);
  const a = approval.data;
  if (approval.error || escapeError) return <Shell><ErrorText error={approval.error ?? escapeError} /></Shell>;
  if (a === undefined) return <Shell><p className="muted">{t('common_loading')}</p></Shell>;
  if (a === null) return <Shell><p>{t('approve_answered')}</p></Shell>;
  if (a.kind === 'raiseBudget' && a.raise) return <RaiseBudgetForm approval={a} raise={a.raise} />;
  return <ApprovalForm approval={a} />;
}

function Shell({ children }: { children: React.ReactNode }) {
  return (
    <main className="narrow">
      <h1>{t('approve_heading')}</h1>
      {children}
    </main>
  );
}

function ApprovalForm({ approval }: { approval: ApprovalView }) {
  const periodId = useId();
  const defaultId = useId();
  const [budget, setBudget] = useState(String(approval.budget.usd));
  const [period, setPeriod] = useState<Period>(approval.budget.period);
  const offered = approval.offers.map((o) => o.model);
  // Only what serves the asked-for scopes starts ticked (lib/grants/preselect.ts), in the offered order; never a refused key's model.
  const [picked, setPicked] = useState<string[]>(() => withoutRefusedKeys(preselectModels(offered, approval.scopes, approval.requestedModels), approval.offers));
  const models = offered.filter((m) => picked.includes(m));
  // The chat default is never a speech, transcription or image model while another is ticked: those have their own defaults.
  const general = defaultModelChoices(models, approval.scopes);
  const textChoices = general.filter((m) => !mediaUnitOf(m));
  const choices = textChoices.length ? textChoices : general;
  const [chosenDefault, setDefaultModel] = useState(choices[0] ?? '');
  // Each media scope's default: the one picked while it is still ticked, else OpenAI's standard model or the first (lib/grants/media-defaults.ts).
  const [chosenDefaults, setChosenDefaults] = useState<MediaDefaults>({});
  const defaults = fillDefaults(approval.scopes, models, chosenDefaults);
  // A site that asks only for media capabilities has no use for the chat default: it is its first media default.
  const asksTextModel = approval.scopes.some((s) => s === 'chat' || s === 'embed' || s === 'models');
  const mediaDefault = MEDIA_SCOPES.map((s) => defaults[s]).find((m) => m !== undefined);
  // The default must be one of the choices; fall back to the first.
  const defaultModel = !asksTextModel && mediaDefault ? mediaDefault : choices.includes(chosenDefault) ? chosenDefault : (choices[0] ?? '');
  const budgetValid = budget.trim() !== '' && Number.isFinite(Number(budget)) && Number(budget) >= 0;
  const usd = budgetValid ? Number(budget) : null;
  // The second step holds for the amount and period it was shown for; changing either goes back.
  const [confirming, setConfirming] = useState<{ usd: number; period: Period } | null>(null);
  const confirmShown = confirming !== null && confirming.usd === usd && confirming.period === period;
  const decide = useAction(async (approve: boolean) => {
    if (!approve) return call('approvals.decide', { id: approval.id, approve: false });
    return call('approvals.decide', { id: approval.id, approve: true, budget: { usd: Number(budget), period }, models, defaultModel, scopes: approval.scopes, ...(Object.keys(defaults).length ? { defaults } : {}) });
  });
  const onApprove = () => {
    if (usd !== null && needsBudgetConfirm(usd, approval.confirmBudgetAboveUsd)) setConfirming({ usd, period });
    else void decide.run(true);
  };
  const reason = approval.reason ? sanitizeReason(approval.reason) : '';
  const toggle = (model: string) => setPicked((m) => (m.includes(model) ? m.filter((x) => x !== model) : [...m, model]));
  return (
    <Shell>
      <form onSubmit={preventSubmit} aria-label={t('approve_formLabel')}>
        <SiteIdentity origin={approval.origin} favIconUrl={approval.favIconUrl} />
        <p style={{ marginTop: 0 }}>
          {rich(
            'approve_wantsKeys',
            <span className="origin" data-testid="requesting-origin">
              {originLabel(approval.origin)}
            </span>,
          )}
        </p>
        {isAppOrigin(approval.origin) ? <p className="warn">{t('approve_localApp')}</p> : null}
        {approval.topOrigin ? (
          <p className="warn">{rich('approve_embedded', <span className="origin">{approval.topOrigin}</span>)}</p>
        ) : null}
        {/* The site's own words, cleaned again here (lib/approvals/reason.ts) and isolated from the wallet's. */}
        {reason ? (
          <p className="muted reason" data-testid="reason">
            {rich('approve_reason', <bdi>{reason}</bdi>)}
          </p>
        ) : null}
        <p className="muted" style={{ marginBottom: 0 }}>
          {t('approve_asksTo')}
        </p>
        <ul className="scopes" aria-label={t('approve_asksToLabel')}>
          {scopesInWords(approval.scopes).map((words) => (
            <li key={words}>{words}</li>
          ))}
        </ul>
        <p className="muted">{t('approve_neverSeesKeys')}</p>
        <ModelChoices approval={approval} ticked={models} onToggle={toggle} />
        {asksTextModel ? (
          <>
            <label htmlFor={defaultId}>{t('approve_defaultModel')}</label>
            <select id={defaultId} value={defaultModel} onChange={(e) => setDefaultModel(e.target.value)}>
              {choices.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </>
        ) : null}
        <MediaDefaultSelects scopes={mediaScopesOf(approval.scopes)} models={models} value={defaults} onChange={(scope, model) => setChosenDefaults((d) => ({ ...d, [scope]: model }))} />
        <Field label={t('approve_budgetUsd')} type="number" inputMode="decimal" min="0" step="any" value={budget} onChange={(e) => setBudget(e.target.value)} />
        <label htmlFor={periodId}>{t('approve_budgetPeriod')}</label>
        <select id={periodId} value={period} onChange={(e) => setPeriod(e.target.value as Period)}>
          {PERIODS.map((p) => (
            <option key={p} value={p}>
              {perPeriod(p)}
            </option>
          ))}
        </select>
        <BudgetAdvice approval={approval} budgetUsd={usd} period={period} defaultModel={defaultModel} chats={approval.scopes.includes('chat')} />
        <ErrorText error={decide.error} />
        {confirmShown && usd !== null ? (
          <ConfirmBudget origin={approval.origin} usd={usd} period={period} busy={decide.busy} onConfirm={() => void decide.run(true)} onBack={() => setConfirming(null)} onReject={() => void decide.run(false)} />
        ) : (
          <PromptActions onApprove={onApprove} onReject={() => void decide.run(false)} busy={decide.busy} canApprove={budgetValid && models.length > 0 && defaultModel !== ''} />
        )}
      </form>
    </Shell>
  );
}
