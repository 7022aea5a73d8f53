/**
 * HTTP plumbing for `byokFetch`: wallet errors as each API's error JSON with the right status,
 * JSON and server-sent-event (https://html.spec.whatwg.org/multipage/server-sent-events.html)
 * responses, and the bridge from `chat`'s `onDelta` to a streamed body.
 */
import { asByokError, BUDGET_EXCEEDED, INVALID_PARAMS, isAbortError, LOCKED, PROVIDER_ERROR, RATE_LIMITED, UNAUTHORIZED, UNSUPPORTED, USER_REJECTED } from './errors.js';
import { aborted } from './messages.js';
import type { ByokProvider, ChatRequest, ChatResult } from './types.js';

/** Which API's shapes a request expects. */
export type Dialect = 'openai' | 'anthropic';

/** An error already decided as HTTP: thrown by the translators and the router. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly param: string | null = null,
    readonly code: string | null = null,
    /** Headers the answer carries (default: `x-should-retry: false`); the bridge sets `retry-after` on a 429. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

/** A wallet error decided as HTTP: status, each API's error type and code, and headers. */
export interface Mapped {
  status: number;
  /** OpenAI `error.type`. */
  type: string;
  /** OpenAI `error.code`. */
  code: string | null;
  /** Anthropic `error.type`. */
  anthropic: string;
  message: string;
  param: string | null;
  byokCode?: number;
  headers: Record<string, string>;
}

const ANTHROPIC_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  405: 'invalid_request_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  529: 'overloaded_error',
};

const anthropicType = (status: number) => ANTHROPIC_TYPES[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error');
const openaiType = (status: number) =>
  status === 401 ? 'authentication_error' : status === 403 ? 'permission_error' : status === 429 ? 'requests' : status >= 500 ? 'server_error' : 'invalid_request_error';

/** `retry-after` (seconds) and `retry-after-ms` for a wait in ms, or undefined without a usable one. */
function retryHeaders(ms: unknown): Record<string, string> | undefined {
  const wait = Number(ms);
  if (ms === undefined || ms === null || !Number.isFinite(wait) || wait < 0) return undefined;
  return { 'retry-after': String(Math.ceil(wait / 1000)), 'retry-after-ms': String(Math.round(wait)) };
}

/**
 * The wallet's error table as HTTP (the choice is documented in the README):
 * 4001 -> 403, 4100 and 4900 -> 401, 4200 and -32602 -> 400, 4290 -> 429 with `retry-after`,
 * 4402 -> 429 `insufficient_quota` (OpenAI) or 402 `billing_error` (Anthropic),
 * 5000 -> the provider's status when the wallet says it (`data.status`), else 504 for a timeout
 * (`data.kind`) and 502 otherwise, with `retry-after` when the wallet passes the provider's on.
 * Only 4290 and 5000 leave the SDKs free to retry; the rest carry `x-should-retry: false`.
 */
export function mapError(e: unknown, dialect: Dialect): Mapped {
  const noRetry = { 'x-should-retry': 'false' };
  if (e instanceof HttpError) {
    return { status: e.status, type: openaiType(e.status), code: e.code, anthropic: anthropicType(e.status), message: e.message, param: e.param, headers: e.headers ?? noRetry };
  }
  const err = asByokError(e);
  if (!err) {
    const message = e instanceof Error ? e.message : String(e);
    return { status: 500, type: 'server_error', code: 'internal_error', anthropic: 'api_error', message, param: null, headers: {} };
  }
  const data = err.data ?? {};
  const base = { message: err.message, param: typeof data.param === 'string' ? data.param : null, byokCode: err.code, headers: noRetry };
  const as = (status: number, code: string, type = openaiType(status)): Mapped => ({ ...base, status, type, code, anthropic: anthropicType(status) });
  switch (err.code) {
    case USER_REJECTED:
      return as(403, 'user_rejected');
    case UNAUTHORIZED:
      return as(401, 'unauthorized');
    case LOCKED:
      return as(401, 'wallet_locked');
    case UNSUPPORTED:
      return as(400, 'unsupported');
    case INVALID_PARAMS:
      return as(400, 'invalid_request');
    case BUDGET_EXCEEDED:
      return dialect === 'anthropic' ? as(402, 'insufficient_quota') : as(429, 'insufficient_quota', 'insufficient_quota');
    case RATE_LIMITED:
      return { ...as(429, 'rate_limit_exceeded'), headers: retryHeaders(data.retryAfterMs ?? Number(data.retryAfter ?? 1) * 1000) ?? {} };
    case PROVIDER_ERROR: {
      const s = Number(data.status ?? data.httpStatus);
      const status = Number.isInteger(s) && s >= 400 && s <= 599 ? s : data.kind === 'timeout' ? 504 : 502;
      return { ...as(status, 'provider_error'), headers: retryHeaders(data.retryAfterMs) ?? {} };
    }
    default:
      return { ...as(500, 'wallet_error'), headers: {} };
  }
}

/** The error object each API puts in its body (and in a stream's error event). */
export function errorBody(m: Mapped, dialect: Dialect, requestId: string): Record<string, unknown> {
  if (dialect === 'anthropic') return { type: 'error', error: { type: m.anthropic, message: m.message }, request_id: requestId };
  const error: Record<string, unknown> = { message: m.message, type: m.type, param: m.param, code: m.code };
  if (m.byokCode !== undefined) error.byok_code = m.byokCode;
  return { error };
}

export const newId = (prefix: string) => prefix + Math.random().toString(36).slice(2, 12) + Date.now().toString(36);

/** A response of `contentType` with the request-id headers the SDKs read. */
export function respond(body: BodyInit, contentType: string, status = 200, headers: Record<string, string> = {}, requestId = newId('req_')): Response {
  return new Response(body, { status, headers: { 'content-type': contentType, 'x-request-id': requestId, 'request-id': requestId, ...headers } });
}

/** A JSON response. */
export const json = (body: unknown, status = 200, headers: Record<string, string> = {}, requestId?: string): Response =>
  respond(JSON.stringify(body), 'application/json', status, headers, requestId);

/** A wallet error as an HTTP response in the dialect's shape. */
export function errorResponse(e: unknown, dialect: Dialect): Response {
  const m = mapError(e, dialect);
  const requestId = newId('req_');
  const headers: Record<string, string> = { ...m.headers };
  if (m.byokCode !== undefined) headers['x-byok-code'] = String(m.byokCode);
  return json(errorBody(m, dialect, requestId), m.status, headers, requestId);
}

/** One server-sent event. */
export const sse = (data: unknown, event?: string) => `${event ? `event: ${event}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;

/** Turns a chat into a dialect's event stream. Each method returns the SSE text to send. */
export interface StreamEncoder {
  delta(text: string): string;
  end(result: ChatResult): string;
  /** The error event for a failure after the stream began (default: `data: {"error": ...}`). */
  error?(m: Mapped): string;
}

/** What `fetch` rejects with when `signal` aborts: its reason, like the platform's fetch. */
export function abortReason(signal: AbortSignal | undefined): unknown {
  return signal?.reason ?? new DOMException(aborted(), 'AbortError');
}

/**
 * Calls `chat` and answers with a streamed body fed by `onDelta`. A wallet error before the first
 * piece of text answers with that error's status instead; one after it ends the stream with the
 * dialect's error event. An abort rejects the fetch, or errors the body once it has begun.
 * Cancelling the body aborts the chat.
 */
export function streamChat(byok: ByokProvider, req: ChatRequest, signal: AbortSignal | undefined, enc: StreamEncoder, dialect: Dialect): Promise<Response> {
  const ac = new AbortController();
  const te = new TextEncoder();
  let ctrl!: ReadableStreamDefaultController<Uint8Array>;
  let open = true;
  const body = new ReadableStream<Uint8Array>({
    start: (c) => void (ctrl = c),
    cancel: (reason) => {
      open = false;
      ac.abort(reason);
    },
  });
  const push = (s: string) => {
    if (open && s) ctrl.enqueue(te.encode(s));
  };
  const close = (e?: unknown) => {
    if (!open) return;
    open = false;
    if (e === undefined) ctrl.close();
    else ctrl.error(e);
  };
  return new Promise<Response>((resolve, reject) => {
    let started = false;
    const start = () => {
      if (started) return;
      started = true;
      const requestId = newId('req_');
      resolve(new Response(body, { headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-request-id': requestId, 'request-id': requestId } }));
    };
    const onAbort = () => {
      ac.abort(signal?.reason);
      if (!started) reject(abortReason(signal));
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort);
    byok
      .chat(req, {
        signal: ac.signal,
        onDelta: (text) => {
          if (ac.signal.aborted || !text) return;
          push(enc.delta(text));
          start();
        },
      })
      .then(
        (result) => {
          push(enc.end(result));
          close();
          start();
        },
        (e: unknown) => {
          if (signal?.aborted || ac.signal.aborted || isAbortError(e)) {
            const reason = signal?.aborted ? abortReason(signal) : e;
            if (started) close(reason);
            else reject(reason);
          } else if (started) {
            const m = mapError(e, dialect);
            push(enc.error ? enc.error(m) : sse(errorBody(m, dialect, newId('req_')), dialect === 'anthropic' ? 'error' : undefined));
            close();
          } else {
            resolve(errorResponse(e, dialect));
          }
        },
      )
      .finally(() => signal?.removeEventListener('abort', onAbort));
  });
}

/** Calls a non-streaming wallet method so that aborting `signal` rejects at once with its reason. */
export function withAbort<T>(signal: AbortSignal | undefined, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const ac = new AbortController();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      ac.abort(signal?.reason);
      reject(abortReason(signal));
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort);
    run(ac.signal)
      .then(resolve, (e: unknown) => reject(signal?.aborted ? abortReason(signal) : e))
      .finally(() => signal?.removeEventListener('abort', onAbort));
  });
}
