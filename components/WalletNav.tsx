import { t } from '@/lib/i18n/t';
import { VIEWS, viewLabel, type ViewId } from '@/lib/ui/views';

/**
 * The options page's navigation: plain links to each view's hash (lib/ui/views.ts), so they work
 * as links do (Back, open in a new tab), with aria-current on the view shown.
 */
export function WalletNav({ current }: { current: ViewId }) {
  return (
    <nav aria-label={t('nav_wallet')} className="wallet-nav">
      <ul>
        {VIEWS.map((v) => (
          <li key={v.id}>
            <a href={`#${v.id}`} aria-current={v.id === current ? 'page' : undefined}>
              {viewLabel(v.id)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
