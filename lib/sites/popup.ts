/**
 * Which site the popup shows. Opened from the toolbar, the popup shows the active tab's site.
 * `popup.html?origin=https://site.example` shows that site instead: the popup can then be opened
 * in a tab (end-to-end tests, where the active tab would be the popup itself) or linked to from
 * the wallet's own pages. Only an http(s) origin is taken, normalised; anything else is ignored.
 * The popup only displays what the options page already shows, so the parameter grants nothing.
 */
export function originParam(search: string, name: 'origin' | 'site' = 'origin'): string | null {
  const raw = new URLSearchParams(search).get(name);
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * The options page opened at one site's settings (the popup's Settings): `options.html?site=ORIGIN#sites`,
 * its Sites & apps view. The site is a query rather than the hash, which is the page's navigation. The options page
 * reads it back with `originParam(search, 'site')`; like `?origin=` it only chooses what is shown.
 */
export function siteSettingsPath(origin: string): string {
  return `options.html?site=${encodeURIComponent(origin)}#sites`;
}
