/**
 * Whether a base URL points at this machine (docs/API.md, "What the wallet guarantees"): such endpoints cost nothing
 * and need no extra host permission. Only the loopback names the contract lists count, so a
 * look-alike such as `localhost.example.com` or `127.0.0.1.nip.io` never does.
 */
import { isLoopbackHost } from '../grants/origin';

/** True when `url` is an http(s) URL on localhost, 127.0.0.1 or [::1]. */
export function isLocalBaseUrl(url: string | undefined | null): boolean {
  if (typeof url !== 'string' || url === '') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  return isLoopbackHost(parsed.hostname);
}

/** The same check under the name the extension's pages use. */
export const isLocalUrl = isLocalBaseUrl;
