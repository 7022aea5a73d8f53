import { call } from '@/lib/ui/client';
import { useWallet } from '@/lib/ui/hooks';
import type { LedgerEntry } from '@/lib/ui/types';
import { formatTime, formatUsdAmount } from '@/lib/ui/format';

export function LedgerSection() {
  const rows = useWallet(() => call<LedgerEntry[]>('ledger.recent', { limit: 50 }));
  return (
    <section className="card" aria-labelledby="ledger-title">
      <h2 id="ledger-title">Recent requests</h2>
      {rows.data?.length === 0 ? <p className="muted">No requests yet.</p> : null}
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
              <tr key={r.id}>
                <td>{formatTime(r.at)}</td>
                <td>{r.origin}</td>
                <td>{r.model}</td>
                <td title={r.errorMessage}>{r.status}</td>
                <td>
                  {r.inputTokens}/{r.outputTokens}
                </td>
                <td>{formatUsdAmount(r.costNano / 1e9)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
