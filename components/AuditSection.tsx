import { useId, useState } from 'react';
import { call } from '@/lib/ui/client';
import { useAction, useWallet } from '@/lib/ui/hooks';
import { formatTime } from '@/lib/ui/format';
import { saveTextFile } from '@/lib/ui/files';
import { auditFile, detailText, type AuditFormat } from '@/lib/audit/export';
import { exportFilename } from '@/lib/dashboard/ledger-csv';
import { plural, t } from '@/lib/i18n/t';
import { auditLabel } from '@/lib/ui/audit-label';
import { ErrorText } from './Field';

const PAGE = 100;
const EXPORT_LIMIT = 100_000;

/** The audit log: security events, newest first, read-only; exported as JSON or CSV. */
export function AuditSection() {
  const formatId = useId();
  const [limit, setLimit] = useState(PAGE);
  const [format, setFormat] = useState<AuditFormat>('json');
  const [exported, setExported] = useState<string | null>(null);
  const events = useWallet(() => call('audit.list', { limit }), [limit]);
  const exportLog = useAction(async () => {
    const all = await call('audit.list', { limit: EXPORT_LIMIT });
    const filename = exportFilename('audit', Date.now(), format);
    const file = auditFile(all, format);
    saveTextFile(filename, file.text, file.type);
    return plural('usage_exported', all.length, filename);
  });
  return (
    <section className="card" aria-labelledby="audit-title">
      <h3 id="audit-title">{t('audit_title')}</h3>
      <p className="muted">{t('audit_intro')}</p>
      <div className="row">
        <label htmlFor={formatId} style={{ margin: 0 }}>
          {t('audit_formatLabel')}
        </label>
        <select id={formatId} value={format} onChange={(e) => setFormat(e.target.value as AuditFormat)} style={{ width: 'auto' }}>
          <option value="json">{t('audit_formatJson')}</option>
          <option value="csv">{t('audit_formatCsv')}</option>
        </select>
        <button onClick={() => void exportLog.run().then((m) => setExported(m ?? null))} disabled={exportLog.busy}>
          {t('audit_export')}
        </button>
      </div>
      {exported ? (
        <p role="status" className="muted">
          {exported}
        </p>
      ) : null}
      <ErrorText error={events.error ?? exportLog.error} />
      {events.data?.length === 0 ? <p className="muted">{t('audit_empty')}</p> : null}
      {events.data?.length ? (
        <table aria-label={t('audit_tableLabel')}>
          <thead>
            <tr>
              <th>{t('audit_colTime')}</th>
              <th>{t('audit_colEvent')}</th>
              <th>{t('audit_colSite')}</th>
              <th>{t('audit_colDetails')}</th>
            </tr>
          </thead>
          <tbody>
            {events.data.map((e) => (
              <tr key={e.id} data-type={e.type}>
                <td>{formatTime(e.at)}</td>
                <td>{auditLabel(e.type)}</td>
                <td style={{ wordBreak: 'break-word' }}>{e.origin ?? ''}</td>
                <td className="muted">{detailText(e)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {events.data && events.data.length >= limit ? (
        <div className="actions">
          <button onClick={() => setLimit(limit + PAGE)} aria-label={t('audit_showMoreLabel')}>
            {t('audit_showMore')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
