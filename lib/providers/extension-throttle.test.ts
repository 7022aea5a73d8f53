import { describe, expect, it } from 'vitest';
import { ErrorCode, WalletError } from '../protocol/errors';
import { createAnthropicAdapter } from './anthropic';
import { backoffMs, ExtensionThrottled, ThrottleWatch } from './extension-throttle';
import { createOpenAIAdapter } from './openai';
import { fakeFetch, jsonResponse } from '../../tests/support/providers/fake-fetch';
import * as fx from '../../tests/support/providers/openai-fixtures';
import type { ProviderCredentials } from './types';

const URL_A = 'https://api.openai.com/v1/chat/completions';

/** A fetch answering `statuses` in turn, then failing as Chromium's throttle makes `fetch` fail. */
function scripted(statuses: number[]) {
  let n = 0;
  return fakeFetch(() => {
    const status = statuses[n++];
    if (status === undefined) throw new TypeError('Failed to fetch');
    return jsonResponse(status, status === 200 ? {} : fx.error500);
  });
}

function clock(start = 1_000_000) {
  const time = { now: start };
  return { time, now: () => time.now };
}

describe("Chromium's throttling of extension requests", () => {
  it('follows Chromium’s back-off: two errors are ignored, then 0.7 s growing by 1.4 up to 15 min', () => {
    expect([1, 2, 3, 4, 5].map((n) => Math.round(backoffMs(n)))).toEqual([0, 0, 700, 980, 1372]);
    expect(backoffMs(100)).toBe(15 * 60_000);
  });

  it('three 503 answers, then a TypeError: the request was held back, for up to 0.7 s', async () => {
    const { time, now } = clock();
    const watch = new ThrottleWatch(now);
    const { fetch } = scripted([503, 503, 503]);
    const watched = watch.wrap(fetch);
    for (let i = 0; i < 3; i += 1) expect((await watched(URL_A)).status).toBe(503);
    time.now += 100;
    const error = await watched(`${URL_A}?x=1`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExtensionThrottled);
    expect((error as ExtensionThrottled).retryAfterMs).toBe(600);
    // Once the back-off is over, a TypeError is what it says: a network failure.
    time.now += 700;
    expect(await watched(URL_A).catch((e: unknown) => e)).toBeInstanceOf(TypeError);
  });

  it('counts only 500, 503 and 509 in a row from the same URL, and never localhost', async () => {
    const { now } = clock();
    const cases: Array<[string, number[]]> = [
      [URL_A, [502, 504, 503]], // gateways' errors are not counted
      [URL_A, [503, 503, 200, 503]], // a success lowers the count
      ['http://localhost:11434/v1/chat/completions', [503, 503, 503]],
      ['http://127.0.0.2:8080/v1/chat/completions', [500, 500, 500]],
    ];
    for (const [url, statuses] of cases) {
      const watched = new ThrottleWatch(now).wrap(scripted(statuses).fetch);
      for (const _ of statuses) await watched(url);
      expect(await watched(url).catch((e: unknown) => e), `${url} ${statuses.join(' ')}`).toBeInstanceOf(TypeError);
    }
    const watch = new ThrottleWatch(now);
    const watched = watch.wrap(scripted([500, 509, 503]).fetch);
    for (let i = 0; i < 3; i += 1) await watched(URL_A);
    expect(watch.heldBackFor('https://api.openai.com/v1/models')).toBeUndefined();
    expect(watch.heldBackFor(URL_A)).toBe(700);
  });

  it('reports nothing where the browser does not throttle (Firefox)', async () => {
    const watched = new ThrottleWatch(clock().now, false).wrap(scripted([503, 503, 503]).fetch);
    for (let i = 0; i < 3; i += 1) await watched(URL_A);
    expect(await watched(URL_A).catch((e: unknown) => e)).toBeInstanceOf(TypeError);
  });

  const creds = (label: string, kind: 'openai' | 'anthropic'): ProviderCredentials => ({ kind, label, secret: 'sk-proj-T3stKey0123456789abcdefghijWXYZ' });
  const adapters = [
    ['OpenAI', 'openai', (opts: Parameters<typeof createOpenAIAdapter>[0]) => createOpenAIAdapter(opts)],
    ['Anthropic', 'anthropic', (opts: Parameters<typeof createAnthropicAdapter>[0]) => createAnthropicAdapter(opts)],
  ] as const;

  it.each(adapters)('%s: three 5xx answers, then a refused fetch: a 5000 that names the provider and when to retry', async (label, kind, create) => {
    const adapter = create({ fetch: scripted([503, 500, 503]).fetch, throttle: new ThrottleWatch() });
    const request = { messages: [{ role: 'user' as const, content: 'hi' }], model: 'm', maxTokens: 10 };
    const errors: unknown[] = [];
    for (let i = 0; i < 4; i += 1) errors.push(await adapter.chat(creds(label, kind), request, { onDelta: () => undefined }, new AbortController().signal).catch((e: unknown) => e));
    expect(errors.slice(0, 3).map((e) => (e as WalletError).data)).toEqual(Array.from({ length: 3 }, () => expect.objectContaining({ kind: 'server' })));
    const throttled = errors[3] as WalletError;
    expect(throttled).toBeInstanceOf(WalletError);
    expect(throttled.code).toBe(ErrorCode.provider);
    expect(throttled.message).toBe(`Chromium is holding back requests to ${label} after repeated server errors; try again in about a second`);
    expect(throttled.data).toMatchObject({ kind: 'server', status: null, retryAfterMs: expect.any(Number) });
    expect((throttled.data as { retryAfterMs: number }).retryAfterMs).toBeLessThanOrEqual(700);
  });
});
