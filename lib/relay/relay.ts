/**
 * The content script: relays page messages to the wallet over one port, opened on first use
 * (no page pays for the wallet until it calls it). It hears only events on its own window (no
 * frame of another origin can dispatch one there), and never adds authority: the background takes
 * the origin from the browser.
 */
import type { Browser } from 'wxt/browser';

import { PORT_NAME, TO_PAGE, TO_WALLET, dispatchWire, wireMessage, type ToPage, type ToWallet } from '../protocol/wire';

/**
 * The extension runtime, without the promise polyfill: ports are not promise-based, so the
 * polyfill would add nothing here but ~10 KB to every page. `chrome.runtime.connect` is the same
 * API in Chromium and Firefox.
 */
function runtime(): Pick<typeof Browser.runtime, 'connect'> {
  return (globalThis as unknown as { chrome: { runtime: Pick<typeof Browser.runtime, 'connect'> } }).chrome.runtime;
}

const METHODS_SAFE_TO_RETRY = new Set(['connect', 'getGrant', 'models', 'disconnect']);
const RESTARTED = { code: 5000 as const, message: 'The wallet restarted while the request was in flight' };

export function startRelay(win: Window, signal: AbortSignal): void {
  let port: Browser.runtime.Port | null = null;
  let subscribed = false;
  /** Requests sent on the current port and not yet answered, to retry or fail on disconnect. */
  const inflight = new Map<number, Extract<ToWallet, { t: 'req' }>>();
  const toPage = (m: ToPage) => dispatchWire(win, TO_PAGE, m);

  const connect = (): Browser.runtime.Port => {
    if (port) return port;
    const p = runtime().connect({ name: PORT_NAME });
    p.onMessage.addListener((m: ToPage) => {
      if (m.t === 'res') inflight.delete(m.id);
      toPage(m);
    });
    p.onDisconnect.addListener(() => {
      port = null;
      const lost = [...inflight.values()];
      inflight.clear();
      // A restarted worker: idempotent calls are sent again; a chat fails cleanly, never hangs.
      for (const m of lost) {
        if (METHODS_SAFE_TO_RETRY.has(m.method)) send(m);
        else toPage({ t: 'res', id: m.id, ok: false, error: RESTARTED });
      }
      if (subscribed && !signal.aborted) connect().postMessage({ t: 'sub' });
    });
    port = p;
    return p;
  };

  const send = (m: ToWallet) => {
    if (m.t === 'req') inflight.set(m.id, m);
    if (m.t === 'sub') subscribed = true;
    try {
      connect().postMessage(m);
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
      const m = wireMessage(event);
      if (m) send(m as ToWallet);
    },
    { signal },
  );
  signal.addEventListener('abort', () => port?.disconnect(), { once: true });
}
