/**
 * The origin of a request is what the browser reports for the calling frame (docs/API.md, "What the wallet guarantees"),
 * never a value the page sends.
 */
export interface SenderLike {
  id?: string;
  origin?: string;
  url?: string;
  frameId?: number;
  tab?: { url?: string };
}

/** The calling frame's origin as the browser reports it, or null when it cannot be known. */
export function originOfSender(sender: SenderLike): string | null {
  // Chromium reports `origin` (opaque origins as the string 'null'); Firefox may only give `url`.
  if (typeof sender.origin === 'string') return sender.origin;
  if (typeof sender.url !== 'string') return null;
  try {
    return new URL(sender.url).origin;
  } catch {
    return null;
  }
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * True for the loopback names the contract lists (docs/API.md, "What the wallet guarantees"), as `URL` spells them
 * (lowercase, IPv6 in brackets); a look-alike such as `localhost.example.com` never is.
 */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase());
}

/** Only https origins, and plain http on localhost / 127.0.0.1, may connect. */
export function canConnect(origin: string | null): origin is string {
  if (!origin || origin === 'null') return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin !== origin) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && isLoopbackHost(url.hostname);
}

/** The top-level page's origin, when the request came from a sub-frame. */
export function topOriginOfSender(sender: SenderLike): string | undefined {
  if (!sender.frameId || !sender.tab?.url) return undefined;
  try {
    return new URL(sender.tab.url).origin;
  } catch {
    return undefined;
  }
}
