/**
 * The content script's size check (docs/THREAT_MODEL.md §1): a page message over its method's
 * limit is answered with -32602 naming the limit and never reaches the worker; one over every
 * limit is not even parsed.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { admitEvent } from './size-gate';
import { startRelay } from './relay';
import { LARGEST_LIMIT, SMALLEST_LIMIT, requestLimit, requestTooLarge } from '../protocol/limits';
import { TO_PAGE, TO_WALLET } from '../protocol/wire';

const event = (detail: unknown) => new CustomEvent(TO_WALLET, { detail });
const tooLarge = (method: unknown) => ({ code: -32602, message: requestTooLarge(method) });

/** A request's JSON padded in its params to `length` characters. */
function requestOf(length: number, method: string, id = 1): string {
  const bare = JSON.stringify({ t: 'req', id, method, params: '' });
  return JSON.stringify({ t: 'req', id, method, params: 'x'.repeat(Math.max(0, length - bare.length)) });
}

afterEach(() => vi.restoreAllMocks());

describe('the content script refuses a page message over its limit', () => {
  it('forwards exactly the messages within their method\'s limit', () => {
    const methods = fc.oneof(fc.constantFrom('getGrant', 'models', 'connect', 'x.unknown', 'constructor'), fc.stringMatching(/^[a-zA-Z.]{1,64}$/));
    fc.assert(
      fc.property(methods, fc.nat(2 ** 31), fc.integer({ min: -100, max: 100 }), (method, id, offset) => {
        const detail = requestOf(requestLimit(method) + offset, method, id);
        const admitted = admitEvent(event(detail));
        if (detail.length <= requestLimit(method)) expect(admitted).toEqual({ forward: JSON.parse(detail) as unknown });
        else expect(admitted).toEqual({ forward: null, reply: { t: 'res', id, ok: false, error: tooLarge(method) } });
      }),
      { numRuns: 1_000 },
    );
  });

  it('refuses a message over every limit from its head, without parsing it', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const huge = requestOf(LARGEST_LIMIT + 1, 'chat', 42);
    expect(admitEvent(event(huge))).toEqual({ forward: null, reply: { t: 'res', id: 42, ok: false, error: tooLarge('chat') } });
    // Keys in another order, or whitespace: not the page script's head, so nothing to answer.
    expect(admitEvent(event(`{"id":43,${huge.slice(1)}`))).toEqual({ forward: null });
    expect(admitEvent(event(` ${huge}`))).toEqual({ forward: null });
    expect(admitEvent(event(`{"t":"req","id":44,"method":"${'m'.repeat(70)}"${' '.repeat(LARGEST_LIMIT)}}`))).toEqual({ forward: null });
    expect(parse).not.toHaveBeenCalled();
  });

  it('gives what is not a request the smallest limit', () => {
    const pad = 'x'.repeat(SMALLEST_LIMIT);
    expect(admitEvent(event(JSON.stringify({ t: 'cancel', id: 3, pad })))).toEqual({ forward: null, reply: { t: 'res', id: 3, ok: false, error: tooLarge(undefined) } });
    expect(admitEvent(event(JSON.stringify({ t: 'sub', pad })))).toEqual({ forward: null });
    expect(admitEvent(event(JSON.stringify({ t: 'cancel', id: 3 })))).toEqual({ forward: { t: 'cancel', id: 3 } });
  });

  it('never opens a port for a refused message, and relays the next one', () => {
    const posted: unknown[] = [];
    const connect = vi.fn(() => ({
      postMessage: (m: unknown) => posted.push(m),
      onMessage: { addListener: () => undefined },
      onDisconnect: { addListener: () => undefined },
      disconnect: () => undefined,
    }));
    vi.stubGlobal('chrome', { runtime: { connect, getURL: (path: string) => `chrome-extension://walletid/${path}` } });
    // A window without a document element: the relay opens no lane, only its port.
    const win = Object.assign(new EventTarget(), { document: {} }) as unknown as Window;
    const heard: unknown[] = [];
    win.addEventListener(TO_PAGE, (e) => heard.push(JSON.parse((e as CustomEvent<string>).detail)));
    const controller = new AbortController();
    startRelay(win, controller.signal);
    const chat = JSON.stringify({ t: 'req', id: 1, method: 'chat', params: { messages: [{ role: 'user', content: Array.from({ length: 100 }, () => ({ type: 'text', text: 'x'.repeat(400_000) })) }] } });
    win.dispatchEvent(event(chat));
    expect(heard).toEqual([{ t: 'res', id: 1, ok: false, error: tooLarge('chat') }]);
    expect(connect).not.toHaveBeenCalled();
    win.dispatchEvent(event(JSON.stringify({ t: 'req', id: 2, method: 'getGrant' })));
    expect(posted).toEqual([{ t: 'req', id: 2, method: 'getGrant' }]);
    controller.abort();
    vi.unstubAllGlobals();
  });
});
