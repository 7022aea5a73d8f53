import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getByok, isByokProvider, onProviders } from './discover.js';
import { FakeByok, fakeWindow, type FakeWindow } from './test-fake-byok.js';
import type { ProviderDetail } from './types.js';

let win: FakeWindow;

beforeEach(() => {
  win = fakeWindow();
  vi.stubGlobal('window', win);
});
afterEach(() => vi.unstubAllGlobals());

describe('getByok', () => {
  it('finds the provider that answers byok:requestProvider with an announce', async () => {
    const fake = new FakeByok();
    fake.announceOn(win);
    expect(await getByok()).toBe(fake);
  });

  it('finds window.byok when nothing announces', async () => {
    const fake = new FakeByok();
    win.byok = fake;
    expect(await getByok({ timeoutMs: 50 })).toBe(fake);
  });

  it('prefers the announced provider over a foreign window.byok', async () => {
    const fake = new FakeByok();
    win.byok = { hi: 1 };
    fake.announceOn(win);
    expect(await getByok()).toBe(fake);
  });

  it('waits for byok#initialized', async () => {
    const fake = new FakeByok();
    setTimeout(() => {
      win.byok = fake;
      win.dispatchEvent(new Event('byok#initialized'));
    }, 20);
    expect(await getByok({ timeoutMs: 1000 })).toBe(fake);
  });

  it('takes an announce that comes later on its own', async () => {
    const fake = new FakeByok();
    setTimeout(() => win.dispatchEvent(new CustomEvent('byok:announceProvider', { detail: Object.freeze({ info: fake.info, provider: fake }) })), 20);
    expect(await getByok({ timeoutMs: 1000 })).toBe(fake);
  });

  it('resolves null after the timeout when no wallet answers', async () => {
    const start = Date.now();
    expect(await getByok({ timeoutMs: 60 })).toBeNull();
    expect(Date.now() - start).toBeGreaterThanOrEqual(55);
  });

  it('resolves null at once outside a page', async () => {
    vi.stubGlobal('window', undefined);
    expect(await getByok({ timeoutMs: 10_000 })).toBeNull();
  });

  it('ignores hostile announces and stops listening once done', async () => {
    const hostile: unknown[] = [null, 42, { provider: null }, { provider: { connect: 1, chat: 2 } }, { info: {}, provider: 'byok' }];
    win.addEventListener('byok:requestProvider', () => {
      for (const detail of hostile) win.dispatchEvent(new CustomEvent('byok:announceProvider', { detail }));
    });
    const remove = vi.spyOn(win, 'removeEventListener');
    expect(await getByok({ timeoutMs: 30 })).toBeNull();
    expect(remove.mock.calls.map((c) => c[0]).sort()).toEqual(['byok#initialized', 'byok:announceProvider']);
  });

  it('looks in the target it is given', async () => {
    const other = fakeWindow();
    const fake = new FakeByok();
    fake.announceOn(other);
    expect(await getByok({ target: other, timeoutMs: 30 })).toBe(fake);
    expect(await getByok({ timeoutMs: 30 })).toBeNull();
  });
});

describe('isByokProvider', () => {
  it.each([null, undefined, 0, '', 'byok', {}, { connect() {} }, { chat() {} }, [], () => {}])('refuses %o', (v) => {
    expect(isByokProvider(v)).toBe(false);
  });
  it('accepts an object with connect and chat', () => {
    expect(isByokProvider(new FakeByok())).toBe(true);
  });
});

describe('onProviders', () => {
  it('collects every wallet once, now and later, until stopped', () => {
    const a = new FakeByok({ info: { uuid: 'a' } });
    const b = new FakeByok({ info: { uuid: 'b' } });
    a.announceOn(win);
    const seen: ProviderDetail[] = [];
    const stop = onProviders((d) => seen.push(d));
    expect(seen.map((d) => d.info.uuid)).toEqual(['a']);
    b.announceOn(win);
    win.dispatchEvent(new Event('byok:requestProvider'));
    expect(seen.map((d) => d.info.uuid)).toEqual(['a', 'b']);
    expect(Object.isFrozen(seen[0])).toBe(true);
    stop();
    new FakeByok({ info: { uuid: 'c' } }).announceOn(win);
    win.dispatchEvent(new Event('byok:requestProvider'));
    expect(seen).toHaveLength(2);
  });

  it('stops when its signal aborts', () => {
    const ac = new AbortController();
    const seen: ProviderDetail[] = [];
    onProviders((d) => seen.push(d), { signal: ac.signal });
    ac.abort();
    new FakeByok().announceOn(win);
    win.dispatchEvent(new Event('byok:requestProvider'));
    expect(seen).toEqual([]);
  });
});
