import { useState, type FormEvent } from 'react';
import { call } from '@/lib/ui/client';
import { useAction } from '@/lib/ui/hooks';
import { messages } from '@/lib/protocol/messages';
import { passphraseProblem } from '@/lib/vault/policy';
import { AUTOLOCK_CHOICES, type AutoLockMinutes } from '@/lib/vault/autolock';
import { ErrorText, Field } from './Field';
import { PassphraseStrength } from './PassphraseStrength';
import { ExportBackup } from './ExportBackup';
import { BackupImport } from './BackupImport';
import { ResetWallet } from './ResetWallet';
import { useEscapeToClose } from '@/lib/ui/use-escape';

/** The vault: its passphrase, backups, and reset (the Security view, with the lock and the audit log). */
export function VaultSection() {
  return (
    <section className="card" aria-labelledby="vault-title">
      <h3 id="vault-title">Vault</h3>
      <ChangePassphrase />
      <h4>Backup</h4>
      <ExportBackup />
      <ImportIntoWallet />
      <h4>Reset</h4>
      <ResetWallet />
    </section>
  );
}

/** When the wallet locks by itself; Lock (at the top of the page) locks it now. */
export function AutoLockSetting({ minutes }: { minutes: number }) {
  const save = useAction((value: AutoLockMinutes) => call('settings.set', { autoLockMinutes: value }));
  return (
    <section className="card" aria-labelledby="lock-title">
      <h3 id="lock-title">Lock</h3>
      <p className="muted">A locked wallet asks for your passphrase before any site can use a key.</p>
      <label htmlFor="autolock">Auto-lock</label>
      <select id="autolock" value={minutes} onChange={(e) => void save.run(Number(e.target.value) as AutoLockMinutes)}>
        {AUTOLOCK_CHOICES.map((m) => (
          <option key={m} value={m}>
            {m === 0 ? 'Never' : `After ${m} idle minute${m === 1 ? '' : 's'}`}
          </option>
        ))}
      </select>
      <ErrorText error={save.error} />
    </section>
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
  const { openerRef, onKeyDown } = useEscapeToClose(open, () => setOpen(false));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem = passphraseProblem(next, confirm, messages.newPassphraseMismatch());
    if (problem) return change.setError(problem);
    void change.run();
  };
  if (!open) {
    return (
      <div className="actions">
        <button ref={openerRef} onClick={() => (setOpen(true), setDone(false))}>
          Change passphrase
        </button>
        {done ? (
          <span role="status" className="ok">
            {messages.passphraseChanged()}
          </span>
        ) : null}
      </div>
    );
  }
  return (
    <form onSubmit={submit} aria-label="Change passphrase" onKeyDown={onKeyDown}>
      <Field label="Current passphrase" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
      <Field label="New passphrase" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
      <PassphraseStrength passphrase={next} label="Strength meter of the new one" />
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

function ImportIntoWallet() {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const { openerRef, onKeyDown } = useEscapeToClose(open, () => setOpen(false));
  return (
    <div onKeyDown={onKeyDown}>
      {open ? (
        <BackupImport existing onCancel={() => setOpen(false)} onDone={(message) => (setDone(message), setOpen(false))} />
      ) : (
        <div className="actions">
          <button ref={openerRef} onClick={() => (setOpen(true), setDone(null))}>
            Import backup
          </button>
        </div>
      )}
      {done ? (
        <p role="status" className="ok">
          {done}
        </p>
      ) : null}
    </div>
  );
}
