import { useState, type FormEvent } from 'react';
import { call } from '@/lib/ui/client';
import { useAction } from '@/lib/ui/hooks';
import type { KeyView } from '@/lib/ui/types';
import { ErrorText, Field } from './Field';
import { t } from '@/lib/i18n/t';

/**
 * Rotate a key: a new secret for the same key record, so every site routed to it keeps working.
 * The new secret is validated first; the person may save it anyway.
 */
export function RotateKeyForm({ keyView: key, onDone }: { keyView: KeyView; onDone: () => void }) {
  const [secret, setSecret] = useState('');
  const [warning, setWarning] = useState<string | null>(null);
  const save = useAction(async (saveUnvalidated: boolean) => {
    const result = await call('keys.rotate', { id: key.id, secret, ...(saveUnvalidated ? { saveUnvalidated: true } : {}) });
    if (result.saved) {
      setSecret('');
      onDone();
    } else {
      setWarning(result.validation.message);
    }
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run(false);
  };
  return (
    <form onSubmit={submit} aria-label={t('keys_rotateForm', key.name)}>
      <p className="muted">{t('keys_rotateExplain', key.masked)}</p>
      <Field label={t('keys_newApiKey')} type="password" autoComplete="off" spellCheck={false} value={secret} onChange={(e) => (setSecret(e.target.value), setWarning(null))} />
      {warning ? (
        <p role="alert" className="warn">
          {warning}
        </p>
      ) : null}
      <ErrorText error={save.error} />
      <div className="actions">
        <button className="primary" type="submit" disabled={save.busy}>
          {save.busy ? t('keys_checking') : t('keys_replaceKey')}
        </button>
        {warning ? (
          <button type="button" onClick={() => void save.run(true)} disabled={save.busy}>
            {t('keys_replaceUnvalidated')}
          </button>
        ) : null}
        <button type="button" onClick={onDone}>
          {t('common_cancel')}
        </button>
      </div>
    </form>
  );
}
