import { useState, type FormEvent } from 'react';
import { t } from '@/lib/i18n/t';
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
        <h2 id="restore-title">{t('onboard_restoreHeading')}</h2>
        <p className="muted">{t('onboard_restoreNote')}</p>
        <BackupImport existing={false} onCancel={() => setImporting(false)} />
      </section>
    );
  }
  return (
    <>
      <CreateForm />
      <section className="card">
        <h2>{t('onboard_haveBackup')}</h2>
        <p className="muted">{t('onboard_haveBackupNote')}</p>
        <div className="actions">
          <button onClick={() => setImporting(true)}>{t('onboard_importBackup')}</button>
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
      <h2>{t('onboard_createHeading')}</h2>
      <p className="muted">{t('onboard_createNote')}</p>
      <form onSubmit={submit}>
        <Field label={t('onboard_passphrase')} type="password" autoComplete="new-password" autoFocus value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
        <PassphraseStrength passphrase={passphrase} />
        <Field label={t('onboard_confirmPassphrase')} type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
        <ErrorText error={create.error} />
        <div className="actions">
          <button className="primary" type="submit" disabled={create.busy}>
            {create.busy ? t('onboard_creating') : t('onboard_create')}
          </button>
        </div>
      </form>
    </section>
  );
}
