import { t } from '@/lib/i18n/t';
import { UnlockForm } from './UnlockForm';

/** The unlock window, opened when a site's request needs the wallet unlocked. */
export function UnlockApp() {
  return (
    <main className="narrow">
      <h1>{t('unlock_heading')}</h1>
      <p className="muted">{t('unlock_siteWaiting')}</p>
      <UnlockForm guarded />
    </main>
  );
}
