/** A fake page port and a WalletContext that records (and refuses) every use: for dispatch tests. */
import type { Browser } from 'wxt/browser';
import { browser } from 'wxt/browser';
import { PORT_NAME } from '../../../lib/protocol/wire';
import { PortHub } from '../../../lib/background/ports';
import type { WalletContext } from '../../../lib/background/context';

export const PAGE_ORIGIN = 'https://app.example';

export interface FakePort {
  port: Browser.runtime.Port;
  /** What the background posted to the page. */
  sent: unknown[];
  /** Delivers a message from the page, as the content script would. */
  deliver(message: unknown): void;
  readonly listening: boolean;
  readonly disconnected: boolean;
}

/** The sender Chromium reports for a frame of a tab. */
export function senderFor(origin: string, extra: Partial<Browser.runtime.MessageSender> = {}): Browser.runtime.MessageSender {
  const url = origin === 'null' ? 'http://127.0.0.1:8080/sandboxed.html' : `${origin}/page.html`;
  return { id: browser.runtime.id, origin, url, frameId: 0, tab: { id: 1, url, index: 0, pinned: false, highlighted: false, windowId: 1, active: true, incognito: false, selected: true, discarded: false, autoDiscardable: true, groupId: -1 } as Browser.tabs.Tab, ...extra };
}

export function fakePort(sender: Browser.runtime.MessageSender | undefined, name = PORT_NAME): FakePort {
  const listeners: ((m: unknown) => void)[] = [];
  const sent: unknown[] = [];
  let disconnected = false;
  const port = {
    name,
    sender,
    postMessage: (m: unknown) => sent.push(structuredClone(m)),
    disconnect: () => {
      disconnected = true;
    },
    onMessage: { addListener: (f: (m: unknown) => void) => listeners.push(f) },
    onDisconnect: { addListener: () => undefined },
  } as unknown as Browser.runtime.Port;
  return {
    port,
    sent,
    deliver: (m) => listeners.forEach((f) => f(m)),
    get listening() {
      return listeners.length > 0;
    },
    get disconnected() {
      return disconnected;
    },
  };
}

/**
 * A WalletContext whose only working member is `ports` (how replies go out), plus whatever
 * `members` gives; any other use is recorded in `touched` and throws. A refused request must
 * leave `touched` empty: nothing was read, nothing written.
 */
export function recordingContext(members: Partial<WalletContext> = {}): { ctx: WalletContext; touched: string[]; ports: PortHub } {
  const touched: string[] = [];
  const ports = new PortHub();
  const real: Record<string, unknown> = { ports, ...members };
  const ctx = new Proxy(real, {
    get(target, prop) {
      if (typeof prop === 'symbol' || prop === 'then') return undefined;
      if (prop in target) return target[prop];
      touched.push(prop);
      throw new Error(`the wallet context was used: ctx.${prop}`);
    },
  }) as unknown as WalletContext;
  return { ctx, touched, ports };
}

export const macrotask = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Lets queued promise callbacks run: a refused message is answered synchronously once the
 * worker's `ready` promise has resolved, a few microtasks after delivery.
 */
export async function microtasks(n = 10): Promise<void> {
  for (let i = 0; i < n; i++) await Promise.resolve();
}
