import { useState, type FormEvent } from 'react';
import { call } from '@/lib/ui/client';
import { useAction } from '@/lib/ui/hooks';
import { readFileText } from '@/lib/ui/files';
import { messages } from '@/lib/protocol/messages';
import { MAX_BACKUP_CHARS, MAX_BACKUP_MB, type ImportMode } from '@/lib/backup/limits';
import { ErrorText, Field } from './Field';
import { t } from '@/lib/i18n/t';

/**
 * Import backup (docs/API.md, "For testers"): the file, then the backup's passphrase. Into a wallet that
 * has data (`existing`) the person chooses merge or replace; a fresh install restores it whole.
 */
export function BackupImport({ existing, onCancel, onDone }: { existing: boolean; onCancel: () => void; onDone?: (message: string) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [mode, setMode] = useState<ImportMode>('merge');
  const run = useAction(async () => {
    if (!file) throw new Error(messages.backupNoFile());
    if (file.size > MAX_BACKUP_CHARS) throw new Error(messages.backupTooLarge(MAX_BACKUP_MB));
    const text = await readFileText(file);
    const result = await call('backup.import', { file: text, passphrase, mode: existing ? mode : 'replace' });
    setPassphrase('');
    onDone?.(result.message);
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run.run();
  };
  return (
    <form onSubmit={submit} aria-label={t('backup_importForm')}>
      <Field label={t('backup_file')} type="file" accept=".json,application/json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      <Field
        label={t('backup_passphrase')}
        type="password"
        autoComplete="off"
        value={passphrase}
        onChange={(e) => setPassphrase(e.target.value)}
        hint={t('backup_passphraseHint')}
      />
      {existing ? (
        <fieldset>
          <legend>{t('backup_existingLegend')}</legend>
          <label style={{ fontWeight: 400 }}>
            <input type="radio" name="import-mode" checked={mode === 'merge'} onChange={() => setMode('merge')} /> {t('backup_modeMerge')}
          </label>
          <label style={{ fontWeight: 400 }}>
            <input type="radio" name="import-mode" checked={mode === 'replace'} onChange={() => setMode('replace')} /> {t('backup_modeReplace')}
          </label>
          <p className="muted">{t('backup_passphraseUnchanged')}</p>
        </fieldset>
      ) : null}
      <ErrorText error={run.error} />
      <div className="actions">
        <button className="primary" type="submit" disabled={run.busy || !file || !passphrase}>
          {run.busy ? t('backup_importing') : t('backup_importSubmit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common_cancel')}
        </button>
      </div>
    </form>
  );
}
