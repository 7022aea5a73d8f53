/**
 * The wire between the page (main-world script), the content script and the background
 * (docs/PROTOCOL.md). The page and content script exchange these as DOM events on the page's
 * window; the content script forwards them unchanged over a runtime port.
 *
 * This file has no runtime imports: the main-world script and the content script include it.
 */
import type { WireError } from './errors';

export const PROTOCOL_VERSION = 1;
/** The DOM events on the page's window, one per direction; each carries one message. */
export const TO_WALLET = 'byok/v1:to-wallet';
export const TO_PAGE = 'byok/v1:to-page';
export const PORT_NAME = 'byok-page/v1';
/** The extension frame that hands a content script's lane to the worker (lib/lane). */
export const BRIDGE_PAGE = 'bridge.html';
/** The worker's first message on a lane it attached: from then on the content script sends on the lane. */
export const LANE_UP = 'byok/v1:lane-up';

/** What the content script posts to the bridge frame, with the lane's port. */
export interface LaneOffer {
  lane: string;
}
/** What the bridge frame posts to the worker, with the lane's port: the origin is the browser's. */
export interface LaneHandOver {
  lane: string;
  origin: string;
}

/**
 * Sends `m` to the page's other world. An event, not `postMessage`: its listeners run at once, in
 * this task, where a window message waits for a task of its own (the first token came 0.9 ms
 * sooner without the two, docs/PROTOCOL.md §3).
 * The detail is a JSON string: a primitive crosses between worlds in every browser (Firefox's
 * content scripts cannot read an object made in the page, nor the page one of theirs), and the
 * receiver parses it in its own realm, so no getter or proxy of the sender's comes with it.
 */
export function dispatchWire(win: Window, type: typeof TO_WALLET | typeof TO_PAGE, m: ToWallet | ToPage): void {
  win.dispatchEvent(new CustomEvent(type, { detail: JSON.stringify(m) }));
}

/** The message a wire event carries: an object with a string `t`, or null. */
export function wireMessage(event: Event): { t: string } | null {
  const detail: unknown = (event as CustomEvent).detail;
  return typeof detail === 'string' ? parseWire(detail) : null;
}

/** A wire message's JSON text parsed in this realm: an object with a string `t`, or null. */
export function parseWire(detail: string): { t: string } | null {
  let m: unknown;
  try {
    m = JSON.parse(detail);
  } catch {
    return null;
  }
  return m && typeof m === 'object' && typeof (m as { t?: unknown }).t === 'string' ? (m as { t: string }) : null;
}

export type PageEvent = 'lock' | 'unlock' | 'grantChanged';

/** Page → wallet. */
export type ToWallet =
  | { t: 'req'; id: number; method: string; params?: unknown; stream?: boolean }
  | { t: 'cancel'; id: number }
  | { t: 'sub' }
  /** Names the token of the lane this port's content script is opening (lib/lane/rendezvous.ts). */
  | { t: 'lane'; token: string };

/** Wallet → page. */
export type ToPage =
  | { t: 'res'; id: number; ok: true; value: unknown; delta?: string; textStreamed?: true; grantChanged?: unknown }
  | { t: 'res'; id: number; ok: false; error: WireError; delta?: string; grantChanged?: unknown }
  | { t: 'delta'; id: number; text: string }
  | { t: 'event'; name: PageEvent; data: unknown };

