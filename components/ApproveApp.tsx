import { useId, useState } from 'react';
import { sanitizeReason } from '@/lib/approvals/reason';
import { isAppOrigin, originLabel } from '@/lib/apps/app-origin';
import { call } from '@/lib/ui/client';
import { useAction, useWallet } from '@/lib/ui/hooks';
import type { ApprovalView } from '@/lib/ui/types';
import { ErrorText, Field } from './Field';
import { PromptActions, preventSubmit, useEscapeRejects } from './PromptActions';
import { RaiseBudgetForm } from './SiteRaiseBudget';

const PERIODS = ['day', 'week', 'month', 'total'] as const;
type Period = (typeof PERIODS)[number];

/** The approval window: who asks, for what, and the budget the person allows. */
export function ApproveApp({ id }: { id: string }) {
  const approval = useWallet(() => call<ApprovalView | null>('approvals.get', { id }), [id]);
  const [escapeError, setEscapeError] = useState<string | null>(null);
  useEscapeRejects(id, setEscapeError);
  const a = approval.data;
  if (approval.error || escapeError) return <Shell><ErrorText error={approval.error ?? escapeError} /></Shell>;
  if (a === undefined) return <Shell><p className="muted">Loading…</p></Shell>;
  if (a === null) return <Shell><p>This request was already answered.</p></Shell>;
  if (a.kind === 'raiseBudget' && a.raise) return <RaiseBudgetForm approval={a} raise={a.raise} />;
  return <ApprovalForm approval={a} />;
}

function Shell({ children }: { children: React.ReactNode }) {
  return (
    <main className="narrow">
      <h1>Connect a site</h1>
      {children}
    </main>
  );
}

function ApprovalForm({ approval }: { approval: ApprovalView }) {
  const periodId = useId();
  const defaultId = useId();
  const [budget, setBudget] = useState(String(approval.budget.usd));
  const [period, setPeriod] = useState<Period>(approval.budget.period);
  const [models, setModels] = useState<string[]>(approval.offers.map((o) => o.model));
  const [chosenDefault, setDefaultModel] = useState(approval.offers[0]?.model ?? '');
  // The default must be one of the selected models; fall back to the first selected.
  const defaultModel = models.includes(chosenDefault) ? chosenDefault : (models[0] ?? '');
  const decide = useAction(async (approve: boolean) => {
    if (!approve) return call('approvals.decide', { id: approval.id, approve: false });
    return call('approvals.decide', {
      id: approval.id,
      approve: true,
      budget: { usd: Number(budget), period },
      models,
      defaultModel,
      scopes: approval.scopes,
    });
  });
  const budgetValid = budget.trim() !== '' && Number.isFinite(Number(budget)) && Number(budget) >= 0;
  const reason = approval.reason ? sanitizeReason(approval.reason) : '';
  const toggle = (model: string) => setModels((m) => (m.includes(model) ? m.filter((x) => x !== model) : [...m, model]));
  return (
    <Shell>
      <form onSubmit={preventSubmit} aria-label="Approve connection">
        <p>
          <span className="origin" data-testid="requesting-origin">
            {originLabel(approval.origin)}
          </span>{' '}
          wants to use your AI keys.
        </p>
        {isAppOrigin(approval.origin) ? <p className="warn">A local app: a program on this computer, not a website.</p> : null}
        {approval.topOrigin ? (
          <p className="warn">
            It is embedded in <span className="origin">{approval.topOrigin}</span>.
          </p>
        ) : null}
        {/* The site's own words, cleaned again here (lib/approvals/reason.ts) and isolated from the wallet's. */}
        {reason ? (
          <p className="muted reason" data-testid="reason">
            The site says: “<bdi>{reason}</bdi>”
          </p>
        ) : null}
        <p className="muted">It asks for: {approval.scopes.join(', ')}. It will never see your keys.</p>
        <fieldset>
          <legend>Models</legend>
          {approval.offers.map((o) => (
            <div key={o.model}>
              <label style={{ fontWeight: 400 }}>
                <input type="checkbox" checked={models.includes(o.model)} onChange={() => toggle(o.model)} />
                {o.model} <span className="muted">via {o.keyName}</span>
              </label>
            </div>
          ))}
          {approval.unavailable.length ? <p className="warn">Not available with your keys: {approval.unavailable.join(', ')}</p> : null}
        </fieldset>
        <label htmlFor={defaultId}>Default model</label>
        <select id={defaultId} value={defaultModel} onChange={(e) => setDefaultModel(e.target.value)}>
          {models.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
        <Field label="Budget (USD)" type="number" inputMode="decimal" min="0" step="any" value={budget} onChange={(e) => setBudget(e.target.value)} />
        <label htmlFor={periodId}>Budget period</label>
        <select id={periodId} value={period} onChange={(e) => setPeriod(e.target.value as Period)}>
          {PERIODS.map((p) => (
            <option key={p} value={p}>
              {p === 'total' ? 'in total' : `per ${p}`}
            </option>
          ))}
        </select>
        <ErrorText error={decide.error} />
        <PromptActions onApprove={() => void decide.run(true)} onReject={() => void decide.run(false)} busy={decide.busy} canApprove={budgetValid && models.length > 0} />
      </form>
    </Shell>
  );
}
