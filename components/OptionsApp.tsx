import { call } from '@/lib/ui/client';
import { useWallet } from '@/lib/ui/hooks';
import type { VaultStatusView } from '@/lib/ui/types';
import { CreateWallet } from './CreateWallet';
import { UnlockForm } from './UnlockForm';
import { KeysSection } from './KeysSection';
import { SitesSection } from './SitesSection';
import { LocalAppsSection } from './LocalAppsSection';
import { LedgerSection } from './LedgerSection';
import { DashboardSection } from './DashboardSection';
import { AuditSection } from './AuditSection';
import { PricesSection } from './PricesSection';
import { VaultSection } from './VaultSection';
import { RequestSettings } from './RequestSettings';
import { LockButton } from './LockButton';
import { ResetWallet } from './ResetWallet';
import { Welcome } from './Welcome';

export function OptionsApp() {
  const status = useWallet(() => call<VaultStatusView>('vault.status'));
  const s = status.data;
  return (
    <main>
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h1>byok wallet</h1>
        {s?.unlocked ? <LockButton /> : null}
      </div>
      {!s ? <p className="muted">{status.error ?? 'Loading…'}</p> : null}
      {s ? <Welcome status={s} /> : null}
      {s && !s.exists ? <CreateWallet /> : null}
      {s?.exists && !s.unlocked ? (
        <section className="card">
          <h2>Unlock your wallet</h2>
          <UnlockForm />
          <ResetWallet forgotten />
        </section>
      ) : null}
      {s?.unlocked ? (
        <>
          <KeysSection />
          <SitesSection />
          <LocalAppsSection />
          <DashboardSection />
          <LedgerSection />
          <PricesSection />
          <RequestSettings />
          <VaultSection autoLockMinutes={s.autoLockMinutes} />
          <AuditSection />
        </>
      ) : null}
    </main>
  );
}
