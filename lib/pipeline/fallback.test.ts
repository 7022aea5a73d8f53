/**
 * Fallback between keys: the decision table (each failure × streamed or not × a key left), the
 * candidates' order, the reservation's price, and the pipeline with fake adapters per key (one
 * ledger entry naming the key that served, one charge, the failed key marked, nothing sent
 * again once a byte streamed).
 */
import { describe, expect, it, vi } from 'vitest';
import { makeHarness, TEST_ORIGIN } from '../../tests/support/wallet-harness';
import { ErrorCode, WalletError } from '../protocol/errors';
import type { KeyRecord } from '../db/tables/keys';
import type { Price } from '../budget/price';
import type { ProviderAdapter } from '../providers/types';
import type { ChatRequest } from '../protocol/chat';
import { runChat } from './capabilities/chat';
import { boundPrice, candidatesFor, DEFAULT_RATE_LIMIT_MS, keyFailure, mayFallBack, MAX_ATTEMPTS, type KeyFailure } from './fallback';

vi.mock('../crypto/kdf', async (importOriginal) => (await import('../../tests/support/vault')).fastKdf(await importOriginal()));

const NOW = 1_700_000_000_000;
const providerError = (status: number | null, kind: string, extra: Record<string, string | number> = {}) =>
  new WalletError(ErrorCode.provider, `Fake error: HTTP ${status} ${extra.type ?? ''}`, { kind, status, ...extra });

describe('what a refusal says about the key', () => {
  it.each([
    ['401', providerError(401, 'auth'), { kind: 'invalid' }],
    ['403', providerError(403, 'auth'), { kind: 'invalid' }],
    ['an authentication error inside a stream', providerError(null, 'auth', { type: 'authentication_error' }), { kind: 'invalid' }],
    ['402', providerError(402, 'auth', { type: 'billing_error' }), { kind: 'out_of_credit' }],
    ['429 insufficient_quota', providerError(429, 'rate_limit', { type: 'insufficient_quota' }), { kind: 'out_of_credit' }],
    ['Anthropic’s 400 for a credit balance too low', new WalletError(ErrorCode.provider, 'Anthropic error: HTTP 400 invalid_request_error: Your credit balance is too low to access the Anthropic API.', { kind: 'bad_request', status: 400 }), { kind: 'out_of_credit' }],
    ['429 with a retry-after', providerError(429, 'rate_limit', { retryAfterMs: 30_000 }), { kind: 'rate_limited', until: NOW + 30_000 }],
    ['429 without one', providerError(429, 'rate_limit'), { kind: 'rate_limited', until: NOW + DEFAULT_RATE_LIMIT_MS }],
  ])('%s', (_name, error, expected) => {
    expect(keyFailure(error, NOW)).toMatchObject(expected);
  });

  it.each([
    ['400', providerError(400, 'bad_request')],
    ['500', providerError(500, 'server')],
    ['a timeout', providerError(null, 'timeout')],
    ['a network error', providerError(null, 'network')],
    ['a budget refusal', new WalletError(ErrorCode.budgetExceeded, 'over budget')],
    ['an abort', new DOMException('aborted', 'AbortError')],
    ['anything else', new Error('boom')],
  ])('%s says nothing about the key', (_name, error) => {
    expect(keyFailure(error, NOW)).toBeNull();
  });
});

describe('the decision table', () => {
  const failures: (KeyFailure | null)[] = [{ kind: 'invalid', message: '' }, { kind: 'out_of_credit', message: '' }, { kind: 'rate_limited', until: NOW }, null];
  const rows = failures.flatMap((failure) => [true, false].flatMap((streamed) => [true, false].map((nextLeft) => ({ failure, streamed, nextLeft }))));

  it.each(rows)('$failure.kind, streamed $streamed, a key left $nextLeft', ({ failure, streamed, nextLeft }) => {
    const retried = mayFallBack({ failure, refusedByStatus: true, streamed, aborted: false, nextLeft });
    expect(retried).toBe(failure !== null && !streamed && nextLeft);
  });

  it('never for an error inside a stream, or an aborted call', () => {
    const failure: KeyFailure = { kind: 'rate_limited', until: NOW };
    expect(mayFallBack({ failure, refusedByStatus: false, streamed: false, aborted: false, nextLeft: true })).toBe(false);
    expect(mayFallBack({ failure, refusedByStatus: true, streamed: false, aborted: true, nextLeft: true })).toBe(false);
  });
});

describe('the candidates', () => {
  const key = (id: string, over: Partial<KeyRecord> = {}): KeyRecord =>
    ({ id, provider: 'openai', name: id, last4: '', sealed: { nonce: '', ciphertext: '' }, models: ['m'], status: 'valid', enabled: true, createdAt: 0, ...over }) as KeyRecord;
  const deps = (keys: KeyRecord[], prices: Record<string, Price | null> = {}) => ({
    keyring: { forRequest: async (id: string) => keys.find((k) => k.id === id) ?? Promise.reject(new Error('gone')) },
    providers: { priceFor: async (k: KeyRecord) => (k.id in prices ? prices[k.id]! : { inputPerM: 1, outputPerM: 2 }) },
    now: () => NOW,
  });
  const ids = async (keys: KeyRecord[], routed: KeyRecord, order: string[], prices?: Record<string, Price | null>) => (await candidatesFor(deps(keys, prices), routed, 'm', order)).map((c) => c.key.id);

  it('the grant’s key first, then the order’s first that serves the model like it, at most two', async () => {
    const keys = [key('a'), key('b'), key('c')];
    expect(await ids(keys, keys[0]!, ['c', 'a', 'b'])).toEqual(['a', 'c']);
    expect(MAX_ATTEMPTS).toBe(2);
  });

  it('no order: the grant’s key alone, whatever its state', async () => {
    const a = key('a', { status: 'invalid' });
    expect(await ids([a, key('b')], a, [])).toEqual(['a']);
  });

  it('passes over keys of another provider or base URL, without the model, disabled, removed, or unpriced', async () => {
    const keys = [key('a'), key('other', { provider: 'groq' }), key('url', { baseUrl: 'http://elsewhere/v1' }), key('nom', { models: ['x'] }), key('off', { enabled: false }), key('free'), key('ok')];
    expect(await ids(keys, keys[0]!, ['other', 'url', 'nom', 'off', 'gone', 'free', 'ok'], { free: null })).toEqual(['a', 'ok']);
  });

  it('a key known to fail now goes after a usable one; a rate limit past its reset counts as usable', async () => {
    const limited = key('a', { rateLimitedUntil: NOW + 1 });
    expect(await ids([limited, key('b')], limited, ['b'])).toEqual(['b', 'a']);
    const broke = key('a', { status: 'out_of_credit' });
    expect(await ids([broke, key('b')], broke, ['b'])).toEqual(['b', 'a']);
    const reset = key('a', { rateLimitedUntil: NOW });
    expect(await ids([reset, key('b')], reset, ['b'])).toEqual(['a', 'b']);
  });

  it('a disabled grant key is never tried; the fallback serves', async () => {
    const off = key('a', { enabled: false });
    expect(await ids([off, key('b')], off, ['b'])).toEqual(['b']);
    expect(await ids([off], off, [])).toEqual([]);
  });

  it('the reservation’s price is each rate’s highest', () => {
    const price = (p: Partial<Price> & Price): Price => p;
    expect(boundPrice([{ key: key('a'), price: price({ inputPerM: 1, outputPerM: 9 }) }, { key: key('b'), price: price({ inputPerM: 3, outputPerM: 2 }) }])).toEqual({ inputPerM: 3, outputPerM: 9 });
  });
});

// --- the pipeline with a fake adapter per key ---

type Script = { chunks?: string[]; failWith?: WalletError; failAfterChunks?: boolean };

function fakeAdapter(script: Script): ProviderAdapter & { calls: number } {
  const adapter = {
    kind: 'openai' as const,
    calls: 0,
    async chat(_creds: unknown, request: { model: string }, callbacks: { onDelta(t: string): void; readyToSend?: Promise<void> }) {
      await callbacks.readyToSend;
      adapter.calls++;
      if (script.failWith && !script.failAfterChunks) throw script.failWith;
      let text = '';
      for (const chunk of script.chunks ?? ['Hello', ' world']) {
        text += chunk;
        callbacks.onDelta(chunk);
      }
      if (script.failWith) throw script.failWith;
      return { text, model: request.model, usage: { inputTokens: 3, outputTokens: 2 }, finishReason: 'stop' as const };
    },
    listModels: async () => ['m'],
    embed: async () => Promise.reject(new Error('not scripted')),
  };
  return adapter;
}

const request: ChatRequest = { messages: [{ role: 'user', content: 'hi' }], maxTokens: 10 };

async function twoKeys(first: Script, options: { second?: Script; secondPrice?: Price; order?: 'wallet' | 'site' | 'none' } = {}) {
  const { ctx: base, keyId: firstId } = await makeHarness({ adapter: fakeAdapter({}) });
  const second = await base.keyring.add({ provider: 'openai', name: 'Work', secret: 'sk-test-second-key-0043', models: ['m'], status: 'valid' });
  const adapters = { [firstId]: fakeAdapter(first), [second.id]: fakeAdapter(options.second ?? {}) };
  const prices: Record<string, Price> = { [firstId]: { inputPerM: 1000, outputPerM: 1000 }, [second.id]: options.secondPrice ?? { inputPerM: 1000, outputPerM: 1000 } };
  const ctx = {
    ...base,
    providers: { ...base.providers, adapterFor: (key: KeyRecord) => adapters[key.id]!, priceFor: async (key: KeyRecord) => prices[key.id]! },
  };
  const order = options.order ?? 'wallet';
  if (order === 'wallet') await ctx.settings.set({ keyFallback: [firstId, second.id] });
  if (order === 'site') await ctx.grants.patch(TEST_ORIGIN, (g) => g && { ...g, keyFallback: [second.id] });
  const run = () => runChat(ctx, { caller: { origin: TEST_ORIGIN }, request, signal: new AbortController().signal, onDelta: () => undefined });
  const keyOf = async (id: string) => (await ctx.db.keys.get(id))!;
  const settledRows = async () => {
    await ctx.ledger.settled();
    return ctx.db.ledger.toArray();
  };
  return { ctx, run, firstId, secondId: second.id, first: adapters[firstId]!, second: adapters[second.id]!, keyOf, settledRows };
}

describe('the pipeline falls back between keys', () => {
  it('a revoked key (401): served by the next, one ledger entry naming it, one charge, the first marked invalid', async () => {
    const t = await twoKeys({ failWith: providerError(401, 'auth') });
    const result = await t.run();
    expect(result).toMatchObject({ text: 'Hello world', provider: 'fake' });
    expect([t.first.calls, t.second.calls]).toEqual([1, 1]);
    const rows = await t.settledRows();
    expect(rows).toEqual([expect.objectContaining({ status: 'ok', keyId: t.secondId, costNano: 5_000_000 })]);
    expect((await t.ctx.grants.get(TEST_ORIGIN))?.spentNano).toBe(5_000_000);
    expect(await t.ctx.db.inflight.count()).toBe(0);
    expect(t.ctx.gate.heldIds()).toEqual([]);
    await vi.waitFor(async () => expect(await t.keyOf(t.firstId)).toMatchObject({ status: 'invalid', statusMessage: expect.stringContaining('401') }));
    // The page hears neither key.
    expect(JSON.stringify(result)).not.toMatch(new RegExp(`${t.firstId}|${t.secondId}|Work|Fake`));
  });

  it('a rate-limited key (429): served by the next, the first passed over until its reset', async () => {
    const t = await twoKeys({ failWith: providerError(429, 'rate_limit', { retryAfterMs: 30_000 }) });
    const before = Date.now();
    await t.run();
    expect((await t.settledRows()).map((r) => r.keyId)).toEqual([t.secondId]);
    await vi.waitFor(async () => expect((await t.keyOf(t.firstId)).rateLimitedUntil).toBeGreaterThanOrEqual(before + 30_000));
    expect((await t.keyOf(t.firstId)).status).toBe('valid');
    // The next request goes to the second key at once (the keyring's cache knows the mark).
    await t.run();
    expect([t.first.calls, t.second.calls]).toEqual([1, 2]);
  });

  it('a key out of credit (insufficient_quota): served by the next, the first marked out of credit', async () => {
    const t = await twoKeys({ failWith: providerError(429, 'rate_limit', { type: 'insufficient_quota' }) });
    await t.run();
    expect((await t.settledRows()).map((r) => r.keyId)).toEqual([t.secondId]);
    await vi.waitFor(async () => expect((await t.keyOf(t.firstId)).status).toBe('out_of_credit'));
  });

  it('the site’s own order counts; a site without fallback is not served by another key', async () => {
    const site = await twoKeys({ failWith: providerError(401, 'auth') }, { order: 'site' });
    await site.run();
    expect(site.second.calls).toBe(1);
    const none = await twoKeys({ failWith: providerError(401, 'auth') }, { order: 'none' });
    await expect(none.run()).rejects.toMatchObject({ code: ErrorCode.provider });
    expect(none.second.calls).toBe(0);
    // Still marked: the key list shows it.
    await vi.waitFor(async () => expect((await none.keyOf(none.firstId)).status).toBe('invalid'));
  });

  it('a call that streamed and then failed is never sent again, and is settled on its own key', async () => {
    const t = await twoKeys({ chunks: ['Hel'], failWith: providerError(429, 'rate_limit'), failAfterChunks: true });
    await expect(t.run()).rejects.toMatchObject({ code: ErrorCode.provider });
    expect([t.first.calls, t.second.calls]).toEqual([1, 0]);
    expect(await t.settledRows()).toEqual([expect.objectContaining({ status: 'error', keyId: t.firstId })]);
  });

  it('an error that says nothing about the key (500) is not retried', async () => {
    const t = await twoKeys({ failWith: providerError(500, 'server') });
    await expect(t.run()).rejects.toMatchObject({ code: ErrorCode.provider });
    expect(t.second.calls).toBe(0);
    expect((await t.keyOf(t.firstId)).status).toBe('valid');
  });

  it('both refused: tried once each, one entry with the last error, charged nothing', async () => {
    const t = await twoKeys({ failWith: providerError(401, 'auth') }, { second: { failWith: providerError(429, 'rate_limit') } });
    await expect(t.run()).rejects.toMatchObject({ data: { status: 429 } });
    expect([t.first.calls, t.second.calls]).toEqual([1, 1]);
    expect(await t.settledRows()).toEqual([expect.objectContaining({ status: 'error', keyId: t.secondId, costNano: 0 })]);
    expect((await t.ctx.grants.get(TEST_ORIGIN))?.spentNano).toBe(0);
  });

  it('reserves at the pricier key’s price, and charges the price of the key that served', async () => {
    const t = await twoKeys({ failWith: providerError(401, 'auth') }, { secondPrice: { inputPerM: 2000, outputPerM: 3000 } });
    await t.run();
    const [row] = await t.settledRows();
    // Reserved: the input bound and 10 output tokens at 2000 / 3000 USD per million; charged 3 in, 2 out at the second key's price.
    expect(row!.reservedNano).toBeGreaterThanOrEqual(10 * 3000 * 1000);
    expect(row!.costNano).toBe(3 * 2000 * 1000 + 2 * 3000 * 1000);
  });
});
