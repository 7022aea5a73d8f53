/**
 * The bench's stand-in for lib/lane/open-lane.ts in the `ab-port-only` build (scripts/bench/ab-builds.mjs):
 * a lane that never comes up, so the relay (lib/relay/relay.ts) sends every chat over its runtime
 * port. Its token is named as usual; the worker's rendezvous waits for a lane that never comes.
 * Only chat is measured on that build: a request with Blobs, which in Chromium needs the lane,
 * fails there after LANE_WAIT_MS.
 */
import type { OpeningLane } from '../../../lib/lane/open-lane';

export function openLane(): OpeningLane {
  const token = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  return { token, close: () => undefined };
}
