/**
 * A page's lane (lib/lane) in the worker: taken only from our bridge frame, served as the port
 * that named it (its origin, its in-flight requests), and a request is answered the way it came.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { acceptLane, pageLanes, type WorkerMessage } from './page-lane';
import { acceptPagePort } from './page-port';
import { Metrics } from './metrics';
import type { WalletContext } from './context';
import type { LaneRendezvous } from '../lane/rendezvous';
import type { PagePort } from './ports';
import { LANE_UP } from '../protocol/wire';
import { fakePort, recordingContext, senderFor } from '../../tests/unit/fuzz/wallet-fakes';

const EXTENSION = 'chrome-extension://walletid';
const BRIDGE = `${EXTENSION}/bridge.html`;
const ORIGIN = 'https://app.example';
const TOKEN = 'ab'.repeat(16);
const open: MessagePort[] = [];

afterEach(() => {
  for (const port of open.splice(0)) port.close();
});

/** A context that answers getGrant (no grant) and records which origin asked. */
function walletFor() {
  const asked: string[] = [];
  const touches: number[] = [];
  const fake = recordingContext({
    grants: { get: async (origin: string) => void asked.push(origin) } as unknown as WalletContext['grants'],
    ledger: { settled: async () => undefined } as unknown as WalletContext['ledger'],
    now: () => 0,
    metrics: new Metrics(),
  });
  return { ...fake, asked, touches, lanes: (ready = Promise.resolve()) => pageLanes(fake.ctx, ready, () => touches.push(1)) };
}

/** The content script's end of a new lane, recording what the worker posts on it. */
function lane() {
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  const got: unknown[] = [];
  port1.onmessage = (event) => got.push(event.data);
  return { mine: port1, handed: port2, got };
}

const handOver = (port: MessagePort, over: Partial<WorkerMessage> = {}): WorkerMessage => ({
  data: { lane: TOKEN, origin: ORIGIN },
  origin: EXTENSION,
  ports: [port],
  source: { url: BRIDGE },
  ...over,
});

describe('a page lane in the worker', () => {
  it('speaks as the port that named it: the browser-reported origin, answered on the lane', async () => {
    const { ctx, asked, touches, lanes } = walletFor();
    const rendezvous = lanes();
    const page = fakePort(senderFor(ORIGIN));
    acceptPagePort(ctx, Promise.resolve(), page.port, rendezvous);
    page.deliver({ t: 'lane', token: TOKEN });
    const { mine, handed, got } = lane();
    acceptLane(rendezvous, handOver(handed), { origin: EXTENSION });
    await vi.waitFor(() => expect(got).toEqual([LANE_UP]));
    mine.postMessage({ t: 'req', id: 1, method: 'getGrant' });
    await vi.waitFor(() => expect(got).toEqual([LANE_UP, { t: 'res', id: 1, ok: true, value: null }]));
    expect(asked).toEqual([ORIGIN]);
    expect(page.sent).toEqual([]);
    expect(touches).toEqual([1]);
  });

  it('answers a request on the port it came on, even when the lane attaches before the answer', async () => {
    const { ctx, lanes } = walletFor();
    let start!: () => void;
    const ready = new Promise<void>((resolve) => (start = resolve));
    const rendezvous = lanes(ready);
    const page = fakePort(senderFor(ORIGIN));
    acceptPagePort(ctx, ready, page.port, rendezvous);
    page.deliver({ t: 'lane', token: TOKEN });
    page.deliver({ t: 'req', id: 1, method: 'getGrant' });
    const { handed, got } = lane();
    // The worker is still starting (`ready`): the token is named only once it has.
    acceptLane(rendezvous, handOver(handed), { origin: EXTENSION });
    start();
    await vi.waitFor(() => expect(page.sent).toEqual([{ t: 'res', id: 1, ok: true, value: null }]));
    await vi.waitFor(() => expect(got).toEqual([LANE_UP]));
  });

  it.each<[string, Partial<WorkerMessage>]>([
    ['another extension', { origin: 'chrome-extension://otherid' }],
    ['another of our pages', { source: { url: `${EXTENSION}/options.html` } }],
    ['a page named like the bridge elsewhere', { source: { url: `${EXTENSION}/x/bridge.html` } }],
    ['no client', { source: null }],
    ['a hand-over with a field more', { data: { lane: TOKEN, origin: ORIGIN, grant: 'all' } }],
    ['a malformed token', { data: { lane: 'guess', origin: ORIGIN } }],
    ['no origin', { data: { lane: TOKEN } }],
  ])('closes a port from %s, unheard', (_what, over) => {
    const arrive = vi.fn();
    const { handed } = lane();
    const closed = vi.spyOn(handed, 'close');
    acceptLane({ arrive } as unknown as LaneRendezvous<PagePort>, handOver(handed, over), { origin: EXTENSION });
    expect(arrive).not.toHaveBeenCalled();
    expect(closed).toHaveBeenCalled();
  });

  it('takes the hand-over with a query or hash on the bridge URL', () => {
    const arrive = vi.fn();
    const { handed } = lane();
    acceptLane({ arrive } as unknown as LaneRendezvous<PagePort>, handOver(handed, { source: { url: `${BRIDGE}#x` } }), { origin: EXTENSION });
    expect(arrive).toHaveBeenCalledWith(TOKEN, ORIGIN, handed);
  });
});
