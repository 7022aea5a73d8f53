import { useCallback, useEffect, useState, type KeyboardEvent } from 'react';
import { plural, t } from '@/lib/i18n/t';
import { call } from '@/lib/ui/client';
import { useAction, useWallet } from '@/lib/ui/hooks';
import { formatTime } from '@/lib/ui/format';
import { scopesInWords } from '@/lib/ui/scopes';
import { SpendBar } from './SpendBar';
import { SiteSettings } from './SiteSettings';
import { ErrorText } from './Field';
import { RevokedNotice } from './RevokedNotice';
import { originLabel } from '@/lib/apps/app-origin';
import { originParam } from '@/lib/sites/popup';
import { useEscapeToClose } from '@/lib/ui/use-escape';
import { EmptyState } from './views/View';

/** The connected sites: each with its spend, Settings, Pause / Resume and Revoke (acts at once, with Undo). */
export function SitesSection() {
  const grants = useWallet(() => call('grants.list'));
  const [revoked, setRevoked] = useState<string | null>(null);
  const revoke = useAction(async (origin: string) => {
    await call('grants.revoke', { origin });
    setRevoked(origin);
  });
  const dismiss = useCallback(() => setRevoked(null), []);
  const pause = useAction((origin: string, paused: boolean) => call('grants.update', { origin, paused }));
  // Opened from the popup's Settings (options.html?site=ORIGIN#sites): that site's settings open, in view.
  const [open, setOpen] = useState<string | null>(() => originParam(location.search, 'site'));
  const loaded = grants.data !== undefined;
  useEffect(() => {
    const asked = originParam(location.search, 'site');
    if (loaded && asked) document.getElementById(originId(asked))?.scrollIntoView({ block: 'start' });
  }, [loaded]);
  const { openerRef, onKeyDown } = useEscapeToClose(open !== null, () => setOpen(null));
  return (
    <section className="card" aria-labelledby="sites-title">
      <h3 id="sites-title">{t('sites_title')}</h3>
      {revoked ? <RevokedNotice origin={revoked} onDone={dismiss} /> : null}
      {grants.data?.length === 0 ? (
        <EmptyState>{t('sites_empty')}</EmptyState>
      ) : null}
      <ul className="plain" aria-label={t('sites_title')}>
        {grants.data?.map((g) => (
          <li key={g.origin} aria-label={g.origin} onKeyDown={(e: KeyboardEvent) => open === g.origin && onKeyDown(e)}>
            <div className="row" style={{ justifyContent: 'space-between' }}>
              <span className="origin" id={originId(g.origin)}>
                {originLabel(g.origin)}
              </span>
              <span className="row">
                <button aria-expanded={open === g.origin} aria-label={t('sites_settingsFor', g.origin)} ref={open === g.origin ? openerRef : undefined} onClick={() => setOpen(open === g.origin ? null : g.origin)}>
                  {t('sites_settings')}
                </button>
                <button aria-label={g.paused ? t('sites_resumeLabel', g.origin) : t('sites_pauseLabel', g.origin)} onClick={() => void pause.run(g.origin, !g.paused)} disabled={pause.busy}>
                  {g.paused ? t('sites_resume') : t('sites_pause')}
                </button>
                {/* Named exactly "Revoke" (the name pages and tests use); the site's origin describes it. */}
                <button className="danger" onClick={() => void revoke.run(g.origin)} aria-describedby={originId(g.origin)}>
                  {t('sites_revoke')}
                </button>
              </span>
            </div>
            <div className="muted">
              {scopesInWords(g.scopes).join(', ')} · {plural('sites_models', g.models.length, g.defaultModel)} · {t('sites_ratePerMinute', g.rateLimitPerMin)}
              {g.expiresAt === undefined ? '' : ` · ${t('sites_until', formatTime(g.expiresAt))}`}
              {g.paused ? (
                <>
                  {' '}
                  · <span className="badge warn">{t('sites_pausedBadge')}</span>
                </>
              ) : null}
            </div>
            <SpendBar grant={g} />
            {open === g.origin ? <SiteSettings origin={g.origin} /> : null}
          </li>
        ))}
      </ul>
      <ErrorText error={grants.error ?? revoke.error ?? pause.error} />
    </section>
  );
}

/** An element id for a site's origin (ids may not hold `:` and `/` in selectors, so they are replaced). */
const originId = (origin: string) => `site-${origin.replace(/[^a-zA-Z0-9-]/g, '_')}`;
