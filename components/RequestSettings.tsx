import { useState } from 'react';
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
      <h3 id="requests-title">Requests</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save.run(Number(value)).then(() => setTimeoutValue(null));
        }}
      >
        <Field label="Request timeout (seconds)" type="number" min="1" max="3600" step="1" value={value} onChange={(e) => setTimeoutValue(e.target.value)} hint="A provider that sends nothing for this long ends the request with an error." />
        <ErrorText error={save.error ?? settings.error} />
        <div className="actions">
          <button type="submit" disabled={save.busy}>
            Save timeout
          </button>
        </div>
      </form>
      <BudgetThresholdSetting />
    </section>
  );
}
