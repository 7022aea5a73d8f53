import { useId, useState } from 'react';
import { call } from '@/lib/ui/client';
import { useWallet } from '@/lib/ui/hooks';
import { formatUsdSummary } from '@/lib/ui/format';
import { DashboardChart } from './DashboardChart';
import { ErrorText } from './Field';
import { capabilityName, unitsInWords } from '@/lib/ui/units';
import { SpendByKey } from './SpendByKey';

const SPANS = [7, 30, 90] as const;

/** A capability's own units, leaving out those it never uses (a chat has none). */
function mediaUnits(c: { characters: number; seconds: number; images: number }) {
  return { ...(c.characters ? { characters: c.characters } : {}), ...(c.seconds ? { seconds: c.seconds } : {}), ...(c.images ? { images: c.images } : {}) };
}

/** Where the money went: spend per site and per provider over time, and the top sites (from the daily rollups). */
export function DashboardSection() {
  const spanId = useId();
  const [days, setDays] = useState<number>(30);
  const summary = useWallet(() => call('usage.summary', { days }), [days]);
  const s = summary.data;
  return (
    <section className="card" aria-labelledby="dashboard-title">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h3 id="dashboard-title">Dashboard</h3>
        <div className="row">
          <label htmlFor={spanId} style={{ margin: 0 }}>
            Dashboard period
          </label>
          <select id={spanId} value={days} onChange={(e) => setDays(Number(e.target.value))} style={{ width: 'auto' }}>
            {SPANS.map((d) => (
              <option key={d} value={d}>
                last {d} days
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorText error={summary.error} />
      {s ? (
        <>
          <p data-testid="usage-totals">
            <strong>{formatUsdSummary(s.totals.usd)}</strong> on {s.totals.requests} {s.totals.requests === 1 ? 'request' : 'requests'} ({s.totals.inputTokens} tokens in, {s.totals.outputTokens} out), {s.from} to {s.to}.
          </p>
          {s.byCapability.length ? (
            <table aria-label="Spend by capability">
              <thead>
                <tr>
                  <th>Capability</th>
                  <th>Requests</th>
                  <th>Tokens in/out</th>
                  <th>Units</th>
                  <th>Spend (USD)</th>
                </tr>
              </thead>
              <tbody>
                {s.byCapability.map((c) => (
                  <tr key={c.kind}>
                    <td>{capabilityName(c.kind)}</td>
                    <td>{c.requests}</td>
                    <td>
                      {c.inputTokens}/{c.outputTokens}
                    </td>
                    <td>{unitsInWords(mediaUnits(c)).join(', ') || '—'}</td>
                    <td>{formatUsdSummary(c.usd)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <div className="charts">
            <DashboardChart title="Spend per site" rows={s.bySite} series={s.sites} testId="chart-sites" />
            <DashboardChart title="Spend per provider" rows={s.byProvider} series={s.providers} testId="chart-providers" />
          </div>
          <SpendByKey days={days} />
          <h4>Top sites</h4>
          {s.topSites.length === 0 ? (
            <p className="muted">No requests in this period.</p>
          ) : (
            <table aria-label="Top sites">
              <thead>
                <tr>
                  <th>Site</th>
                  <th>Requests</th>
                  <th>Tokens in/out</th>
                  <th>Spend (USD)</th>
                </tr>
              </thead>
              <tbody>
                {s.topSites.slice(0, 10).map((t) => (
                  <tr key={t.origin}>
                    <td className="origin">{t.origin}</td>
                    <td>{t.requests}</td>
                    <td>
                      {t.inputTokens}/{t.outputTokens}
                    </td>
                    <td>{formatUsdSummary(t.usd)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ) : null}
    </section>
  );
}
