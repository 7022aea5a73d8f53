import { t } from '@/lib/i18n/t';
import { call } from '@/lib/ui/client';
import { useWallet } from '@/lib/ui/hooks';
import { errorView } from '@/lib/ui/error-text';
import { useHashView } from '@/lib/ui/use-hash-view';
import { CreateWallet } from './CreateWallet';
import { UnlockForm } from './UnlockForm';
import { LockButton } from './LockButton';
import { ResetWallet } from './ResetWallet';
import { Welcome } from './Welcome';
import { WalletNav } from './WalletNav';
import { WalletView } from './views/WalletViews';

/**
 * The options page: first run (create or restore), unlock, then the wallet as an app, one view at
 * a time under a navigation (lib/ui/views.ts). The Welcome card leads the Keys view until a key exists.
 */
export function OptionsApp() {
  const status = useWallet(() => call('vault.status'));
  const view = useHashView();
  const s = status.data;
  return (
    <>
      <header className="app-header">
        <h1>{t('view_appHeading')}</h1>
        {s?.unlocked ? <LockButton /> : null}
      </header>
      {s?.unlocked ? <WalletNav current={view} /> : null}
      <main>
        {!s ? <p className="muted">{status.error ? errorView(status.error).text : t('common_loading')}</p> : null}
        {s && (!s.unlocked || view === 'keys') ? <Welcome status={s} /> : null}
        {s && !s.exists ? <CreateWallet /> : null}
        {s?.exists && !s.unlocked ? (
          <section className="card" aria-labelledby="unlock-title">
            <h2 id="unlock-title">{t('view_unlockHeading')}</h2>
            <UnlockForm />
            <ResetWallet forgotten />
          </section>
        ) : null}
        {/* keyed by view: each view mounts anew, so its heading takes focus (components/views/View.tsx) */}
        {s?.unlocked ? <WalletView key={view} view={view} autoLockMinutes={s.autoLockMinutes} /> : null}
      </main>
    </>
  );
}
