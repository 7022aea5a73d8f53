/**
 * The options page's views, one at a time, routed by the URL hash (#keys, #sites, …) so a view can
 * be linked to, reloaded and reached with Back. #welcome is the first-run step the wallet opens on
 * install (lib/background/windows.ts): it shows the Keys view under the Welcome card.
 */
import { t, type MessageKey } from '../i18n/t';

export const VIEWS = [
  { id: 'keys', labelKey: 'view_keys' },
  { id: 'sites', labelKey: 'view_sites' },
  { id: 'usage', labelKey: 'view_usage' },
  { id: 'settings', labelKey: 'view_settings' },
  { id: 'security', labelKey: 'view_security' },
] as const satisfies readonly { id: string; labelKey: MessageKey }[];

export type ViewId = (typeof VIEWS)[number]['id'];

/** The view a hash names; anything else (no hash, #welcome, an old link) is Keys. */
export function viewFromHash(hash: string): ViewId {
  const id = hash.replace(/^#/, '');
  return VIEWS.find((v) => v.id === id)?.id ?? 'keys';
}

/** A view's name, in the nav and as its heading. */
export const viewLabel = (id: ViewId): string => t(VIEWS.find((v) => v.id === id)!.labelKey);
