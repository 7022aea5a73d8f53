import { useCallback, useState } from 'react';
import { plural, t } from '@/lib/i18n/t';
import { rich } from '@/lib/i18n/rich';
import { call } from '@/lib/ui/client';
import { useAction, useWallet } from '@/lib/ui/hooks';
import { activeTabOrigin, openOptionsAt } from '@/lib/ui/tabs';
import { siteSettingsPath } from '@/lib/sites/popup';
import { originLabel } from '@/lib/apps/app-origin';
import { ErrorText } from './Field';
import { RevokedNotice } from './RevokedNotice';
import { SiteIdentity } from './SiteIdentity';
import { SpendBar } from './SpendBar';
import { SiteKeysHealth } from './KeyHealthNote';

/**
 * The popup's control for the current tab's site: its status, spend against budget, and Pause /
 * Resume, Revoke (with Undo, as on the options page) and Settings. Shown only while the wallet is
 * unlocked (the popup shows nothing about any site while locked). `target` names the site
 * instead of the active tab (lib/sites/popup.ts).
 */
export function PopupSite({ target }: { target: string | null }) {
  const site = useWallet(async () => {
    const origin = target ?? (await activeTabOrigin());
    return { origin, grant: origin ? await call('grants.get', { origin }) : null };
  }, [target]);
  const [revoked, setRevoked] = useState<string | null>(null);
  const dismiss = useCallback(() => setRevoked(null), []);
  const act = useAction(async (action: 'pause' | 'resume' | 'revoke', origin: string) => {
    if (action === 'revoke') {
      await call('grants.revoke', { origin });
      setRevoked(origin);
    } else await call('grants.update', { origin, paused: action === 'pause' });
  });
  const origin = site.data?.origin;
  if (site.error) return <ErrorText error={site.error} />;
  if (site.data === undefined) return <p className="muted">{t('common_loading')}</p>;
  if (!origin) return <p className="muted">{t('popup_notAWebsite')}</p>;
  const grant = site.data.grant;
  const status = !grant ? t('popup_statusNotConnected') : grant.paused ? t('popup_statusPaused') : t('popup_statusConnected');
  return (
    <section className="card" aria-label={t('popup_thisSite')}>
      <SiteIdentity origin={origin} />
      <div className="origin">{originLabel(origin)}</div>
      <p data-testid="site-status">{rich('popup_status', <strong className={grant?.paused ? 'warn' : grant ? 'ok' : undefined}>{status}</strong>)}</p>
      {revoked ? <RevokedNotice origin={revoked} onDone={dismiss} /> : null}
      {grant ? (
        <>
          {grant.paused ? <p className="warn">{t('popup_pausedNote')}</p> : null}
          <div className="muted">
            {plural('sites_models', grant.models.length, grant.defaultModel)} · {t('sites_ratePerMinute', grant.rateLimitPerMin)}
          </div>
          <SpendBar grant={grant} />
          <SiteKeysHealth origin={origin} />
          <div className="actions">
            <button onClick={() => void act.run(grant.paused ? 'resume' : 'pause', origin)} disabled={act.busy}>
              {grant.paused ? t('sites_resume') : t('sites_pause')}
            </button>
            <button className="danger" onClick={() => void act.run('revoke', origin)} disabled={act.busy}>
              {t('sites_revoke')}
            </button>
            <button onClick={() => void openOptionsAt(siteSettingsPath(origin))}>{t('sites_settings')}</button>
          </div>
        </>
      ) : revoked ? null : (
        <p className="muted">{t('popup_notConnected')}</p>
      )}
      <ErrorText error={act.error} />
    </section>
  );
}
