import { useId, useState, type FormEvent } from 'react';
import { call } from '@/lib/ui/client';
import { useAction } from '@/lib/ui/hooks';
import { ensureHostPermission } from '@/lib/ui/permissions';
import { PRESETS, presetFor } from '@/lib/providers/presets';
import { messages } from '@/lib/protocol/messages';
import { ErrorText, Field } from './Field';
import { t } from '@/lib/i18n/t';
import { rich } from '@/lib/i18n/rich';

export function AddKeyForm({ onDone }: { onDone: () => void }) {
  const selectId = useId();
  const [provider, setProvider] = useState('openai');
  const [name, setName] = useState('');
  const [secret, setSecret] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [warning, setWarning] = useState<string | null>(null);
  const preset = presetFor(provider);
  const save = useAction(async (saveUnvalidated: boolean) => {
    const result = await call('keys.add', {
      provider,
      secret,
      ...(name.trim() ? { name: name.trim() } : {}),
      ...(baseUrl.trim() ? { baseUrl: baseUrl.trim() } : {}),
      ...(saveUnvalidated ? { saveUnvalidated: true } : {}),
    });
    if (result.saved) {
      setSecret('');
      onDone();
    } else {
      setWarning(result.validation.message);
    }
  });
  const submit = (saveUnvalidated: boolean) => (e?: FormEvent) => {
    e?.preventDefault();
    const permission = ensureHostPermission(baseUrl.trim() || undefined);
    void permission.then((granted) => (granted ? save.run(saveUnvalidated) : save.setError(messages.hostPermissionRefused())));
  };
  return (
    <form onSubmit={submit(false)} aria-label={t('keys_addForm')}>
      <label htmlFor={selectId}>{t('keys_provider')}</label>
      <select id={selectId} value={provider} onChange={(e) => (setProvider(e.target.value), setWarning(null))}>
        {PRESETS.map((p) => (
          <option key={p.id} value={p.id}>
            {p.label}
          </option>
        ))}
      </select>
      {preset?.keyUrl ? (
        <div className="muted">
          {rich(
            'keys_getKeyAt',
            <a href={preset.keyUrl} target="_blank" rel="noreferrer">
              {preset.keyUrl}
            </a>,
          )}
        </div>
      ) : null}
      <Field label={t('keys_name')} placeholder={preset?.label} value={name} onChange={(e) => setName(e.target.value)} />
      <Field label={t('keys_apiKey')} type="password" autoComplete="off" spellCheck={false} value={secret} onChange={(e) => (setSecret(e.target.value), setWarning(null))} hint={preset?.keyless ? t('keys_apiKeyNotNeeded') : undefined} />
      <Field
        label={t('keys_baseUrl')}
        type="url"
        placeholder={preset?.defaultBaseUrl ?? 'https://…/v1'}
        value={baseUrl}
        onChange={(e) => (setBaseUrl(e.target.value), setWarning(null))}
        hint={preset?.needsBaseUrl ? t('keys_baseUrlRequired') : t('keys_baseUrlOptional')}
      />
      {warning ? (
        <p role="alert" className="warn">
          {warning}
        </p>
      ) : null}
      <ErrorText error={save.error} />
      <div className="actions">
        <button className="primary" type="submit" disabled={save.busy}>
          {save.busy ? t('keys_checking') : t('keys_saveKey')}
        </button>
        {warning ? (
          <button type="button" onClick={() => submit(true)()} disabled={save.busy}>
            {t('keys_saveUnvalidated')}
          </button>
        ) : null}
        <button type="button" onClick={onDone}>
          {t('common_cancel')}
        </button>
      </div>
    </form>
  );
}
