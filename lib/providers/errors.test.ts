import { APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { APIError as AnthropicAPIError } from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { ErrorCode, WalletError } from '../protocol/errors';
import { isAbortError, retryAfterMs, toProviderError, type ErrorContext } from './errors';
import { MAX_EVENT_CHARS, SseEventTooLong } from './sse';

const KEY = 'sk-live-0123456789abcdefghij';
const ctx: ErrorContext = { label: 'OpenAI', secrets: [KEY], timeoutMs: 30_000 };

describe('retryAfterMs', () => {
  const now = Date.parse('2026-11-23T12:00:00Z');
  it.each([
    [{ 'retry-after': '20' }, 20_000],
    [{ 'retry-after': '1.5' }, 1_500],
    [{ 'retry-after-ms': '250', 'retry-after': '20' }, 250],
    [{ 'retry-after': 'Mon, 23 Nov 2026 12:00:30 GMT' }, 30_000],
    [{ 'retry-after': 'Mon, 23 Nov 2026 11:00:00 GMT' }, 0],
    [{ 'retry-after': 'soon' }, undefined],
    [{ 'retry-after': '-3' }, undefined],
    [{ 'retry-after': '' }, undefined],
    [{}, undefined],
  ])('%j -> %s', (headers, expected) => {
    expect(retryAfterMs(new Headers(headers), now)).toBe(expected);
  });
  it('handles no headers', () => expect(retryAfterMs(undefined)).toBeUndefined());
});

describe('toProviderError', () => {
  it('turns any abort into a DOMException named AbortError', () => {
    for (const e of [new APIUserAbortError(), new DOMException('x', 'AbortError'), Object.assign(new Error('x'), { name: 'AbortError' })]) {
      expect(isAbortError(e)).toBe(true);
      const out = toProviderError(e, ctx);
      expect(out).toBeInstanceOf(DOMException);
      expect(out.name).toBe('AbortError');
    }
  });

  it('gives timeouts their own kind and message', () => {
    const out = toProviderError(new APIConnectionTimeoutError(), ctx) as WalletError;
    expect(out.message).toBe('OpenAI did not answer within 30 s');
    expect(out.data).toEqual({ kind: 'timeout', status: null });
  });

  it('scrubs a body without JSON structure, e.g. an HTML error page that quotes the key', () => {
    const error = APIError.generate(502, undefined, `<html>bad gateway for ${KEY}</html>`, new Headers());
    const out = toProviderError(error, ctx) as WalletError;
    expect(out.code).toBe(ErrorCode.provider);
    expect(out.message).toBe('OpenAI error: HTTP 502: <html>bad gateway for [redacted]</html>');
    expect(out.data).toEqual({ kind: 'server', status: 502 });
  });

  it('classifies statuses', () => {
    const kind = (status: number) => ((toProviderError(APIError.generate(status, { error: { message: 'm' } }, undefined, new Headers()), ctx) as WalletError).data ?? {}).kind;
    expect([401, 402, 403, 404, 408, 422, 429, 500, 503].map(kind)).toEqual(['auth', 'auth', 'auth', 'bad_request', 'timeout', 'bad_request', 'rate_limit', 'server', 'server']);
  });

  it('a 429 without retry-after waits for the reset of the limit that ran out', () => {
    const headers = new Headers({ 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '45s' });
    const out = toProviderError(APIError.generate(429, { error: { message: 'm', type: 'requests' } }, undefined, headers), ctx) as WalletError;
    expect(out.data).toMatchObject({ kind: 'rate_limit', status: 429, retryAfterMs: 45_000 });
  });

  it('reads Anthropic error bodies', () => {
    const error = AnthropicAPIError.generate(400, { type: 'error', error: { type: 'invalid_request_error', message: 'max_tokens: too large' } }, undefined, new Headers());
    const out = toProviderError(error, { ...ctx, label: 'Anthropic' }) as WalletError;
    expect(out.message).toBe('Anthropic error: HTTP 400 invalid_request_error: max_tokens: too large');
    expect(out.data).toEqual({ kind: 'bad_request', status: 400, type: 'invalid_request_error' });
  });

  it('scrubs a WalletError that passes through and hides unexpected errors behind the provider name', () => {
    const passed = toProviderError(new WalletError(ErrorCode.provider, `OpenAI error: ${KEY}`, { kind: 'server' }), ctx) as WalletError;
    expect(passed.message).toBe('OpenAI error: [redacted]');
    expect(passed.data).toEqual({ kind: 'server' });
    const odd = toProviderError(new RangeError(`bad ${KEY}`), ctx) as WalletError;
    expect(odd.message).toBe('OpenAI error: unexpected error: bad [redacted]');
    const thrown = toProviderError('a string', ctx) as WalletError;
    expect(thrown.message).toBe('OpenAI error: unexpected error: a string');
  });

  it('names an endless server-sent event a malformed answer, not an unexpected error', () => {
    const out = toProviderError(new SseEventTooLong(), ctx) as WalletError;
    expect(out.message).toBe(`OpenAI error: malformed answer (a server-sent event longer than ${MAX_EVENT_CHARS} characters)`);
    expect(out.data).toEqual({ kind: 'server', status: null });
  });

  it('clips very long provider messages after scrubbing', () => {
    const long = `${'x'.repeat(600)} ${KEY}`;
    const out = toProviderError(APIError.generate(400, { error: { message: long } }, undefined, new Headers()), ctx) as WalletError;
    expect(out.message.length).toBeLessThan(560);
    expect(out.message).not.toContain(KEY.slice(0, 12));
  });

  it('leaks no 8 characters of a key cut at the clip or at the end of what is scrubbed', () => {
    const core = KEY.slice('sk-'.length);
    const pieces = (text: string) => Array.from({ length: core.length - 7 }, (_, i) => core.slice(i, i + 8)).filter((p) => text.includes(p));
    // Wrapped over lines, so it is only one key once the message is on one line; then at every cut.
    for (const at of [...Array.from({ length: 60 }, (_, i) => 470 + i), ...Array.from({ length: 60 }, (_, i) => 1_970 + i)]) {
      const text = `${'w'.repeat(at - 'HTTP 400: '.length)}${KEY.slice(0, 10)}\n${KEY.slice(10)} and more words after it`;
      const out = toProviderError(APIError.generate(400, { error: { message: text } }, undefined, new Headers()), ctx) as WalletError;
      expect(pieces(out.message), `key at ${at}`).toEqual([]);
    }
  });

  it('scrubs a large HTML error page in linear time', () => {
    const page = `<html>${'<p>Service unavailable, please retry.</p>\n'.repeat(20_000)}<pre>${KEY}</pre></html>`;
    const started = performance.now();
    const out = toProviderError(APIError.generate(503, undefined, page, new Headers()), ctx) as WalletError;
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(out.message.endsWith('…')).toBe(true);
  });
});
