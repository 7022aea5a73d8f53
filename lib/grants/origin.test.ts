import { describe, expect, it } from 'vitest';
import { canConnect, isLoopbackHost, originOfSender, topOriginOfSender } from './origin';

describe('which origins may connect', () => {
  it.each([
    ['https://app.example', true],
    ['http://localhost:5173', true],
    ['http://127.0.0.1:8080', true],
    ['http://[::1]:3000', true],
    ['http://app.example', false],
    ['http://localhost.example.com', false],
    ['http://127.0.0.1.nip.io', false],
    ['file://', false],
    ['chrome-extension://abcdefghijklmnop', false],
    ['null', false],
    ['https://app.example/path', false],
    ['not a url', false],
  ])('%s: %s', (origin, allowed) => {
    expect(canConnect(origin)).toBe(allowed);
  });

  it('is the same loopback list the free local endpoints use', () => {
    for (const host of ['localhost', 'LOCALHOST', '127.0.0.1', '[::1]']) expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['::1', '127.0.0.2', 'localhost.', 'example.com', '']) expect(isLoopbackHost(host)).toBe(false);
  });
});

describe('the origin of a sender', () => {
  it('is what the browser reports, from origin or else url', () => {
    expect(originOfSender({ origin: 'https://a.example', url: 'https://b.example/x' })).toBe('https://a.example');
    expect(originOfSender({ url: 'https://b.example/x?y' })).toBe('https://b.example');
    expect(originOfSender({ url: 'not a url' })).toBeNull();
    expect(originOfSender({})).toBeNull();
  });

  it('names the top-level page only for a sub-frame', () => {
    expect(topOriginOfSender({ frameId: 0, tab: { url: 'https://top.example/' } })).toBeUndefined();
    expect(topOriginOfSender({ frameId: 3, tab: { url: 'https://top.example/page' } })).toBe('https://top.example');
    expect(topOriginOfSender({ frameId: 3 })).toBeUndefined();
  });
});
