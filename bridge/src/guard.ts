/**
 * Who may use the endpoint: local programs only (docs/THREAT_MODEL.md, "A local process or a web
 * page reaching 127.0.0.1"). A browser always sends `Origin` on a page's cross-origin and POST
 * requests, so a request with one is a web page's; a `Host` that is not the loopback name with
 * our port is DNS rebinding (a page's own name resolved to 127.0.0.1).
 */
import { createHash, randomBytes } from 'node:crypto';

export interface Refusal {
  status: number;
  message: string;
}

/** Why a request may not reach the endpoint at all, or null when it may. */
export function refuseCaller(headers: { origin?: string | string[] | undefined; host?: string | undefined }, port: number): Refusal | null {
  if (headers.origin !== undefined) return { status: 403, message: 'byok-bridge answers local programs only, not web pages (the request has an Origin header).' };
  if (!isOwnHost(headers.host, port)) return { status: 403, message: 'byok-bridge answers only at 127.0.0.1 or localhost with its own port (Host header refused).' };
  return null;
}

/** `Host` is 127.0.0.1, localhost or [::1] with the bridge's port (the port may be left out only for port 80). */
export function isOwnHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const match = /^(127\.0\.0\.1|localhost|\[::1\])(?::(\d{1,5}))?$/i.exec(host.trim());
  if (!match) return false;
  const given = match[2] === undefined ? 80 : Number(match[2]);
  return given === port;
}

/** The app token from `Authorization: Bearer` (OpenAI SDK) or `x-api-key` (Anthropic SDK). */
export function tokenOf(headers: { authorization?: string | undefined; 'x-api-key'?: string | string[] | undefined }): string | null {
  const key = headers['x-api-key'];
  if (typeof key === 'string' && key.trim()) return key.trim();
  const auth = headers.authorization;
  const bearer = auth && /^Bearer\s+(\S+)\s*$/i.exec(auth);
  return bearer ? bearer[1]! : null;
}

const TOKEN_PREFIX = 'byok_app_';

/** A new app token: 32 random bytes, shown once by `connect`, never stored (the wallet keeps its hash). */
export function newAppToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/** What the wallet stores and the host sends instead of the token: its SHA-256, lowercase hex. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether `token` has an app token's shape (anything else is refused without asking the wallet). */
export function looksLikeToken(token: string): boolean {
  return token.startsWith(TOKEN_PREFIX) && token.length <= 128;
}
