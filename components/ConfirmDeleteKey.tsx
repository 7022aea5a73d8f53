import { useEffect, useRef } from 'react';
import { call } from '@/lib/ui/client';
import { useAction, useWallet } from '@/lib/ui/hooks';
import type { KeyView } from '@/lib/ui/types';
import { ErrorText } from './Field';

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
        <strong>Delete the key “{key.name}”?</strong> It is removed from this wallet; the provider account is not touched.
      </p>
      {used.length ? (
        <p className="warn">
          {used.length === 1 ? 'This site uses it' : 'These sites use it'}: {used.join(', ')}. They will lose the models it serves until you add another key for them.
        </p>
      ) : null}
      <ErrorText error={sites.error ?? remove.error} />
      <div className="actions">
        <button className="danger" onClick={() => void remove.run()} disabled={remove.busy || sites.data === undefined}>
          Delete key
        </button>
        <button ref={cancel} onClick={onDone}>
          Cancel
        </button>
      </div>
    </div>
  );
}
