import { useEffect, useRef } from 'react';
import { call } from '@/lib/ui/client';
import { useAction, useWallet } from '@/lib/ui/hooks';
import type { KeyView } from '@/lib/ui/types';
import { ErrorText } from './Field';
import { plural, t } from '@/lib/i18n/t';

/**
 * Deleting a key asks first, naming the sites and apps whose models it serves: they lose those
 * models. Focus starts on Cancel, the safe answer.
 */
export function ConfirmDeleteKey({ keyView: key, onDone }: { keyView: KeyView; onDone: () => void }) {
  const sites = useWallet(() => call('keys.sites', { id: key.id }), [key.id]);
  const remove = useAction(() => call('keys.remove', { id: key.id }));
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  const used = sites.data ?? [];
  return (
    <div role="alertdialog" aria-labelledby={`delete-${key.id}`} className="confirm">
      <p id={`delete-${key.id}`}>
        <strong>{t('keys_deleteQuestion', key.name)}</strong> {t('keys_deleteExplain')}
      </p>
      {used.length ? (
        <p className="warn">{plural('keys_deleteUsedBy', used.length, used.join(', '))}</p>
      ) : null}
      <ErrorText error={sites.error ?? remove.error} />
      <div className="actions">
        <button className="danger" onClick={() => void remove.run()} disabled={remove.busy || sites.data === undefined}>
          {t('keys_deleteConfirm')}
        </button>
        <button ref={cancel} onClick={onDone}>
          {t('common_cancel')}
        </button>
      </div>
    </div>
  );
}
