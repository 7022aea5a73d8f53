import { useId, useState } from 'react';
import { call } from '@/lib/ui/client';
import { useAction, useWallet } from '@/lib/ui/hooks';
import { formatTime, formatUsdAmount } from '@/lib/ui/format';
import { saveTextFile } from '@/lib/ui/files';
import { rangeStart, type TimeRange } from '@/lib/dashboard/query';
import { exportFilename, ledgerCsv } from '@/lib/dashboard/ledger-csv';
import { ErrorText } from './Field';
import { EmptyState } from './views/View';
import { capabilityName, unitsInWords } from '@/lib/ui/units';
import { plural, t, type MessageKey } from '@/lib/i18n/t';
import type { LedgerStatus } from '@/lib/db/tables/ledger';

const STATUSES = ['ok', 'error', 'aborted', 'refused', 'interrupted', 'pending'] as const satisfies readonly LedgerStatus[];
const STATUS_LABEL: Readonly<Record<LedgerStatus, MessageKey>> = {
  ok: 'ledger_statusOk',
  error: 'ledger_statusError',
  aborted: 'ledger_statusAborted',
  refused: 'ledger_statusRefused',
  interrupted: 'ledger_statusInterrupted',
  pending: 'ledger_statusPending',
};
/** A status in words; one this page does not know, as it is. */
const statusLabel = (status: LedgerStatus) => (Object.hasOwn(STATUS_LABEL, status) ? t(STATUS_LABEL[status]) : status);
const RANGES: { value: TimeRange; label: MessageKey }[] = [
  { value: 'hour', label: 'ledger_rangeHour' },
  { value: 'day', label: 'ledger_rangeDay' },
  { value: 'week', label: 'ledger_rangeWeek' },
  { value: 'month', label: 'ledger_rangeMonth' },
  { value: 'all', label: 'ledger_rangeAll' },
];
const PAGE = 100;
const EXPORT_LIMIT = 100_000;

/** The usage ledger: every request, filtered by site, model, status and time; exported as CSV. */
export function LedgerSection() {
  const ids = { site: useId(), model: useId(), status: useId(), range: useId() };
  const [origin, setOrigin] = useState('');
  const [model, setModel] = useState('');
  const [status, setStatus] = useState<'' | (typeof STATUSES)[number]>('');
  const [range, setRange] = useState<TimeRange>('all');
  const [limit, setLimit] = useState(PAGE);
  const query = () => {
    const from = rangeStart(range, Date.now());
    return { ...(origin ? { origin } : {}), ...(model ? { model } : {}), ...(status ? { status } : {}), ...(from === undefined ? {} : { from }) };
  };
  const rows = useWallet(() => call('ledger.query', { ...query(), limit }), [origin, model, status, range, limit]);
  const choices = useWallet(() => call('ledger.filters'));
  const exportCsv = useAction(async () => {
    const all = await call('ledger.query', { ...query(), limit: EXPORT_LIMIT });
    const filename = exportFilename('requests', Date.now(), 'csv');
    saveTextFile(filename, ledgerCsv(all), 'text/csv');
    return plural('usage_exported', all.length, filename);
  });
  const [exported, setExported] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby="ledger-title">
      <h3 id="ledger-title">{t('ledger_title')}</h3>
      <div className="filters">
        <div>
          <label htmlFor={ids.site}>{t('ledger_filterSite')}</label>
          <select id={ids.site} value={origin} onChange={(e) => setOrigin(e.target.value)}>
            <option value="">{t('ledger_allSites')}</option>
            {choices.data?.origins.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.model}>{t('ledger_filterModel')}</label>
          <select id={ids.model} value={model} onChange={(e) => setModel(e.target.value)}>
            <option value="">{t('ledger_allModels')}</option>
            {choices.data?.models.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.status}>{t('ledger_filterStatus')}</label>
          <select id={ids.status} value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
            <option value="">{t('ledger_allStatuses')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.range}>{t('ledger_timeRange')}</label>
          <select id={ids.range} value={range} onChange={(e) => setRange(e.target.value as TimeRange)}>
            {RANGES.map((r) => (
              <option key={r.value} value={r.value}>
                {t(r.label)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="actions">
        <button onClick={() => void exportCsv.run().then((m) => setExported(m ?? null))} disabled={exportCsv.busy}>
          {t('ledger_exportCsv')}
        </button>
      </div>
      {exported ? (
        <p role="status" className="muted">
          {exported}
        </p>
      ) : null}
      <ErrorText error={rows.error ?? exportCsv.error} />
      {rows.data?.length === 0 && (origin || model || status || range !== 'all') ? <p className="muted">{t('ledger_noMatch')}</p> : null}
      {rows.data?.length === 0 && !(origin || model || status || range !== 'all') ? (
        <EmptyState>{t('ledger_empty')}</EmptyState>
      ) : null}
      {rows.data?.length ? (
        <table aria-label={t('ledger_tableLabel')}>
          <thead>
            <tr>
              <th>{t('ledger_colTime')}</th>
              <th>{t('ledger_colSite')}</th>
              <th>{t('ledger_colCapability')}</th>
              <th>{t('ledger_colModel')}</th>
              <th>{t('ledger_colStatus')}</th>
              <th>{t('ledger_colTokens')}</th>
              <th>{t('ledger_colUnits')}</th>
              <th>{t('ledger_colCost')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.data.map((r) => (
              <tr key={r.id} data-id={r.id}>
                <td>{formatTime(r.at)}</td>
                <td>{r.origin}</td>
                <td>{capabilityName(r.kind)}</td>
                <td>{r.model}</td>
                {/* The tooltip is the error as the page or the provider was told it: verbatim, never translated. */}
                <td title={r.errorMessage} translate="no">{r.errorCode === undefined ? statusLabel(r.status) : t('ledger_statusWithCode', statusLabel(r.status), r.errorCode)}</td>
                <td>
                  {r.inputTokens}/{r.outputTokens}
                </td>
                <td>{unitsInWords(r.units).join(', ') || '—'}</td>
                <td>{formatUsdAmount(r.costNano / 1e9)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {rows.data && rows.data.length >= limit ? (
        <div className="actions">
          <button onClick={() => setLimit(limit + PAGE)} aria-label={t('ledger_showMoreLabel')}>
            {t('ledger_showMore')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
