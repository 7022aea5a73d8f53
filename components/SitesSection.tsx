import { call } from '@/lib/ui/client';
import { useAction, useWallet } from '@/lib/ui/hooks';
import type { Grant } from '@/lib/ui/types';
import { SpendBar } from './SpendBar';
import { ErrorText } from './Field';

export function SitesSection() {
  const grants = useWallet(() => call<Grant[]>('grants.list'));
  const revoke = useAction((origin: string) => call('grants.revoke', { origin }));
  return (
    <section className="card" aria-labelledby="sites-title">
      <h2 id="sites-title">Connected sites</h2>
      {grants.data?.length === 0 ? <p className="muted">No site is connected.</p> : null}
      <ul className="plain" aria-label="Connected sites">
        {grants.data?.map((g) => (
          <li key={g.origin} aria-label={g.origin}>
            <div className="row" style={{ justifyContent: 'space-between' }}>
              <span className="origin">{g.origin}</span>
              <button className="danger" onClick={() => void revoke.run(g.origin)}>
                Revoke
              </button>
            </div>
            <div className="muted">
              {g.scopes.join(', ')} · {g.models.length} models (default {g.defaultModel}) · {g.rateLimitPerMin}/min{g.paused ? ' · paused' : ''}
            </div>
            <SpendBar grant={g} />
          </li>
        ))}
      </ul>
      <ErrorText error={grants.error ?? revoke.error} />
    </section>
  );
}
