import { useState } from 'react';
import { call } from '@/lib/ui/client';
import { useAction } from '@/lib/ui/hooks';
import { saveTextFile } from '@/lib/ui/files';
import { ErrorText } from './Field';
import { t } from '@/lib/i18n/t';

/** Export backup (docs/API.md, "For testers"): one encrypted file, saved through the browser's downloads. */
export function ExportBackup() {
  const [saved, setSaved] = useState<string | null>(null);
  const run = useAction(async () => {
    setSaved(null);
    const backup = await call('backup.export');
    saveTextFile(backup.filename, backup.text);
    setSaved(t('backup_saved', backup.filename));
  });
  return (
    <div>
      <p className="muted">{t('backup_exportExplain')}</p>
      <div className="actions">
        <button onClick={() => void run.run()} disabled={run.busy}>
          {t('backup_export')}
        </button>
      </div>
      {saved ? (
        <p role="status" className="ok">
          {saved}
        </p>
      ) : null}
      <ErrorText error={run.error} />
    </div>
  );
}
