import { useState, type FormEvent } from 'react';
import { call } from '@/lib/ui/client';
import { useAction } from '@/lib/ui/hooks';
import { passphraseProblem } from '@/lib/vault/policy';
import { ErrorText, Field } from './Field';
import { PassphraseStrength } from './PassphraseStrength';
import { BackupImport } from './BackupImport';

/** First run: create a wallet, or restore one from a backup. */
export function CreateWallet() {
  const [importing, setImporting] = useState(false);
  if (importing) {
    return (
      <section className="card" aria-labelledby="restore-title">
        <h2 id="restore-title">Restore from a backup</h2>
        <p className="muted">Everything in the backup comes back: keys, connected sites, prices, settings and history. The wallet then opens with the backup&apos;s passphrase.</p>
        <BackupImport existing={false} onCancel={() => setImporting(false)} />
      </section>
    );
  }
  return (
    <>
      <CreateForm />
      <section className="card">
        <h2>Have a backup?</h2>
        <p className="muted">Restore a wallet exported from byok (an encrypted .json file).</p>
        <div className="actions">
          <button onClick={() => setImporting(true)}>Import backup</button>
        </div>
      </section>
    </>
  );
}

function CreateForm() {
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const create = useAction(() => call('vault.create', { passphrase }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem = passphraseProblem(passphrase, confirm);
    if (problem) return create.setError(problem);
    void create.run();
  };
  return (
    <section className="card">
      <h2>Create your wallet</h2>
      <p className="muted">Your keys are encrypted with this passphrase. It is never stored; if you forget it, the wallet must be reset.</p>
      <form onSubmit={submit}>
        <Field label="Passphrase" type="password" autoComplete="new-password" autoFocus value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
        <PassphraseStrength passphrase={passphrase} />
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
