import { useState, type FormEvent } from 'react';
import { call } from '@/lib/ui/client';
import { useAction } from '@/lib/ui/hooks';
import { passphraseStrength } from '@/lib/vault/strength';
import { MIN_PASSPHRASE } from '@/lib/vault/policy';
import { ErrorText, Field } from './Field';

export function CreateWallet() {
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const create = useAction(() => call('vault.create', { passphrase }));
  const strength = passphraseStrength(passphrase);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (passphrase.length < MIN_PASSPHRASE) return create.setError(`The passphrase must have at least ${MIN_PASSPHRASE} characters`);
    if (passphrase !== confirm) return create.setError('The passphrases do not match');
    void create.run();
  };
  return (
    <section className="card">
      <h2>Create your wallet</h2>
      <p className="muted">Your keys are encrypted with this passphrase. It is never stored; if you forget it, the wallet must be reset.</p>
      <form onSubmit={submit}>
        <Field label="Passphrase" type="password" autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
        <div className="muted" aria-live="polite">
          Strength: <meter min={0} max={4} value={strength.score} aria-label="Passphrase strength" /> {strength.label}
        </div>
        <Field label="Confirm passphrase" type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
        <ErrorText error={create.error} />
        <div className="actions">
          <button className="primary" type="submit" disabled={create.busy}>
            {create.busy ? 'Creating…' : 'Create wallet'}
          </button>
        </div>
      </form>
    </section>
  );
}
