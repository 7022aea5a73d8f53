import { useId, useState } from 'react';
import { call } from '@/lib/ui/client';
import { useAction, useWallet } from '@/lib/ui/hooks';
import { formatTime, formatUsdAmount } from '@/lib/ui/format';
import { saveTextFile } from '@/lib/ui/files';
import { rangeStart, type TimeRange } from '@/lib/dashboard/query';
import { exportFilename, ledgerCsv } from '@/lib/dashboard/ledger-csv';
import { messages } from '@/lib/protocol/messages';
import { ErrorText } from './Field';
import { EmptyState } from './views/View';

const STATUSES = ['ok', 'error', 'aborted', 'refused', 'interrupted', 'pending'] as const;
const RANGES: { value: TimeRange; label: string }[] = [
  { value: 'hour', label: 'Last hour' },
  { value: 'day', label: 'Last 24 hours' },
  { value: 'week', label: 'Last 7 days' },
  { value: 'month', label: 'Last 30 days' },
  { value: 'all', label: 'All time' },
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
    return messages.exported(all.length, filename);
  });
  const [exported, setExported] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby="ledger-title">
      <h3 id="ledger-title">Recent requests</h3>
      <div className="filters">
        <div>
          <label htmlFor={ids.site}>Filter by site</label>
          <select id={ids.site} value={origin} onChange={(e) => setOrigin(e.target.value)}>
            <option value="">All sites</option>
            {choices.data?.origins.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.model}>Filter by model</label>
          <select id={ids.model} value={model} onChange={(e) => setModel(e.target.value)}>
            <option value="">All models</option>
            {choices.data?.models.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.status}>Filter by status</label>
          <select id={ids.status} value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
            <option value="">All statuses</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.range}>Time range</label>
          <select id={ids.range} value={range} onChange={(e) => setRange(e.target.value as TimeRange)}>
            {RANGES.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="actions">
        <button onClick={() => void exportCsv.run().then((m) => setExported(m ?? null))} disabled={exportCsv.busy}>
          Export CSV
        </button>
      </div>
      {exported ? (
        <p role="status" className="muted">
          {exported}
        </p>
      ) : null}
      <ErrorText error={rows.error ?? exportCsv.error} />
      {rows.data?.length === 0 && (origin || model || status || range !== 'all') ? <p className="muted">No requests match.</p> : null}
      {rows.data?.length === 0 && !(origin || model || status || range !== 'all') ? (
        <EmptyState>No requests yet. When a connected site uses your keys, each request shows here with its model, tokens and cost.</EmptyState>
      ) : null}
      {rows.data?.length ? (
        <table aria-label="Request log">
          <thead>
            <tr>
              <th>Time</th>
              <th>Site</th>
              <th>Model</th>
              <th>Status</th>
              <th>Tokens in/out</th>
              <th>Cost (USD)</th>
            </tr>
          </thead>
          <tbody>
            {rows.data.map((r) => (
              <tr key={r.id} data-id={r.id}>
                <td>{formatTime(r.at)}</td>
                <td>{r.origin}</td>
                <td>{r.model}</td>
                <td title={r.errorMessage}>
                  {r.status}
                  {r.errorCode === undefined ? '' : ` (${r.errorCode})`}
                </td>
                <td>
                  {r.inputTokens}/{r.outputTokens}
                </td>
                <td>{formatUsdAmount(r.costNano / 1e9)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {rows.data && rows.data.length >= limit ? (
        <div className="actions">
          <button onClick={() => setLimit(limit + PAGE)} aria-label="Show more requests">Show more</button>
        </div>
      ) : null}
    </section>
  );
}
