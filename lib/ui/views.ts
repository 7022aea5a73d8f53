/**
 * The options page's views, one at a time, routed by the URL hash (#keys, #sites, …) so a view can
 * be linked to, reloaded and reached with Back. #welcome is the first-run step the wallet opens on
 * install (lib/background/windows.ts): it shows the Keys view under the Welcome card.
 */
export const VIEWS = [
  { id: 'keys', label: 'Keys' },
  { id: 'sites', label: 'Sites & apps' },
  { id: 'usage', label: 'Usage' },
  { id: 'settings', label: 'Settings' },
  { id: 'security', label: 'Security' },
] as const;

export type ViewId = (typeof VIEWS)[number]['id'];

/** The view a hash names; anything else (no hash, #welcome, an old link) is Keys. */
export function viewFromHash(hash: string): ViewId {
  const id = hash.replace(/^#/, '');
  return VIEWS.find((v) => v.id === id)?.id ?? 'keys';
}

export const viewLabel = (id: ViewId): string => VIEWS.find((v) => v.id === id)!.label;
