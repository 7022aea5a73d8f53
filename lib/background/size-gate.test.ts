/**
 * The worker's size check (docs/THREAT_MODEL.md §1): a message over its method's limit, on the
 * runtime port or on the lane, is answered with -32602 naming the limit at once (before the
 * worker is even ready), is not validated, and touches nothing.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { refuseOversize } from './size-gate';
import { acceptPagePort } from './page-port';
import { acceptLane, pageLanes } from './page-lane';
import { Metrics } from './metrics';
import type { WalletContext } from './context';
import { LANE_UP, type ToPage } from '../protocol/wire';
import { REQUEST_LIMITS, SMALLEST_LIMIT, requestLimit, requestTooLarge } from '../protocol/limits';
import { fakePort, recordingContext, senderFor } from '../../tests/unit/fuzz/wallet-fakes';

const ORIGIN = 'https://app.example';
const CHAT_LIMIT = REQUEST_LIMITS.chat!;
const tooLarge = (method: string) => ({ code: -32602, message: requestTooLarge(method) });
/** A worker that never becomes ready: only what is answered before `ready` is answered at all. */
const never = new Promise<void>(() => undefined);

/** A chat the schemas accept (100 parts within their bounds) that adds up to 40 M characters. */
function manyPartsChat(id: number) {
  const part = { type: 'text', text: 'x'.repeat(400_000) };
  return { t: 'req', id, method: 'chat', params: { messages: [{ role: 'user', content: Array.from({ length: 100 }, () => part) }] } };
}

function deep(id: number, method: string, depth: number) {
  let params: unknown = 1;
  for (let i = 0; i < depth; i++) params = { a: params };
  return { t: 'req', id, method, params };
}

const open: MessagePort[] = [];
afterEach(() => {
  for (const port of open.splice(0)) port.close();
});

describe('the worker refuses a message over its limit', () => {
  it('refuses exactly the messages whose JSON passes the limit (string params, any method)', () => {
    const methods = fc.oneof(fc.constantFrom('getGrant', 'models', 'disconnect', 'connect', 'x.unknown', '__proto__'), fc.string({ maxLength: 64 }));
    fc.assert(
      fc.property(methods, fc.nat(2 ** 31), fc.integer({ min: -300, max: 300 }), (method, id, offset) => {
        const limit = requestLimit(method);
        const m = { t: 'req', id, method, params: '' };
        m.params = 'x'.repeat(Math.max(0, limit + offset - JSON.stringify(m).length));
        const length = JSON.stringify(m).length;
        const replies: ToPage[] = [];
        const refused = refuseOversize(m, (r) => replies.push(r));
        // Within the limit: never refused. Well over it (past the commas and braces not counted): refused.
        if (length <= limit) expect(refused).toBe(false);
        if (length > limit + 16) expect(replies).toEqual([{ t: 'res', id, ok: false, error: tooLarge(method) }]);
        if (!refused) expect(replies).toEqual([]);
      }),
      { numRuns: 1_000 },
    );
  });

  it('gives what is not a request the smallest limit, and answers it only when it has an integer id', () => {
    const replies: ToPage[] = [];
    const reply = (r: ToPage) => replies.push(r);
    expect(refuseOversize({ t: 'cancel', id: 3, pad: 'x'.repeat(SMALLEST_LIMIT) }, reply)).toBe(true);
    expect(refuseOversize({ t: 'sub', pad: 'x'.repeat(SMALLEST_LIMIT) }, reply)).toBe(true);
    expect(refuseOversize('x'.repeat(100_000_000), reply)).toBe(true);
    expect(refuseOversize({ t: 'req', id: 'one', method: 'chat', params: 'x'.repeat(CHAT_LIMIT) }, reply)).toBe(true);
    expect(refuseOversize({ t: 'cancel', id: 3 }, reply)).toBe(false);
    expect(replies).toEqual([{ t: 'res', id: 3, ok: false, error: { code: -32602, message: requestTooLarge(undefined) } }]);
  });

  it.each([
    ['a huge string', () => ({ t: 'req', id: 1, method: 'chat', params: { messages: [{ role: 'user', content: 'x'.repeat(100_000_000) }] } })],
    ['many small parts adding up', () => manyPartsChat(1)],
    ['a deep nesting', () => deep(1, 'connect', 200_000)],
    ['a small method padded', () => ({ t: 'req', id: 1, method: 'getGrant', params: Array.from({ length: 5_000 }, () => 0) })],
  ])('on the runtime port: %s is answered before the worker is ready, and touches nothing', (_what, build) => {
    const { ctx, touched } = recordingContext();
    const page = fakePort(senderFor(ORIGIN));
    acceptPagePort(ctx, never, page.port);
    const m = build();
    page.deliver(m);
    expect(page.sent).toEqual([{ t: 'res', id: 1, ok: false, error: tooLarge(m.method) }]);
    expect(touched).toEqual([]);
  });

  it('on the lane: answered on the lane, and the next request still is', async () => {
    const asked: string[] = [];
    const { ctx, touched } = recordingContext({
      grants: { get: async (origin: string) => void asked.push(origin) } as unknown as WalletContext['grants'],
      ledger: { settled: async () => undefined } as unknown as WalletContext['ledger'],
      now: () => 0,
      metrics: new Metrics(),
    });
    const rendezvous = pageLanes(ctx, Promise.resolve(), () => undefined);
    const page = fakePort(senderFor(ORIGIN));
    acceptPagePort(ctx, Promise.resolve(), page.port, rendezvous);
    const token = 'cd'.repeat(16);
    page.deliver({ t: 'lane', token });
    const { port1: mine, port2: handed } = new MessageChannel();
    open.push(mine, handed);
    const got: unknown[] = [];
    mine.onmessage = (event) => got.push(event.data);
    acceptLane(rendezvous, { data: { lane: token, origin: ORIGIN }, origin: 'chrome-extension://walletid', ports: [handed], source: { url: 'chrome-extension://walletid/bridge.html' } }, { origin: 'chrome-extension://walletid' });
    await vi.waitFor(() => expect(got).toEqual([LANE_UP]));
    // Structured-cloned as a real lane's message is: the 100 parts arrive as 100 references to one.
    mine.postMessage(manyPartsChat(7));
    mine.postMessage({ t: 'req', id: 8, method: 'getGrant' });
    await vi.waitFor(() => expect(got).toHaveLength(3));
    expect(got.slice(1)).toEqual([
      { t: 'res', id: 7, ok: false, error: tooLarge('chat') },
      { t: 'res', id: 8, ok: true, value: null },
    ]);
    expect(page.sent).toEqual([]);
    expect(asked).toEqual([ORIGIN]);
    expect(touched).toEqual([]);
  });
});
