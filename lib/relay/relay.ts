/**
 * The content script: relays page messages to the wallet over one port, opened on first use
 * (no page pays for the wallet until it calls it), and in Chromium over that port's lane once it
 * is up (lib/lane). It hears only events on its own window (no
 * frame of another origin can dispatch one there), and never adds authority: the background takes
 * the origin from the browser.
 */
import type { Browser } from 'wxt/browser';

import { BRIDGE_PAGE, PORT_NAME, TO_PAGE, TO_WALLET, dispatchWire, type ToPage, type ToWallet } from '../protocol/wire';
import { LANE_METHODS, TO_PAGE_BINARY, TO_WALLET_BINARY, extractBlobs, postBinary, readEnvelope } from '../protocol/binary';
import { openLane, type OpeningLane } from '../lane/open-lane';
import { LANE_WAIT_MS } from '../lane/rendezvous';
import { admitDetail, admitEvent, type Admission } from './size-gate';

/**
 * The extension runtime, without the promise polyfill: ports are not promise-based, so the
 * polyfill would add nothing here but ~10 KB to every page. `chrome.runtime.connect` is the same
 * API in Chromium and Firefox.
 */
function runtime(): Pick<typeof Browser.runtime, 'connect' | 'getURL'> {
  return (globalThis as unknown as { chrome: { runtime: Pick<typeof Browser.runtime, 'connect' | 'getURL'> } }).chrome.runtime;
}

const METHODS_SAFE_TO_RETRY = new Set(['connect', 'getGrant', 'models', 'disconnect']);
const RESTARTED = { code: 5000 as const, message: 'The wallet restarted while the request was in flight' };
const NO_LANE = { code: 5000 as const, message: 'The wallet could not open its channel for binary data in this frame' };

export function startRelay(win: Window, signal: AbortSignal): void {
  let port: Browser.runtime.Port | null = null;
  /** The port's lane once the worker attached it, and the one being opened until then. */
  let lane: MessagePort | null = null;
  let opening: OpeningLane | null = null;
  let subscribed = false;
  /** Requests sent on the current port or lane and not yet answered, to retry or fail on disconnect. */
  const inflight = new Map<number, { m: Extract<ToWallet, { t: 'req' }>; onLane: boolean }>();
  /** Chromium: requests of {@link LANE_METHODS} waiting for the lane, and whether it failed to come. */
  let forLane: Extract<ToWallet, { t: 'req' }>[] = [];
  let laneTimer: ReturnType<typeof setTimeout> | undefined;
  let noLane = false;
  /** A message with Blobs goes as a window message (lib/protocol/binary.ts); any other as a wire event. */
  const toPage = (m: ToPage) => {
    const { value, blobs } = extractBlobs(m);
    if (blobs.length) postBinary(win, TO_PAGE_BINARY, JSON.stringify(value), blobs);
    else dispatchWire(win, TO_PAGE, m);
  };
  const failForLane = () => {
    clearTimeout(laneTimer);
    laneTimer = undefined;
    const waiting = forLane;
    forLane = [];
    for (const m of waiting) {
      inflight.delete(m.id);
      toPage({ t: 'res', id: m.id, ok: false, error: NO_LANE });
    }
  };
  const receive = (m: ToPage) => {
    if (m.t === 'res') inflight.delete(m.id);
    toPage(m);
  };

  const connect = (): Browser.runtime.Port => {
    if (port) return port;
    const p = runtime().connect({ name: PORT_NAME });
    p.onMessage.addListener(receive);
    // The lane dies with its worker, silently: the runtime port's disconnect is how the relay learns.
    p.onDisconnect.addListener(() => {
      port = null;
      clearTimeout(laneTimer);
      laneTimer = undefined;
      forLane = [];
      noLane = false;
      opening?.close();
      lane?.close();
      opening = lane = null;
      const lost = [...inflight.values()].map(({ m }) => m);
      inflight.clear();
      // A restarted worker: idempotent calls are sent again; a chat fails cleanly, never hangs.
      for (const m of lost) {
        if (METHODS_SAFE_TO_RETRY.has(m.method)) send(m);
        else toPage({ t: 'res', id: m.id, ok: false, error: RESTARTED });
      }
      if (subscribed && !signal.aborted) connect().postMessage({ t: 'sub' });
    });
    port = p;
    // A lane beside the port (lib/lane), but not in Firefox, whose background is no service worker.
    if (!import.meta.env.FIREFOX && win.document.documentElement) {
      opening = openLane(win.document, runtime().getURL(BRIDGE_PAGE), (up) => {
        opening = null;
        lane = up;
        clearTimeout(laneTimer);
        laneTimer = undefined;
        const waiting = forLane;
        forLane = [];
        for (const m of waiting) up.postMessage(m);
      }, receive);
      p.postMessage({ t: 'lane', token: opening.token } satisfies ToWallet);
    } else noLane = true;
    return p;
  };

  /**
   * Chromium: a request whose params or answer carry Blobs waits for the lane, the only way there
   * that keeps them (a runtime port sends JSON); Firefox's runtime port is a structured clone.
   */
  const waitForLane = (m: Extract<ToWallet, { t: 'req' }>) => {
    if (noLane) return toPage({ t: 'res', id: m.id, ok: false, error: NO_LANE });
    inflight.set(m.id, { m, onLane: true });
    forLane.push(m);
    laneTimer ??= setTimeout(() => {
      noLane = true;
      failForLane();
    }, LANE_WAIT_MS);
  };

  const send = (m: ToWallet) => {
    if (m.t === 'sub') subscribed = true;
    try {
      const p = connect();
      if (m.t === 'cancel' && forLane.some((w) => w.id === m.id)) {
        // Never sent: the page has given it up already, so it is dropped unanswered.
        forLane = forLane.filter((w) => w.id !== m.id);
        inflight.delete(m.id);
        return;
      }
      if (!import.meta.env.FIREFOX && m.t === 'req' && !lane && LANE_METHODS.has(m.method)) return waitForLane(m);
      // A cancel goes the way its request went, so it cannot overtake it.
      const onLane = lane !== null && (m.t !== 'cancel' || inflight.get(m.id)?.onLane !== false);
      if (m.t === 'req') inflight.set(m.id, { m, onLane });
      (onLane ? lane! : p).postMessage(m);
    } catch {
      if (m.t === 'req') {
        inflight.delete(m.id);
        toPage({ t: 'res', id: m.id, ok: false, error: RESTARTED });
      }
    }
  };

  const admit = (admitted: Admission) => {
    if (admitted.reply) toPage(admitted.reply);
    const m = admitted.forward;
    // Only the relay names its lane's token: a page's own would take the lane from it.
    if (m && m.t !== 'lane') send(m);
  };
  // Sized before it is parsed, and refused here rather than sent to the worker (./size-gate.ts).
  win.addEventListener(TO_WALLET, (event: Event) => admit(admitEvent(event)), { signal });
  // A message with Blobs, posted by this window itself: any frame may post to it, none other counts.
  win.addEventListener(
    'message',
    (event: MessageEvent) => {
      if (event.source !== win) return;
      const envelope = readEnvelope(event.data, TO_WALLET_BINARY);
      if (envelope) admit(admitDetail(envelope.detail, envelope.blobs));
    },
    { signal },
  );
  signal.addEventListener(
    'abort',
    () => {
      clearTimeout(laneTimer);
      opening?.close();
      lane?.close();
      port?.disconnect();
    },
    { once: true },
  );
}
