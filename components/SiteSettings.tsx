import { useId, useState, type FormEvent } from 'react';
import { t, type MessageKey } from '@/lib/i18n/t';
import { call } from '@/lib/ui/client';
import { useAction, useWallet } from '@/lib/ui/hooks';
import type { SiteDetails } from '@/lib/ui/types';
import { PERIODS, SCOPES, changesFromForm, formFromDetails, shownDefaults, toggleModel, type SiteForm } from '@/lib/sites/form';
import { mediaScopesOf } from '@/lib/grants/media-defaults';
import { scopeInWords } from '@/lib/ui/scopes';
import { MediaDefaultSelects } from './MediaDefaultSelects';
import { formatUsdSummary, periodLabel } from '@/lib/ui/format';
import { ErrorText, Field } from './Field';
import { KeyFallbackOrder } from './KeyFallbackOrder';

/** The budget period list's choices, in words. */
const PERIOD_CHOICES = { day: 'settings_periodDay', week: 'settings_periodWeek', month: 'settings_periodMonth', total: 'settings_periodTotal' } as const satisfies Record<SiteForm['period'], MessageKey>;

/** One connected site's settings: scopes, models and their keys, budget, rate limit, expiry, over budget. */
export function SiteSettings({ origin }: { origin: string }) {
  const details = useWallet(() => call('grants.details', { origin }), [origin]);
  if (details.error) return <ErrorText error={details.error} />;
  if (!details.data) return <p className="muted">{details.data === null ? t('settings_notConnected') : t('common_loading')}</p>;
  return <SiteSettingsForm details={details.data} />;
}

function SiteSettingsForm({ details }: { details: SiteDetails }) {
  const { origin } = details.grant;
  const ids = { default: useId(), period: useId(), over: useId(), fallback: useId() };
  // What the person typed; null shows the site as it is now.
  const [edited, setEdited] = useState<SiteForm | null>(null);
  const [saved, setSaved] = useState(false);
  const form = edited ?? formFromDetails(details);
  const edit = (changes: Partial<SiteForm>) => {
    setSaved(false);
    setEdited({ ...form, ...changes });
  };
  const save = useAction(async () => {
    const result = changesFromForm(form, details, Date.now());
    if (!result.ok) throw new Error(result.error);
    if (Object.keys(result.changes).length) await call('grants.update', { origin, ...result.changes });
    setEdited(null);
    setSaved(true);
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run();
  };
  const toggleScope = (scope: SiteForm['scopes'][number]) => edit({ scopes: form.scopes.includes(scope) ? form.scopes.filter((s) => s !== scope) : [...form.scopes, scope] });
  return (
    // noValidate: lib/sites/form.ts checks every field, with one clear message per rule.
    <form onSubmit={submit} aria-label={t('sites_settingsFor', origin)} className="site-settings" noValidate>
      <fieldset>
        <legend>{t('settings_scopes')}</legend>
        {SCOPES.map((scope) => (
          <label key={scope} className="inline">
            <input type="checkbox" checked={form.scopes.includes(scope)} onChange={() => toggleScope(scope)} />
            {scopeInWords(scope)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('settings_models')}</legend>
        {details.choices.map((choice) => {
          const allowed = form.models.includes(choice.model);
          return (
            <div key={choice.model} className="row model-choice">
              <label className="inline">
                <input type="checkbox" checked={allowed} onChange={() => setEdited(toggleModel(form, details, choice.model))} />
                {choice.model}
              </label>
              {allowed ? (
                <select
                  aria-label={t('settings_keyFor', choice.model)}
                  value={form.routes[choice.model] ?? ''}
                  onChange={(e) => edit({ routes: { ...form.routes, [choice.model]: e.target.value } })}
                  disabled={choice.keys.length < 2}
                >
                  {choice.keys.length === 0 ? <option value="">{t('settings_noKey')}</option> : null}
                  {choice.keys.map((k) => (
                    <option key={k.id} value={k.id}>
                      {t('settings_viaKey', k.name)}
                    </option>
                  ))}
                </select>
              ) : null}
            </div>
          );
        })}
      </fieldset>
      <label htmlFor={ids.default}>{t('settings_defaultModel')}</label>
      <select id={ids.default} value={form.defaultModel} onChange={(e) => edit({ defaultModel: e.target.value })}>
        {form.models.map((m) => (
          <option key={m} value={m}>
            {m}
          </option>
        ))}
      </select>
      <MediaDefaultSelects scopes={mediaScopesOf(form.scopes)} models={form.models} value={shownDefaults(form)} onChange={(scope, model) => edit({ defaults: { ...form.defaults, [scope]: model } })} />
      <div className="row two">
        <Field label={t('settings_budgetAmount')} type="number" inputMode="decimal" min="0" step="any" value={form.budgetUsd} onChange={(e) => edit({ budgetUsd: e.target.value })} />
        <div>
          <label htmlFor={ids.period}>{t('settings_budgetPeriod')}</label>
          <select id={ids.period} value={form.period} onChange={(e) => edit({ period: e.target.value as SiteForm['period'] })}>
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                {t(PERIOD_CHOICES[p])}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="muted">{t('settings_spent', formatUsdSummary(details.grant.spentUsd), periodLabel(details.grant.budget.period))}</p>
      <div className="row two">
        <Field label={t('settings_rateLimit')} type="number" min="1" max="10000" step="1" value={form.rateLimitPerMin} onChange={(e) => edit({ rateLimitPerMin: e.target.value })} />
        <Field label={t('settings_expires')} type="datetime-local" value={form.expires} onChange={(e) => edit({ expires: e.target.value })} hint={t('settings_expiresHint')} />
      </div>
      <label htmlFor={ids.over}>{t('settings_whenOverBudget')}</label>
      <select id={ids.over} value={form.overBudget} onChange={(e) => edit({ overBudget: e.target.value as SiteForm['overBudget'] })}>
        <option value="wallet">{details.walletOverBudget === 'ask' ? t('settings_overBudgetWalletAsk') : t('settings_overBudgetWalletRefuse')}</option>
        <option value="ask">{t('settings_overBudgetAsk')}</option>
        <option value="refuse">{t('settings_overBudgetRefuse')}</option>
      </select>
      <label htmlFor={ids.fallback}>{t('settings_fallback')}</label>
      <select id={ids.fallback} value={form.keyFallback === 'wallet' ? 'wallet' : 'site'} onChange={(e) => edit({ keyFallback: e.target.value === 'wallet' ? 'wallet' : (details.keyFallback ?? []) })}>
        <option value="wallet">{t('settings_fallbackWallet')}</option>
        <option value="site">{t('settings_fallbackSite')}</option>
      </select>
      {form.keyFallback === 'wallet' ? null : <KeyFallbackOrder keys={details.fallbackKeys} order={form.keyFallback} onChange={(keyFallback) => edit({ keyFallback })} />}
      <ErrorText error={save.error} />
      {saved ? (
        <p role="status" className="ok">
          {t('settings_saved')}
        </p>
      ) : null}
      <div className="actions">
        <button className="primary" type="submit" disabled={save.busy}>
          {t('settings_save')}
        </button>
        {edited ? (
          <button type="button" onClick={() => setEdited(null)}>
            {t('settings_discard')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
