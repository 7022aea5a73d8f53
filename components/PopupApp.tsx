import { t } from '@/lib/i18n/t';
import { rich } from '@/lib/i18n/rich';
import { call } from '@/lib/ui/client';
import { useWallet } from '@/lib/ui/hooks';
import { openOptions } from '@/lib/ui/tabs';
import { UnlockForm } from './UnlockForm';
import { LockButton } from './LockButton';
import { PopupSite } from './PopupSite';
import './site.css';

/**
 * The toolbar popup: lock state, and the control for the current site (components/PopupSite.tsx).
 * While locked it shows only the unlock form: nothing about any site. `target` (from
 * `popup.html?origin=`, lib/sites/popup.ts) names the site instead of the active tab.
 */
export function PopupApp({ target = null }: { target?: string | null }) {
  const status = useWallet(() => call('vault.status'));
  const s = status.data;
  return (
    <main className="narrow popup">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h1>{t('extName')}</h1>
        {s?.unlocked ? <LockButton /> : null}
      </div>
      {s && !s.exists ? (
        <p>{rich('popup_noWallet', <button onClick={() => void openOptions()}>{t('popup_setUp')}</button>)}</p>
      ) : null}
      {s?.exists && !s.unlocked ? <UnlockForm /> : null}
      {s?.unlocked ? (
        <>
          <p className="ok">{t('popup_unlocked')}</p>
          <PopupSite target={target} />
        </>
      ) : null}
      {s ? <button autoFocus={s.unlocked} onClick={() => void openOptions()}>{t('popup_openWallet')}</button> : null}
    </main>
  );
}
