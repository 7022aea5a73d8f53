/**
 * The page side of a streamed call: deltas in order, the last one riding on the answer, and the
 * answer's text rebuilt from them when the wallet left it out (docs/PROTOCOL.md §4).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TO_PAGE, TO_WALLET, dispatchWire, wireMessage, type ToPage } from '../protocol/wire';
import { createTransport } from './transport';

const ORIGIN = 'https://app.example';

function fakeWindow() {
  const win = Object.assign(new EventTarget(), { origin: ORIGIN, location: { origin: ORIGIN } }) as unknown as Window;
  const posted: unknown[] = [];
  win.addEventListener(TO_WALLET, (event) => void posted.push(wireMessage(event)));
  const fromWallet = (m: ToPage) => dispatchWire(win, TO_PAGE, m);
  return { win, posted, fromWallet };
}

function streamedCall() {
  const { win, posted, fromWallet } = fakeWindow();
  const transport = createTransport(win, () => undefined);
  const deltas: string[] = [];
  const result = transport.request('chat', { messages: [] }, { onDelta: (text) => void deltas.push(text) });
  return { posted, fromWallet, deltas, result };
}

afterEach(() => void vi.unstubAllGlobals());

describe('a streamed call on the page', () => {
  it('asks for deltas', () => {
    const { posted } = streamedCall();
    expect(posted).toEqual([{ t: 'req', id: 1, method: 'chat', params: { messages: [] }, stream: true }]);
  });

  it("hears the answer's delta before it resolves, and rebuilds a text left out as the deltas joined", async () => {
    const { fromWallet, deltas, result } = streamedCall();
    fromWallet({ t: 'delta', id: 1, text: 'Hello' });
    fromWallet({ t: 'res', id: 1, ok: true, value: { model: 'm', finishReason: 'stop' }, delta: ', world', textStreamed: true });
    const value = await result;
    expect(deltas).toEqual(['Hello', ', world']);
    expect(value).toEqual({ text: 'Hello, world', model: 'm', finishReason: 'stop' });
    expect(Object.keys(value as object)[0]).toBe('text');
  });

  it('keeps a text the wallet sent', async () => {
    const { fromWallet, result } = streamedCall();
    fromWallet({ t: 'delta', id: 1, text: 'Hello' });
    fromWallet({ t: 'res', id: 1, ok: true, value: { text: 'Hello', model: 'm' } });
    expect(await result).toEqual({ text: 'Hello', model: 'm' });
  });

  it("delivers an error's last delta, then rejects", async () => {
    const { fromWallet, deltas, result } = streamedCall();
    fromWallet({ t: 'res', id: 1, ok: false, error: { code: 5000, message: 'Provider error' }, delta: 'Hel' });
    await expect(result).rejects.toMatchObject({ code: 5000, message: 'Provider error' });
    expect(deltas).toEqual(['Hel']);
  });

  it("a throwing onDelta is reported, and the call still resolves", async () => {
    const reported: unknown[] = [];
    vi.stubGlobal('reportError', (error: unknown) => void reported.push(error));
    const { win, fromWallet } = fakeWindow();
    const thrown = new Error('the page broke');
    const result = createTransport(win, () => undefined).request('chat', {}, {
      onDelta: () => {
        throw thrown;
      },
    });
    fromWallet({ t: 'res', id: 1, ok: true, value: { model: 'm' }, delta: 'Hello', textStreamed: true });
    expect(await result).toEqual({ text: 'Hello', model: 'm' });
    expect(reported).toEqual([thrown]);
  });
});

describe('a request JSON cannot hold', () => {
  it.each([
    ['a BigInt', { messages: [], n: 1n }],
    ['a cycle', (() => { const o: Record<string, unknown> = { messages: [] }; o.self = o; return o; })()],
    ['a throwing toJSON', { messages: [], toJSON() { throw new Error('nope'); } }],
  ])('is refused with -32602 naming the request, and nothing is sent (%s)', async (_name, params) => {
    const { win, posted } = fakeWindow();
    const transport = createTransport(win, () => undefined);
    await expect(transport.request('chat', params)).rejects.toMatchObject({ code: -32602, message: expect.stringMatching(/^Invalid request: req: cannot be sent as JSON/) });
    expect(posted).toEqual([]);
    // The next request still goes out, with the next id.
    void transport.request('getGrant', undefined);
    expect(posted).toEqual([{ t: 'req', id: 2, method: 'getGrant' }]);
  });
});

describe('the spend that rides on an answer', () => {
  it('is heard as grantChanged before the last delta and before the call resolves', async () => {
    const { win, fromWallet } = fakeWindow();
    const order: string[] = [];
    const transport = createTransport(win, (name, data) => void order.push(`${name}:${JSON.stringify(data)}`));
    const result = transport.request('chat', { messages: [] }, { onDelta: (text) => void order.push(`delta:${text}`) }).then(() => order.push('resolved'));
    fromWallet({ t: 'res', id: 1, ok: true, value: { model: 'm' }, delta: 'end', textStreamed: true, grantChanged: { spentUsd: 0.5 } });
    await result;
    expect(order).toEqual(['grantChanged:{"spentUsd":0.5}', 'delta:end', 'resolved']);
  });

  it('is heard on a failed answer, a revoked grant (null) included, and on the answer of a call this page gave up', async () => {
    const { win, fromWallet } = fakeWindow();
    const heard: unknown[] = [];
    const transport = createTransport(win, (name, data) => void heard.push([name, data]));
    const controller = new AbortController();
    const given = transport.request('embed', { input: 'x' }, { signal: controller.signal });
    controller.abort();
    await expect(given).rejects.toMatchObject({ name: 'AbortError' });
    fromWallet({ t: 'res', id: 1, ok: false, error: { code: 4001, message: 'aborted', data: { aborted: true } }, grantChanged: { spentUsd: 1 } });
    const failed = transport.request('chat', { messages: [] });
    fromWallet({ t: 'res', id: 2, ok: false, error: { code: 4100, message: 'revoked' }, grantChanged: null });
    await expect(failed).rejects.toMatchObject({ code: 4100 });
    expect(heard).toEqual([
      ['grantChanged', { spentUsd: 1 }],
      ['grantChanged', null],
    ]);
  });
});
