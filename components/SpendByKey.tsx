import { call } from '@/lib/ui/client';
import { useWallet } from '@/lib/ui/hooks';
import { formatUsdSummary } from '@/lib/ui/format';
import { ErrorText } from './Field';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

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
            <h4 id="spend-by-key-title">Spend by key</h4>
            {s.keys.length === 0 ? (
              <p className="muted">No key spent anything in this period.</p>
            ) : (
              <table aria-labelledby="spend-by-key-title">
                <thead>
                  <tr>
                    <th>Key</th>
                    <th>Provider</th>
                    <th>Requests</th>
                    <th>Spend (USD)</th>
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
                {formatUsdSummary(s.unattributed.usd)} on {plural(s.unattributed.requests, 'request', 'requests')} not counted per key (refused before a key was
                chosen, or made before byok counted spend per key).
              </p>
            ) : null}
          </div>
          <div>
            <h4 id="spend-by-provider-title">Spend by provider</h4>
            {s.providers.length === 0 ? (
              <p className="muted">No requests in this period.</p>
            ) : (
              <table aria-labelledby="spend-by-provider-title">
                <thead>
                  <tr>
                    <th>Provider</th>
                    <th>Keys</th>
                    <th>Requests</th>
                    <th>Spend (USD)</th>
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
