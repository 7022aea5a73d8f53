/**
 * The content script: relays page messages to the wallet over one port, opened on first use
 * (no page pays for the wallet until it calls it), and in Chromium over that port's lane once it
 * is up (lib/lane). It hears only events on its own window (no
 * frame of another origin can dispatch one there), and never adds authority: the background takes
 * the origin from the browser.
 */
import type { Browser } from 'wxt/browser';

import { BRIDGE_PAGE, PORT_NAME, TO_PAGE, TO_WALLET, dispatchWire, type ToPage, type ToWallet } from '../protocol/wire';
import { openLane, type OpeningLane } from '../lane/open-lane';
import { admitEvent } from './size-gate';

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

export function startRelay(win: Window, signal: AbortSignal): void {
  let port: Browser.runtime.Port | null = null;
  /** The port's lane once the worker attached it, and the one being opened until then. */
  let lane: MessagePort | null = null;
  let opening: OpeningLane | null = null;
  let subscribed = false;
  /** Requests sent on the current port or lane and not yet answered, to retry or fail on disconnect. */
  const inflight = new Map<number, { m: Extract<ToWallet, { t: 'req' }>; onLane: boolean }>();
  const toPage = (m: ToPage) => dispatchWire(win, TO_PAGE, m);
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
      }, receive);
      p.postMessage({ t: 'lane', token: opening.token } satisfies ToWallet);
    }
    return p;
  };

  const send = (m: ToWallet) => {
    if (m.t === 'sub') subscribed = true;
    try {
      const p = connect();
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

  win.addEventListener(
    TO_WALLET,
    (event: Event) => {
      // Sized before it is parsed, and refused here rather than sent to the worker (./size-gate.ts).
      const admitted = admitEvent(event);
      if (admitted.reply) toPage(admitted.reply);
      const m = admitted.forward;
      // Only the relay names its lane's token: a page's own would take the lane from it.
      if (m && m.t !== 'lane') send(m);
    },
    { signal },
  );
  signal.addEventListener(
    'abort',
    () => {
      opening?.close();
      lane?.close();
      port?.disconnect();
    },
    { once: true },
  );
}
