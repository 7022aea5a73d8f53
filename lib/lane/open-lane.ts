/**
 * The content script's half of a lane (lib/lane/rendezvous.ts): frames the bridge for a moment,
 * hands it one end of a `MessageChannel` with a random token (which it also names on its runtime
 * port), and reports the other end once the worker says it attached it. The frame is removed when
 * the lane is up, when it is closed, or after {@link LANE_WAIT_MS}; a lane that never comes up
 * costs nothing but the frame (the runtime port carries everything meanwhile).
 */
import { LANE_UP, type LaneOffer, type ToPage } from '../protocol/wire';
import { LANE_WAIT_MS } from './rendezvous';

export interface OpeningLane {
  /** The token to name on the runtime port. */
  token: string;
  close(): void;
}

export function openLane(doc: Document, bridgeUrl: string, up: (lane: MessagePort) => void, receive: (m: ToPage) => void): OpeningLane {
  const token = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  const { port1: lane, port2: handed } = new MessageChannel();
  const frame = doc.createElement('iframe');
  const timer = setTimeout(() => frame.remove(), LANE_WAIT_MS);
  const removeFrame = () => {
    clearTimeout(timer);
    frame.remove();
  };
  lane.onmessage = (event: MessageEvent) => {
    if (event.data !== LANE_UP) return receive(event.data as ToPage);
    removeFrame();
    up(lane);
  };
  frame.src = bridgeUrl;
  frame.style.setProperty('display', 'none', 'important');
  frame.addEventListener('load', () => frame.contentWindow?.postMessage({ lane: token } satisfies LaneOffer, new URL(bridgeUrl).origin, [handed]), { once: true });
  doc.documentElement.append(frame);
  return {
    token,
    close() {
      removeFrame();
      lane.close();
    },
  };
}
