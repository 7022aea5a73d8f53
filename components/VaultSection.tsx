import { useState, type FormEvent } from 'react';
import { call } from '@/lib/ui/client';
import { useAction } from '@/lib/ui/hooks';
import { ErrorText, Field } from './Field';

export function VaultSection({ autoLockMinutes }: { autoLockMinutes: number }) {
  return (
    <section className="card" aria-labelledby="vault-title">
      <h2 id="vault-title">Vault</h2>
      <AutoLockSetting minutes={autoLockMinutes} />
      <ChangePassphrase />
    </section>
  );
}

const AUTOLOCK_CHOICES = [0, 1, 5, 15, 60] as const;

function AutoLockSetting({ minutes }: { minutes: number }) {
  const save = useAction((value: (typeof AUTOLOCK_CHOICES)[number]) => call('settings.set', { autoLockMinutes: value }));
  return (
    <div>
      <label htmlFor="autolock">Auto-lock</label>
      <select id="autolock" value={minutes} onChange={(e) => void save.run(Number(e.target.value) as (typeof AUTOLOCK_CHOICES)[number])}>
        {AUTOLOCK_CHOICES.map((m) => (
          <option key={m} value={m}>
            {m === 0 ? 'Never' : `After ${m} idle minute${m === 1 ? '' : 's'}`}
          </option>
        ))}
      </select>
      <ErrorText error={save.error} />
    </div>
  );
}

function ChangePassphrase() {
  const [open, setOpen] = useState(false);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState(false);
  const change = useAction(async () => {
    await call('vault.changePassphrase', { current, next });
    setCurrent('');
    setNext('');
    setConfirm('');
    setDone(true);
    setOpen(false);
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (next !== confirm) return change.setError('The new passphrases do not match');
    void change.run();
  };
  if (!open) {
    return (
      <div className="actions">
        <button onClick={() => (setOpen(true), setDone(false))}>Change passphrase</button>
        {done ? (
          <span role="status" className="ok">
            Passphrase changed
          </span>
        ) : null}
      </div>
    );
  }
  return (
    <form onSubmit={submit} aria-label="Change passphrase">
      <Field label="Current passphrase" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
      <Field label="New passphrase" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
      <Field label="Confirm new passphrase" type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
      <ErrorText error={change.error} />
      <div className="actions">
        <button className="primary" type="submit" disabled={change.busy}>
          {change.busy ? 'Changing…' : 'Change passphrase'}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
