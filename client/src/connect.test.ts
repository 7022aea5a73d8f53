import { afterEach, describe, expect, it, vi } from 'vitest';
import { chatText, ensureGrant, requireByok } from './connect.js';
import { asByokError, BUDGET_EXCEEDED, ByokError, INVALID_PARAMS, isAbortError, isByokError, LOCKED, PROVIDER_ERROR, RATE_LIMITED, UNAUTHORIZED, UNSUPPORTED, USER_REJECTED } from './errors.js';
import { noWallet } from './messages.js';
import { CANNED, FakeByok, fakeWindow } from './test-fake-byok.js';

afterEach(() => vi.unstubAllGlobals());

describe('errors', () => {
  it('has the contract codes', () => {
    expect([USER_REJECTED, UNAUTHORIZED, UNSUPPORTED, RATE_LIMITED, BUDGET_EXCEEDED, LOCKED, INVALID_PARAMS, PROVIDER_ERROR]).toEqual([4001, 4100, 4200, 4290, 4402, 4900, -32602, 5000]);
  });

  it('ByokError carries code, message and data', () => {
    const e = new ByokError(RATE_LIMITED, 'slow down', { retryAfterMs: 500 });
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({ name: 'ByokError', code: 4290, message: 'slow down', data: { retryAfterMs: 500 } });
    expect(new ByokError(4001, 'no').data).toBeUndefined();
  });

  it('asByokError turns any coded error into a ByokError and leaves the rest', () => {
    const wire = Object.assign(new Error('Budget exceeded'), { code: 4402, data: { left: 0 } });
    expect(asByokError(wire)).toMatchObject({ name: 'ByokError', code: 4402, message: 'Budget exceeded', data: { left: 0 } });
    expect(asByokError({ code: 4001, message: 'no' })).toBeInstanceOf(ByokError);
    for (const v of [null, undefined, 'x', 4001, new TypeError('t'), { code: '4001' }, new DOMException('a', 'AbortError')]) expect(asByokError(v)).toBeUndefined();
  });

  it('isByokError and isAbortError', () => {
    expect(isByokError({ code: 4100, message: '' }, UNAUTHORIZED)).toBe(true);
    expect(isByokError({ code: 4100, message: '' }, LOCKED)).toBe(false);
    expect(isAbortError(new DOMException('x', 'AbortError'))).toBe(true);
    expect(isAbortError(new Error('AbortError'))).toBe(false);
  });
});

describe('requireByok', () => {
  it('rejects with 4200 and a clear message when no wallet answers', async () => {
    vi.stubGlobal('window', fakeWindow());
    await expect(requireByok({ timeoutMs: 10 })).rejects.toMatchObject({ code: UNSUPPORTED, message: noWallet() });
  });
  it('resolves the found provider', async () => {
    const win = fakeWindow();
    const fake = new FakeByok();
    win.byok = fake;
    expect(await requireByok({ target: win })).toBe(fake);
  });
});

describe('ensureGrant', () => {
  it('connects when the site has no grant, and not again once it has', async () => {
    const fake = new FakeByok();
    const grant = await ensureGrant(fake, ['chat'], { reason: 'demo' });
    expect(grant.scopes).toEqual(['chat']);
    expect(fake.calls.filter((c) => c.method === 'connect')).toEqual([{ method: 'connect', args: [{ reason: 'demo', scopes: ['chat'] }] }]);
    await ensureGrant(fake, ['chat']);
    expect(fake.calls.filter((c) => c.method === 'connect')).toHaveLength(1);
  });

  it('asks for the missing scope on top of the granted ones', async () => {
    const fake = new FakeByok();
    await ensureGrant(fake, ['chat']);
    const grant = await ensureGrant(fake, ['embed']);
    expect(grant.scopes).toEqual(['chat', 'embed']);
  });

  it('rejects with the wallet error as a ByokError', async () => {
    const fake = new FakeByok({ rejectConnect: true });
    const e = await ensureGrant(fake).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ByokError);
    expect(e).toMatchObject({ code: USER_REJECTED });
  });
});

describe('chatText', () => {
  it('connects, chats, streams deltas and resolves the text', async () => {
    const fake = new FakeByok();
    const deltas: string[] = [];
    const text = await chatText(fake, 'hi', { system: 'be brief', model: 'gpt-4o-mini', maxTokens: 50, onDelta: (d) => deltas.push(d) });
    expect(text).toBe(CANNED.join(''));
    expect(deltas).toEqual(CANNED);
    expect(fake.chatRequests[0]).toEqual({
      model: 'gpt-4o-mini',
      maxTokens: 50,
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'user', content: 'hi' },
      ],
    });
  });

  it('does not connect when told not to, and rejects 4100 as a ByokError', async () => {
    const fake = new FakeByok();
    const e = await chatText(fake, 'hi', { connect: false }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ByokError);
    expect(e).toMatchObject({ code: UNAUTHORIZED });
    expect(fake.calls.some((c) => c.method === 'connect')).toBe(false);
  });

  it('rejects with an AbortError when aborted', async () => {
    const fake = new FakeByok({ delayMs: 50 }).grantAll();
    const ac = new AbortController();
    const p = chatText(fake, 'hi', { signal: ac.signal });
    setTimeout(() => ac.abort(), 10);
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(fake.aborts).toBe(1);
  });
});
