import { useState } from 'react';
import { t } from '@/lib/i18n/t';
import { call } from '@/lib/ui/client';
import { useAction, useWallet } from '@/lib/ui/hooks';
import { ErrorText, Field } from './Field';
import { BudgetThresholdSetting } from './BudgetThresholdSetting';

/** How long a provider may stay silent before the request ends with an error, and which budgets need a second confirmation. */
export function RequestSettings() {
  const settings = useWallet(() => call('settings.get'));
  const [timeout, setTimeoutValue] = useState<string | null>(null);
  const save = useAction((seconds: number) => call('settings.set', { providerTimeoutSeconds: seconds }));
  const value = timeout ?? String(settings.data?.providerTimeoutSeconds ?? '');
  return (
    <section className="card" aria-labelledby="requests-title">
      <h3 id="requests-title">{t('settings_requestsTitle')}</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save.run(Number(value)).then(() => setTimeoutValue(null));
        }}
      >
        <Field label={t('settings_timeout')} type="number" min="1" max="3600" step="1" value={value} onChange={(e) => setTimeoutValue(e.target.value)} hint={t('settings_timeoutHint')} />
        <ErrorText error={save.error ?? settings.error} />
        <div className="actions">
          <button type="submit" disabled={save.busy}>
            {t('settings_saveTimeout')}
          </button>
        </div>
      </form>
      <BudgetThresholdSetting />
    </section>
  );
}
