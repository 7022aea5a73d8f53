import { useId, useState } from 'react';
import { plural, pluralKey, t } from '@/lib/i18n/t';
import { rich } from '@/lib/i18n/rich';
import { call } from '@/lib/ui/client';
import { useWallet } from '@/lib/ui/hooks';
import { formatUsdSummary } from '@/lib/ui/format';
import { providerName } from '@/lib/ui/provider-name';
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
        <h3 id="dashboard-title">{t('dashboard_title')}</h3>
        <div className="row">
          <label htmlFor={spanId} style={{ margin: 0 }}>
            {t('dashboard_period')}
          </label>
          <select id={spanId} value={days} onChange={(e) => setDays(Number(e.target.value))} style={{ width: 'auto' }}>
            {SPANS.map((d) => (
              <option key={d} value={d}>
                {plural('dashboard_lastDays', d)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorText error={summary.error} />
      {s ? (
        <>
          <p data-testid="usage-totals">
            {rich(pluralKey('dashboard_totals', s.totals.requests), s.totals.requests, <strong>{formatUsdSummary(s.totals.usd)}</strong>, s.totals.inputTokens, s.totals.outputTokens, s.from, s.to)}
          </p>
          {s.byCapability.length ? (
            <table aria-label={t('dashboard_spendByCapability')}>
              <thead>
                <tr>
                  <th>{t('dashboard_colCapability')}</th>
                  <th>{t('dashboard_colRequests')}</th>
                  <th>{t('dashboard_colTokens')}</th>
                  <th>{t('dashboard_colUnits')}</th>
                  <th>{t('dashboard_colSpend')}</th>
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
            <DashboardChart title={t('dashboard_spendPerSite')} rows={s.bySite} series={s.sites} testId="chart-sites" />
            <DashboardChart title={t('dashboard_spendPerProvider')} rows={s.byProvider} series={s.providers.map((p) => ({ ...p, label: providerName(p.label) }))} testId="chart-providers" />
          </div>
          <SpendByKey days={days} />
          <h4>{t('dashboard_topSites')}</h4>
          {s.topSites.length === 0 ? (
            <p className="muted">{t('dashboard_noRequests')}</p>
          ) : (
            <table aria-label={t('dashboard_topSites')}>
              <thead>
                <tr>
                  <th>{t('dashboard_colSite')}</th>
                  <th>{t('dashboard_colRequests')}</th>
                  <th>{t('dashboard_colTokens')}</th>
                  <th>{t('dashboard_colSpend')}</th>
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
