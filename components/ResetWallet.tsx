import { useState, type FormEvent } from 'react';
import { call } from '@/lib/ui/client';
import { useAction } from '@/lib/ui/hooks';
import { messages } from '@/lib/protocol/messages';
import { RESET_WORD } from '@/lib/vault/policy';
import { useEscapeToClose } from '@/lib/ui/use-escape';
import { ErrorText, Field } from './Field';

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
        {forgotten ? <span className="muted">Forgot your passphrase?</span> : null}
        <button className="danger" ref={openerRef} onClick={() => setOpen(true)}>
          Reset wallet
        </button>
      </div>
    );
  }
  return (
    <form onSubmit={submit} aria-label="Reset wallet" onKeyDown={onKeyDown}>
      <p className="warn">
        This deletes every key, connected site, price, setting and request in this browser, and cannot be undone. Without the passphrase nothing can be
        recovered; if you have a backup, you can import it afterwards.
      </p>
      <Field label={messages.resetConfirm(RESET_WORD)} autoComplete="off" spellCheck={false} value={typed} onChange={(e) => setTyped(e.target.value)} />
      <ErrorText error={reset.error} />
      <div className="actions">
        <button className="danger" type="submit" disabled={typed !== RESET_WORD || reset.busy}>
          Reset wallet
        </button>
        <button type="button" onClick={() => (setOpen(false), setTyped(''))}>
          Cancel
        </button>
      </div>
    </form>
  );
}
