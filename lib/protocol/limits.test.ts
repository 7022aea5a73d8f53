/**
 * The per-method size limits (docs/PROTOCOL.md §4): one row per page method, the smallest for
 * anything else, and each at least the method's largest valid message, so nothing valid is
 * refused for its size.
 */
import { describe, expect, it } from 'vitest';
import { LARGEST_LIMIT, REQUEST_LIMITS, SMALLEST_LIMIT, requestLimit, requestTooLarge } from './limits';
import { pageMethodParams, type PageMethod } from './page-methods';
import { parseOrThrow } from './validate';
import { ToWalletSchema } from './wire-schema';

/** Every character escaped in JSON to six (`\u0001`): the longest a string of its length encodes to. */
const escaped = (n: number) => '\u0001'.repeat(n);
const image = `data:image/png;base64,${'A'.repeat(20_000_000 - 22)}`;

/** Each method's largest message at its schema maxima, with its largest field escaped throughout. */
const LARGEST_VALID: Record<PageMethod, unknown[]> = {
  getGrant: [{ t: 'req', id: 2 ** 31, method: 'getGrant', stream: false }],
  disconnect: [{ t: 'req', id: 2 ** 31, method: 'disconnect', stream: false }],
  models: [{ t: 'req', id: 2 ** 31, method: 'models', stream: false }],
  connect: [
    {
      t: 'req',
      id: 2 ** 31,
      method: 'connect',
      params: {
        scopes: ['chat', 'models', 'embed'],
        models: Array.from({ length: 200 }, () => escaped(256)),
        budget: { usd: 999_999.999999, period: 'month' },
        reason: escaped(500),
      },
    },
  ],
  chat: [
    { t: 'req', id: 2 ** 31, method: 'chat', params: { messages: [{ role: 'user', content: escaped(4_000_000) }], model: 'm'.repeat(256), maxTokens: 1_000_000 }, stream: true },
    { t: 'req', id: 2 ** 31, method: 'chat', params: { messages: [{ role: 'user', content: [{ type: 'image', url: image }, { type: 'text', text: 'x'.repeat(4_000_000) }] }] }, stream: true },
  ],
  embed: [{ t: 'req', id: 2 ** 31, method: 'embed', params: { input: escaped(4_000_000), model: 'm'.repeat(256) } }],
};

describe('request size limits', () => {
  it('has one row per page method, and nothing else', () => {
    expect(Object.keys(REQUEST_LIMITS).sort()).toEqual(Object.keys(pageMethodParams).sort());
  });

  it('gives an unknown method, a prototype name or a non-string the smallest limit', () => {
    for (const method of ['transcribe', 'vault.unlock', '__proto__', 'constructor', 'toString', '', 42, null, undefined]) {
      expect(requestLimit(method), String(method)).toBe(SMALLEST_LIMIT);
    }
    expect(Math.min(...Object.values(REQUEST_LIMITS))).toBe(SMALLEST_LIMIT);
    expect(LARGEST_LIMIT).toBe(REQUEST_LIMITS.chat);
  });

  it.each(Object.entries(LARGEST_VALID))('%s: its largest valid message fits its limit', (method, samples) => {
    for (const m of samples) {
      const wire = parseOrThrow(ToWalletSchema, m);
      expect(wire.t).toBe('req');
      parseOrThrow(pageMethodParams[method as PageMethod], (m as { params?: unknown }).params);
      expect(JSON.stringify(m).length).toBeLessThanOrEqual(requestLimit(method));
    }
  });

  it('names the method and its limit, but not a method it does not know', () => {
    expect(requestTooLarge('chat')).toBe(`Invalid request: message: too large: chat allows at most ${32 * 1024 * 1024} characters of JSON`);
    expect(requestTooLarge('getGrant')).toBe('Invalid request: message: too large: getGrant allows at most 4096 characters of JSON');
    expect(requestTooLarge('x'.repeat(100))).toBe('Invalid request: message: too large: this message allows at most 4096 characters of JSON');
  });
});
