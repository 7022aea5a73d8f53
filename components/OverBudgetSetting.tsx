import { useId } from 'react';
import { t } from '@/lib/i18n/t';
import { call } from '@/lib/ui/client';
import { useAction, useWallet } from '@/lib/ui/hooks';
import { ErrorText } from './Field';

/** The wallet's default for sites over budget: refuse (4402), or ask to raise the budget. */
export function OverBudgetSetting() {
  const id = useId();
  const settings = useWallet(() => call('settings.get'));
  const save = useAction((overBudget: 'ask' | 'refuse') => call('settings.set', { overBudget }));
  if (!settings.data) return null;
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('settings_overBudgetTitle')}</h3>
      <label htmlFor={id}>{t('settings_overBudgetLabel')}</label>
      <select id={id} value={settings.data.overBudget} onChange={(e) => void save.run(e.target.value as 'ask' | 'refuse')} disabled={save.busy}>
        <option value="refuse">{t('settings_overBudgetRefuseCode')}</option>
        <option value="ask">{t('settings_overBudgetAsk')}</option>
      </select>
      <div className="muted">{t('settings_overBudgetPerSite')}</div>
      <ErrorText error={save.error} />
    </section>
  );
}
