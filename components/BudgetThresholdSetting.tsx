import { useState } from 'react';
import { t } from '@/lib/i18n/t';
import { call } from '@/lib/ui/client';
import { useAction, useWallet } from '@/lib/ui/hooks';
import { ErrorText, Field } from './Field';

/** Above this budget the approval window asks a second time before a site gets it (lib/ui/budget-advice.ts). */
export function BudgetThresholdSetting() {
  const settings = useWallet(() => call('settings.get'));
  const [draft, setDraft] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useAction(async (usd: number) => {
    await call('settings.set', { confirmBudgetAboveUsd: usd });
    setDraft(null);
    setSaved(true);
  });
  const value = draft ?? String(settings.data?.confirmBudgetAboveUsd ?? '');
  const valid = value.trim() !== '' && Number.isFinite(Number(value)) && Number(value) >= 0;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) void save.run(Number(value));
      }}
    >
      <Field
        label={t('settings_confirmAbove')}
        type="number"
        inputMode="decimal"
        min="0"
        step="any"
        value={value}
        onChange={(e) => {
          setDraft(e.target.value);
          setSaved(false);
        }}
        hint={t('settings_confirmAboveHint')}
      />
      <ErrorText error={save.error} />
      <div className="actions">
        <button type="submit" disabled={save.busy || !valid}>
          {t('settings_saveThreshold')}
        </button>
        {saved ? (
          <span role="status" className="ok">
            {t('settings_thresholdSaved')}
          </span>
        ) : null}
      </div>
    </form>
  );
}
