import { useState, type FormEvent } from 'react';
import { call } from '@/lib/ui/client';
import { useAction } from '@/lib/ui/hooks';
import { RESET_WORD } from '@/lib/vault/policy';
import { useEscapeToClose } from '@/lib/ui/use-escape';
import { ErrorText, Field } from './Field';
import { t } from '@/lib/i18n/t';

/** Reset the wallet (a forgotten passphrase): deletes everything after a typed confirmation. */
export function ResetWallet({ forgotten = false }: { forgotten?: boolean }) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const reset = useAction(() => call('vault.reset', { confirm: RESET_WORD }));
  const { openerRef, onKeyDown } = useEscapeToClose(open, () => (setOpen(false), setTyped('')));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (typed === RESET_WORD) void reset.run();
  };
  if (!open) {
    return (
      <div className="actions">
        {forgotten ? <span className="muted">{t('reset_forgot')}</span> : null}
        <button className="danger" ref={openerRef} onClick={() => setOpen(true)}>
          {t('reset_open')}
        </button>
      </div>
    );
  }
  return (
    <form onSubmit={submit} aria-label={t('reset_form')} onKeyDown={onKeyDown}>
      <p className="warn">{t('reset_warning')}</p>
      <Field label={t('reset_confirmLabel', RESET_WORD)} autoComplete="off" spellCheck={false} value={typed} onChange={(e) => setTyped(e.target.value)} />
      <ErrorText error={reset.error} />
      <div className="actions">
        <button className="danger" type="submit" disabled={typed !== RESET_WORD || reset.busy}>
          {t('reset_submit')}
        </button>
        <button type="button" onClick={() => (setOpen(false), setTyped(''))}>
          {t('common_cancel')}
        </button>
      </div>
    </form>
  );
}
