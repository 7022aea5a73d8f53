import { describe, expect, it, vi } from 'vitest';
import { fetchAfter } from './send-gate';

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('fetchAfter', () => {
  it('sends nothing before the wallet may send, then sends once', async () => {
    let allow!: () => void;
    const ready = new Promise<void>((r) => (allow = r));
    const base = vi.fn(async () => new Response('ok'));
    const fetch = fetchAfter(ready, base as unknown as typeof globalThis.fetch)!;
    const answer = fetch('https://api.example/v1/x', { method: 'POST' });
    await flush();
    expect(base).not.toHaveBeenCalled();
    allow();
    expect(await (await answer).text()).toBe('ok');
    expect(base).toHaveBeenCalledTimes(1);
  });

  it('sends nothing at all when the wallet may not send', async () => {
    const base = vi.fn(async () => new Response('ok'));
    const fetch = fetchAfter(Promise.reject(new Error('storage failed')), base as unknown as typeof globalThis.fetch)!;
    await expect(fetch('https://api.example/v1/x')).rejects.toThrow('storage failed');
    expect(base).not.toHaveBeenCalled();
  });

  it('without a gate is the plain fetch', () => {
    const base = vi.fn() as unknown as typeof globalThis.fetch;
    expect(fetchAfter(undefined, base)).toBe(base);
    expect(fetchAfter(undefined)).toBeUndefined();
  });
});
