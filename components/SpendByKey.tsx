import { call } from '@/lib/ui/client';
import { useWallet } from '@/lib/ui/hooks';
import { formatUsdSummary } from '@/lib/ui/format';
import { plural, t } from '@/lib/i18n/t';
import { ErrorText } from './Field';

/** Which key (and so which card) paid for what over the dashboard's period, and each provider's share. */
export function SpendByKey({ days }: { days: number }) {
  const spend = useWallet(() => call('usage.byKey', { days }), [days]);
  const s = spend.data;
  return (
    <>
      <ErrorText error={spend.error} />
      {s ? (
        <div className="charts">
          <div>
            <h4 id="spend-by-key-title">{t('dashboard_spendByKey')}</h4>
            {s.keys.length === 0 ? (
              <p className="muted">{t('dashboard_noKeySpend')}</p>
            ) : (
              <table aria-labelledby="spend-by-key-title">
                <thead>
                  <tr>
                    <th>{t('dashboard_colKey')}</th>
                    <th>{t('dashboard_colProvider')}</th>
                    <th>{t('dashboard_colRequests')}</th>
                    <th>{t('dashboard_colSpend')}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.keys.map((k) => (
                    <tr key={k.keyId}>
                      <td>
                        {k.name} {k.masked ? <span className="muted">{k.masked}</span> : null}
                      </td>
                      <td>{k.provider}</td>
                      <td>{k.requests}</td>
                      <td>{formatUsdSummary(k.usd)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {s.unattributed.requests > 0 ? (
              <p className="muted">
                {plural('dashboard_unattributed', s.unattributed.requests, formatUsdSummary(s.unattributed.usd))}
              </p>
            ) : null}
          </div>
          <div>
            <h4 id="spend-by-provider-title">{t('dashboard_spendByProvider')}</h4>
            {s.providers.length === 0 ? (
              <p className="muted">{t('dashboard_noRequests')}</p>
            ) : (
              <table aria-labelledby="spend-by-provider-title">
                <thead>
                  <tr>
                    <th>{t('dashboard_colProvider')}</th>
                    <th>{t('dashboard_colKeys')}</th>
                    <th>{t('dashboard_colRequests')}</th>
                    <th>{t('dashboard_colSpend')}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.providers.map((p) => (
                    <tr key={p.provider}>
                      <td>{p.provider}</td>
                      <td>{p.keys}</td>
                      <td>{p.requests}</td>
                      <td>{formatUsdSummary(p.usd)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        </div>
      ) : null}
    </>
  );
}
