import { useState, type FormEvent } from 'react';
import { call } from '@/lib/ui/client';
import { useAction } from '@/lib/ui/hooks';
import { ErrorText, Field } from './Field';

/** Passphrase + Unlock (docs/API.md, "For testers"); used by the popup, the options page and the unlock window. */
export function UnlockForm({ onUnlocked }: { onUnlocked?: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const unlock = useAction(async () => {
    await call('vault.unlock', { passphrase });
    setPassphrase('');
    onUnlocked?.();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void unlock.run();
  };
  return (
    <form onSubmit={submit}>
      <Field label="Passphrase" type="password" autoComplete="current-password" autoFocus value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
      <ErrorText error={unlock.error} />
      <div className="actions">
        <button className="primary" type="submit" disabled={unlock.busy || !passphrase}>
          {unlock.busy ? 'Unlocking…' : 'Unlock'}
        </button>
      </div>
    </form>
  );
}
