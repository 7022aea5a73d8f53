import { useId } from 'react';
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
      <h3 id={`${id}-title`}>Over budget</h3>
      <label htmlFor={id}>When a site would go over its budget</label>
      <select id={id} value={settings.data.overBudget} onChange={(e) => void save.run(e.target.value as 'ask' | 'refuse')} disabled={save.busy}>
        <option value="refuse">Refuse the request (the site gets error 4402)</option>
        <option value="ask">Ask me to raise the budget</option>
      </select>
      <div className="muted">Each site can have its own setting, in Sites &amp; apps.</div>
      <ErrorText error={save.error} />
    </section>
  );
}
