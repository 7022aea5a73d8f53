import { VIEWS, type ViewId } from '@/lib/ui/views';

/**
 * The options page's navigation: plain links to each view's hash (lib/ui/views.ts), so they work
 * as links do (Back, open in a new tab), with aria-current on the view shown.
 */
export function WalletNav({ current }: { current: ViewId }) {
  return (
    <nav aria-label="Wallet" className="wallet-nav">
      <ul>
        {VIEWS.map((v) => (
          <li key={v.id}>
            <a href={`#${v.id}`} aria-current={v.id === current ? 'page' : undefined}>
              {v.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
