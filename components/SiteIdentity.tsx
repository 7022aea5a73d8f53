import { isInlineImage } from '@/lib/approvals/favicon';
import { siteColour, siteLetter, siteName } from '@/lib/ui/site-name';
import './site.css';

/**
 * The site's name (its host without "www."), big, beside its icon. The exact origin stays the
 * authority: callers show it right below.
 *
 * The icon is drawn only from an inline image (a data: URL the browser reported for the tab).
 * The wallet's pages do not block remote images (wxt.config.ts limits scripts and frames only), but
 * an https favicon is not loaded on purpose: fetching it from the prompt would tell that server
 * (which the site picks, and can redirect) the moment the person looks at the prompt, and its
 * pixels could change after the origin was checked. Without an inline image, the first letter of
 * the host in a colour taken from the exact origin stands in: it is drawn from what the browser
 * reported and cannot be styled by the site.
 */
export function SiteIdentity({ origin, favIconUrl = null }: { origin: string; favIconUrl?: string | null }) {
  return (
    <div className="site-identity">
      <SiteIcon origin={origin} favIconUrl={favIconUrl} />
      <span className="site-name" data-testid="site-name">
        {siteName(origin)}
      </span>
    </div>
  );
}

export function SiteIcon({ origin, favIconUrl = null }: { origin: string; favIconUrl?: string | null }) {
  if (isInlineImage(favIconUrl)) return <img className="site-icon" src={favIconUrl} alt="" width={16} height={16} referrerPolicy="no-referrer" />;
  return (
    <span className="site-letter" aria-hidden="true" style={{ background: siteColour(origin) }}>
      {siteLetter(origin)}
    </span>
  );
}
