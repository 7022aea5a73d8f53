/**
 * The wallet's refusals as the providers' own HTTP errors (docs/TERMINAL.md, "Errors"): the table
 * is the bridge's, not `byokFetch`'s (a page cannot see 402 or 423, a local SDK can). Provider
 * errors (5000) keep `byokFetch`'s mapping: the provider's own status.
 */
import { HttpError } from '../../client/src/_http';
import { ByokError } from '../../client/src/errors';
import type { BridgeWireError } from '../../lib/protocol/bridge';

/** Set by the wallet on a 4100 whose cause is the token itself: the app must connect again (401). */
export const TOKEN_REFUSED = 'token';

const NO_RETRY = { 'x-should-retry': 'false' };

interface Row {
  status: number;
  code: string;
  /** Whether retrying as is cannot help: the SDKs are told not to. */
  final: boolean;
}

/** Wallet error code -> HTTP status, the error's code, and whether a retry can cure it. */
export const ERROR_TABLE: Record<number, Row> = {
  4402: { status: 402, code: 'insufficient_quota', final: true },
  4290: { status: 429, code: 'rate_limit_exceeded', final: false },
  4100: { status: 403, code: 'permission_denied', final: true },
  4900: { status: 423, code: 'wallet_locked', final: false },
  [-32602]: { status: 400, code: 'invalid_request', final: true },
  4200: { status: 400, code: 'unsupported', final: true },
  4001: { status: 403, code: 'user_rejected', final: true },
};

/** An abort as `fetch` reports it. */
export function abortError(): Error {
  const error = new Error('The request was aborted.');
  error.name = 'AbortError';
  return error;
}

/** `retry-after` in whole seconds (at least 1) and `retry-after-ms`, from the wallet's `retryAfterMs`. */
export function retryHeaders(ms: unknown): Record<string, string> {
  const wait = Number(ms);
  const safe = Number.isFinite(wait) && wait >= 0 ? wait : 1000;
  return { 'retry-after': String(Math.max(1, Math.ceil(safe / 1000))), 'retry-after-ms': String(Math.round(safe)) };
}

/** A 401 for a missing, unknown or revoked app token. */
export function tokenRefused(message = 'Invalid app token: run `byok-bridge connect` again (the token may have been revoked).'): HttpError {
  return new HttpError(401, message, null, 'invalid_api_key', NO_RETRY);
}

/**
 * A wallet error from the channel as what `byokFetch` turns into a response: an `HttpError` with
 * the bridge's status, or (a provider error) a `ByokError` it maps itself.
 */
export function fromWalletError(error: BridgeWireError): Error {
  const data = error.data ?? {};
  if (data.aborted === true) return abortError();
  if (error.code === 4100 && data.reason === TOKEN_REFUSED) return tokenRefused(error.message);
  const row = ERROR_TABLE[error.code];
  if (!row) return new ByokError(error.code, error.message, data);
  const headers = row.status === 429 ? retryHeaders(data.retryAfterMs) : row.final ? NO_RETRY : {};
  const param = typeof data.param === 'string' ? data.param : null;
  return new HttpError(row.status, error.message, param, row.code, headers);
}
