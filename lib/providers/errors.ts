/**
 * Turns anything a provider call throws into what the wallet may pass on: a {@link WalletError}
 * (code 5000, a scrubbed message naming the provider's status, type and words) or an error named
 * `AbortError` when the caller aborted. Both official SDKs are recognised by their error classes.
 */
import {
  APIConnectionError as OpenAIConnectionError,
  APIConnectionTimeoutError as OpenAITimeoutError,
  APIError as OpenAIAPIError,
  APIUserAbortError as OpenAIUserAbortError,
} from 'openai';
import {
  APIConnectionError as AnthropicConnectionError,
  APIConnectionTimeoutError as AnthropicTimeoutError,
  APIError as AnthropicAPIError,
  APIUserAbortError as AnthropicUserAbortError,
} from '@anthropic-ai/sdk';
import { ErrorCode, WalletError, type WireError } from '../protocol/errors';
import { messages } from '../protocol/messages';
import { ExtensionThrottled } from './extension-throttle';
import { scrub } from './scrub';
import { SseEventTooLong } from './sse';
import { rateLimitResetMs } from './rate-limit-reset';

/** What went wrong, for the caller's retry logic and the ledger. */
export type ProviderErrorKind = 'auth' | 'rate_limit' | 'server' | 'bad_request' | 'network' | 'timeout';

export interface ErrorContext {
  /** The provider's name in messages, e.g. `OpenAI`, `Groq`. */
  label: string;
  /** Every secret of this call (the key); removed from every message. */
  secrets: readonly string[];
  /** The idle timeout of the call, for the timeout message. */
  timeoutMs: number;
}

const MAX_DETAIL = 500;
/** Scrubbing is linear, but an HTML error page can be large: what lies past this is cut first. */
const MAX_SCRUBBED = 4 * MAX_DETAIL;

/** The error a caller's abort rejects with: a `DOMException` named `AbortError`. */
export function abortError(): DOMException {
  return new DOMException(messages.aborted(), 'AbortError');
}

/** True for an abort by the caller, whichever layer reported it. */
export function isAbortError(error: unknown): boolean {
  if (error instanceof OpenAIUserAbortError || error instanceof AnthropicUserAbortError) return true;
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

function providerError(message: string, kind: ProviderErrorKind, extra: WireError['data'] = {}): WalletError {
  return new WalletError(ErrorCode.provider, message, { ...extra, kind });
}

/** The 5000 error for a call that made no progress within `ctx.timeoutMs`. */
export function timeoutError(ctx: ErrorContext): WalletError {
  return providerError(messages.providerTimeout(ctx.label, Math.max(1, Math.round(ctx.timeoutMs / 1000))), 'timeout', { status: null });
}

/** Milliseconds from `retry-after-ms` or `retry-after` (seconds or an HTTP date). */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = Number(headers.get('retry-after-ms') ?? NaN);
  if (Number.isFinite(ms) && ms >= 0) return Math.round(ms);
  const raw = headers.get('retry-after');
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (raw.trim() !== '' && Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const at = /[a-z]/i.test(raw) ? Date.parse(raw) : NaN; // an HTTP date has a day name
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function kindFor(status: number | undefined, type: string | undefined): ProviderErrorKind {
  if (status === 401 || status === 402 || status === 403) return 'auth';
  if (status === 429) return 'rate_limit';
  if (status === 408) return 'timeout';
  if (status !== undefined && status >= 500) return 'server';
  if (status !== undefined && status >= 400) return 'bad_request';
  // An error inside a 200 stream: judge by the provider's error type.
  if (type === 'authentication_error' || type === 'permission_error' || type === 'invalid_api_key') return 'auth';
  if (type === 'rate_limit_error' || type === 'rate_limit_exceeded' || type === 'insufficient_quota') return 'rate_limit';
  if (type === 'invalid_request_error') return 'bad_request';
  return 'server';
}

/**
 * The provider's words on one line, scrubbed, at most {@link MAX_DETAIL} characters. Only the
 * first {@link MAX_SCRUBBED} characters are scrubbed (the rest is never shown): a key cut at that
 * edge or at the clip keeps under 8 characters of it, which is less than the scrubber removes.
 */
function scrubAndClip(text: string, secrets: readonly string[]): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const scrubbed = scrub(oneLine.slice(0, MAX_SCRUBBED), secrets);
  return scrubbed.length > MAX_DETAIL || oneLine.length > MAX_SCRUBBED ? `${scrubbed.slice(0, MAX_DETAIL)}…` : scrubbed;
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** Status, type and the provider's own words from either SDK's `APIError`. */
function describe(error: OpenAIAPIError | AnthropicAPIError): { status?: number; type?: string; words: string } {
  const status = typeof error.status === 'number' ? error.status : undefined;
  let type: string | undefined;
  let words: string | undefined;
  if (error instanceof AnthropicAPIError) {
    const body = error.error as { error?: { type?: unknown; message?: unknown } } | undefined;
    type = stringOrUndefined(error.type) ?? stringOrUndefined(body?.error?.type);
    words = stringOrUndefined(error.apiMessage) ?? stringOrUndefined(body?.error?.message);
  } else {
    const body = error.error as { message?: unknown; type?: unknown; code?: unknown } | undefined;
    type = stringOrUndefined(error.type) ?? stringOrUndefined(error.code) ?? stringOrUndefined(body?.code);
    words = stringOrUndefined(body?.message);
  }
  // Without a parsed body the SDK's message is `${status} ${text}`: keep the text.
  words ??= error.message.replace(/^\d{3}\s+/, '');
  return { ...(status !== undefined ? { status } : {}), ...(type ? { type } : {}), words };
}

/** The {@link ExtensionThrottled} behind a connection error, if that is what it was. */
function throttledCause(error: unknown): ExtensionThrottled | undefined {
  let cause: unknown = error;
  for (let depth = 0; depth < 4 && cause instanceof Error; depth += 1) {
    if (cause instanceof ExtensionThrottled) return cause;
    cause = cause.cause;
  }
  return undefined;
}

/** The 5000 error for a request Chromium refused after repeated server errors (extension-throttle.ts). */
function throttledError(ctx: ErrorContext, throttled: ExtensionThrottled): WalletError {
  const wait = Math.ceil(throttled.retryAfterMs);
  return providerError(messages.providerThrottled(ctx.label, Math.ceil(wait / 1000)), 'server', { status: null, retryAfterMs: wait });
}

function connectionDetail(error: Error): string {
  const parts = [error.message];
  let cause: unknown = error.cause;
  for (let depth = 0; depth < 3 && cause instanceof Error; depth += 1) {
    const code = (cause as { code?: unknown }).code;
    parts.push(typeof code === 'string' ? `${cause.message} (${code})` : cause.message);
    cause = cause.cause;
  }
  return parts.filter(Boolean).join(': ');
}

/**
 * The error to throw for `error`, caught around a provider call: an `AbortError` for an abort,
 * otherwise a scrubbed 5000 {@link WalletError} whose `data` says `kind`, `status` and, when the
 * provider sent one, `retryAfterMs`. A {@link WalletError} passes through (scrubbed).
 */
export function toProviderError(error: unknown, ctx: ErrorContext): Error {
  const clean = (text: string) => scrubAndClip(text, ctx.secrets);
  if (error instanceof WalletError) {
    const message = scrub(error.message, ctx.secrets);
    return message === error.message ? error : new WalletError(error.code, message, error.data);
  }
  if (isAbortError(error)) return abortError();
  if (error instanceof OpenAITimeoutError || error instanceof AnthropicTimeoutError) return timeoutError(ctx);
  const throttled = throttledCause(error);
  if (throttled) return throttledError(ctx, throttled);
  if (error instanceof OpenAIConnectionError || error instanceof AnthropicConnectionError) {
    return providerError(messages.providerUnreachable(ctx.label, clean(connectionDetail(error))), 'network', { status: null });
  }
  if (error instanceof OpenAIAPIError || error instanceof AnthropicAPIError) {
    const { status, type, words } = describe(error);
    const where = status !== undefined ? `HTTP ${status}` : 'stream error';
    const detail = clean(`${where}${type ? ` ${type}` : ''}: ${words}`);
    const wait = status === 429 || (status !== undefined && status >= 500) ? (retryAfterMs(error.headers) ?? (status === 429 ? rateLimitResetMs(error.headers) : undefined)) : undefined;
    return providerError(messages.provider(ctx.label, detail), kindFor(status, type), {
      status: status ?? null,
      ...(type ? { type: clean(type) } : {}),
      ...(wait !== undefined ? { retryAfterMs: wait } : {}),
    });
  }
  if (error instanceof SseEventTooLong) return providerError(messages.providerMalformed(ctx.label, error.message), 'server', { status: null });
  if (error instanceof SyntaxError) {
    return providerError(messages.providerMalformed(ctx.label, 'invalid JSON'), 'server', { status: null });
  }
  const text = error instanceof Error ? error.message : String(error);
  return providerError(messages.provider(ctx.label, clean(`unexpected error: ${text}`)), 'server', { status: null });
}
