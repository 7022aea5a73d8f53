/**
 * Fetching a custom base URL from the background needs a host permission. Local endpoints are
 * granted at install; any other host is asked for when the key is saved (a user gesture).
 */
import { browser } from 'wxt/browser';
import { isLocalUrl } from '../providers/local';

/** Must be called synchronously inside a click or submit handler. */
export async function ensureHostPermission(baseUrl: string | undefined): Promise<boolean> {
  if (!baseUrl || isLocalUrl(baseUrl)) return true;
  let origin: string;
  try {
    origin = new URL(baseUrl).origin;
  } catch {
    return true; // the background refuses the URL with a clear message
  }
  return browser.permissions.request({ origins: [`${origin}/*`] }).catch(() => false);
}
