import { call } from '@/lib/ui/client';
import { useWallet } from '@/lib/ui/hooks';
import type { Grant, VaultStatusView } from '@/lib/ui/types';
import { activeTabOrigin, openOptions } from '@/lib/ui/tabs';
import { UnlockForm } from './UnlockForm';
import { LockButton } from './LockButton';
import { SpendBar } from './SpendBar';

/**
 * The toolbar popup: lock state, and the current site's grant with this period's spend against its
 * budget. `target` (from `popup.html?origin=`, lib/sites/popup.ts) names the site instead of the
 * active tab.
 */
export function PopupApp({ target = null }: { target?: string | null }) {
  const status = useWallet(() => call<VaultStatusView>('vault.status'));
  const site = useWallet(async () => {
    const origin = target ?? (await activeTabOrigin());
    return { origin, grant: origin ? await call<Grant | null>('grants.get', { origin }) : null };
  }, [target]);
  const s = status.data;
  const grant = site.data?.grant;
  return (
    <main className="narrow" style={{ width: 340 }}>
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h1>byok</h1>
        {s?.unlocked ? <LockButton /> : null}
      </div>
      {s && !s.exists ? (
        <p>
          No wallet yet. <button onClick={() => void openOptions()}>Set up byok</button>
        </p>
      ) : null}
      {s?.exists && !s.unlocked ? <UnlockForm /> : null}
      {s?.unlocked ? <p className="ok">Unlocked</p> : null}
      {site.data?.origin ? (
        <section className="card" aria-label="This site">
          <div className="origin">{site.data.origin}</div>
          {grant ? (
            <>
              <div className="muted">
                {grant.models.length} {grant.models.length === 1 ? 'model' : 'models'} (default {grant.defaultModel}) · {grant.rateLimitPerMin}/min
                {grant.paused ? ' · paused' : ''}
              </div>
              <SpendBar grant={grant} />
            </>
          ) : (
            <p className="muted">Not connected.</p>
          )}
        </section>
      ) : null}
      {s ? <button autoFocus={s.unlocked} onClick={() => void openOptions()}>Open wallet</button> : null}
    </main>
  );
}
