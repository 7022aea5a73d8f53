import { UnlockForm } from './UnlockForm';

/** The unlock window, opened when a site's request needs the wallet unlocked. */
export function UnlockApp() {
  return (
    <main className="narrow">
      <h1>Unlock byok</h1>
      <p className="muted">A site is waiting for your wallet.</p>
      <UnlockForm guarded />
    </main>
  );
}
