/**
 * The wallet's error table (docs/API.md, "The page API"): every rejection from `window.byok` carries one of
 * these numeric codes and a clear message. An abort is not in the table: it rejects with an error
 * named `AbortError`.
 */

/** The user rejected the request. */
export const USER_REJECTED = 4001;
/** No grant, or the scope / model is not granted. */
export const UNAUTHORIZED = 4100;
/** Unsupported method or feature (also: no wallet installed). */
export const UNSUPPORTED = 4200;
/** Per-site rate limit, or too many pending prompts; `data.retryAfterMs` may say when to retry. */
export const RATE_LIMITED = 4290;
/** The site's budget would be exceeded; nothing was sent to the provider. */
export const BUDGET_EXCEEDED = 4402;
/** The wallet is locked and the user did not unlock it. */
export const LOCKED = 4900;
/** Invalid request; the message names the bad field. */
export const INVALID_PARAMS = -32602;
/** The provider failed; the message says what it said. `data.status` may carry its HTTP status. */
export const PROVIDER_ERROR = 5000;

/** An error from the wallet: a numeric `code` from the table above and optional facts in `data`. */
export class ByokError extends Error {
  readonly code: number;
  readonly data?: Record<string, unknown>;

  constructor(code: number, message: string, data?: Record<string, unknown>) {
    super(message);
    this.name = 'ByokError';
    this.code = code;
    if (data) this.data = data;
  }
}

/**
 * The wallet error in `e` as a {@link ByokError}, or `undefined` when `e` is not one (an
 * `AbortError` or other `DOMException`, a `TypeError` from the app, ...).
 */
export function asByokError(e: unknown): ByokError | undefined {
  if (e instanceof ByokError) return e;
  const o = e as { code?: unknown; message?: unknown; data?: unknown } | null;
  if (!o || typeof o !== 'object' || typeof o.code !== 'number' || isAbortError(o)) return undefined;
  // A DOMException has a numeric legacy `code` too (20 for an abort); it is not a wallet error.
  if (typeof DOMException !== 'undefined' && o instanceof DOMException) return undefined;
  const data = o.data && typeof o.data === 'object' ? (o.data as Record<string, unknown>) : undefined;
  return new ByokError(o.code, String(o.message ?? ''), data);
}

/** True when `e` is a wallet error, with the given `code` if one is given. */
export function isByokError(e: unknown, code?: number): e is { code: number; message: string } {
  const err = asByokError(e);
  return !!err && (code === undefined || err.code === code);
}

/** True when `e` is an abort (a `DOMException` or any error named `AbortError`). */
export function isAbortError(e: unknown): boolean {
  return !!e && typeof e === 'object' && (e as { name?: unknown }).name === 'AbortError';
}
