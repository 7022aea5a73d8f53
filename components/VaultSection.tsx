import { useState, type FormEvent } from 'react';
import { call } from '@/lib/ui/client';
import { useAction } from '@/lib/ui/hooks';
import { passphraseProblem } from '@/lib/vault/policy';
import { phrase } from '@/lib/protocol/said';
import { AUTOLOCK_CHOICES, type AutoLockMinutes } from '@/lib/vault/autolock';
import { ErrorText, Field } from './Field';
import { PassphraseStrength } from './PassphraseStrength';
import { ExportBackup } from './ExportBackup';
import { BackupImport } from './BackupImport';
import { ResetWallet } from './ResetWallet';
import { useEscapeToClose } from '@/lib/ui/use-escape';
import { plural, t } from '@/lib/i18n/t';

/** The vault: its passphrase, backups, and reset (the Security view, with the lock and the audit log). */
export function VaultSection() {
  return (
    <section className="card" aria-labelledby="vault-title">
      <h3 id="vault-title">{t('vault_title')}</h3>
      <ChangePassphrase />
      <h4>{t('backup_heading')}</h4>
      <ExportBackup />
      <ImportIntoWallet />
      <h4>{t('reset_heading')}</h4>
      <ResetWallet />
    </section>
  );
}

/** When the wallet locks by itself; Lock (at the top of the page) locks it now. */
export function AutoLockSetting({ minutes }: { minutes: number }) {
  const save = useAction((value: AutoLockMinutes) => call('settings.set', { autoLockMinutes: value }));
  return (
    <section className="card" aria-labelledby="lock-title">
      <h3 id="lock-title">{t('vault_lockTitle')}</h3>
      <p className="muted">{t('vault_lockExplain')}</p>
      <label htmlFor="autolock">{t('vault_autoLock')}</label>
      <select id="autolock" value={minutes} onChange={(e) => void save.run(Number(e.target.value) as AutoLockMinutes)}>
        {AUTOLOCK_CHOICES.map((m) => (
          <option key={m} value={m}>
            {m === 0 ? t('vault_autoLockNever') : plural('vault_autoLockAfter', m)}
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
    const problem = passphraseProblem(next, confirm, phrase('newPassphraseMismatch'));
    if (problem) return change.setError(problem);
    void change.run();
  };
  if (!open) {
    return (
      <div className="actions">
        <button ref={openerRef} onClick={() => (setOpen(true), setDone(false))}>
          {t('vault_changePassphrase')}
        </button>
        {done ? (
          <span role="status" className="ok">
            {t('vault_passphraseChanged')}
          </span>
        ) : null}
      </div>
    );
  }
  return (
    <form onSubmit={submit} aria-label={t('vault_changePassphraseForm')} onKeyDown={onKeyDown}>
      <Field label={t('vault_currentPassphrase')} type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
      <Field label={t('vault_newPassphrase')} type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
      <PassphraseStrength passphrase={next} label={t('vault_newStrength')} />
      <Field label={t('vault_confirmPassphrase')} type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
      <ErrorText error={change.error} />
      <div className="actions">
        <button className="primary" type="submit" disabled={change.busy}>
          {change.busy ? t('vault_changing') : t('vault_changePassphraseSubmit')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('common_cancel')}
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
            {t('backup_importOpen')}
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
