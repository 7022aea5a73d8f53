/**
 * A local app's identity is a grant origin of its own scheme, `app:NAME` (docs/TERMINAL.md):
 * no web page can have it (a page's origin is what the browser reports, always a URL's), and
 * every list, log and window shows it as an app, not a site.
 */
import { APP_NAME_PATTERN, APP_ORIGIN_PREFIX } from '../protocol/bridge-limits';

export function appOrigin(name: string): string {
  if (!APP_NAME_PATTERN.test(name)) throw new Error(`not an app name: ${name}`);
  return APP_ORIGIN_PREFIX + name;
}

/** True for `app:NAME` with a valid name. */
export function isAppOrigin(origin: string): boolean {
  return origin.startsWith(APP_ORIGIN_PREFIX) && APP_NAME_PATTERN.test(origin.slice(APP_ORIGIN_PREFIX.length));
}

/** How people see a grant's origin: a site as its origin, an app as "NAME (local app)". */
export function originLabel(origin: string): string {
  return isAppOrigin(origin) ? `${origin.slice(APP_ORIGIN_PREFIX.length)} (local app)` : origin;
}
