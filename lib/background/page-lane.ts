/**
 * Wires pages' lanes (lib/lane/rendezvous.ts) into the worker: takes the bridge frame's hand-over
 * from the worker's `message` event, and serves an attached lane's messages as its port's.
 */
import { BRIDGE_PAGE, LANE_UP } from '../protocol/wire';
import { LaneHandOverSchema } from '../protocol/wire-schema';
import { LaneRendezvous } from '../lane/rendezvous';
import type { WalletContext } from './context';
import type { PagePort } from './ports';
import { onMessage } from './page-port';
import { refuseOversize } from './size-gate';

/** How often, at most, a lane's traffic tells the browser the worker is in use. */
const TOUCH_MS = 10_000;

/**
 * @param touch keeps the worker from being stopped as idle: a lane's messages are not extension
 *   events, so the browser does not count them (a runtime port's messages it does).
 */
export function pageLanes(ctx: WalletContext, ready: Promise<void>, touch: () => void): LaneRendezvous<PagePort> {
  let touched = -Infinity;
  const lanes: LaneRendezvous<PagePort> = new LaneRendezvous((entry, port, waited) => {
    ctx.metrics.record('lane.wait', waited);
    port.onmessage = (event: MessageEvent) => {
      const now = ctx.now();
      if (now - touched >= TOUCH_MS) {
        touched = now;
        touch();
      }
      if (refuseOversize(event.data, (m) => ctx.ports.send(entry, m, true))) return;
      void ready.then(() => onMessage(ctx, entry, event.data, lanes, true));
    };
    port.postMessage(LANE_UP);
  }, ctx.now);
  return lanes;
}

/** The parts of the worker's `message` event (an `ExtendableMessageEvent`) read here. */
export interface WorkerMessage {
  data: unknown;
  origin: string;
  ports: readonly MessagePort[];
  /** The client that posted it: for a window, its `url`. */
  source: unknown;
}

/**
 * A `message` to the worker: a lane's hand-over when it comes from our bridge frame with a port;
 * anything else is dropped (and a port with it closed).
 */
export function acceptLane(lanes: LaneRendezvous<PagePort>, event: WorkerMessage, self: { origin: string }): void {
  const port = event.ports[0];
  if (!port) return;
  const url = (event.source as { url?: unknown } | null)?.url;
  const handOver = LaneHandOverSchema.safeParse(event.data);
  if (event.origin !== self.origin || typeof url !== 'string' || url.split(/[?#]/)[0] !== `${self.origin}/${BRIDGE_PAGE}` || !handOver.success) {
    port.close();
    return;
  }
  lanes.arrive(handOver.data.lane, handOver.data.origin, port);
}
