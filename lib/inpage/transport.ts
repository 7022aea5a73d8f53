/**
 * The page side of the wire: requests go to the content script as events on this window, and
 * replies come back the same way (docs/PROTOCOL.md §3).
 */
import { TO_PAGE, TO_WALLET, dispatchWire, parseWire, wireMessage, type PageEvent, type ToPage, type ToWallet } from '../protocol/wire';
import { LANE_METHODS, TO_PAGE_BINARY, TO_WALLET_BINARY, extractBlobs, insertBlobs, postBinary, readEnvelope } from '../protocol/binary';
import { ProviderRpcError, abortError, invalid } from './errors';

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  onDelta?: ((text: string) => void) | undefined;
  /** The text streamed so far: an answer with `textStreamed` leaves it out. */
  streamed: string;
}

export interface Transport {
  request(method: string, params: unknown, options?: { signal?: AbortSignal | undefined; onDelta?: ((text: string) => void) | undefined }): Promise<unknown>;
  subscribe(): void;
}

export function createTransport(win: Window, onEvent: (name: PageEvent, data: unknown) => void): Transport {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  /** Requests sent as window messages (they carry Blobs): their cancel goes the same way, so it cannot overtake them. */
  const postedIds = new Set<number>();
  const post = (m: ToWallet) => {
    if (m.t === 'cancel' && postedIds.delete(m.id)) postBinary(win, TO_WALLET_BINARY, JSON.stringify(m), []);
    else dispatchWire(win, TO_WALLET, m);
  };

  /** A throwing `onDelta` is the page's own error: reported, and the call still ends. */
  const deliver = (call: Pending, text: unknown) => {
    if (typeof text !== 'string' || !text) return;
    call.streamed += text;
    try {
      call.onDelta?.(text);
    } catch (error) {
      reportError(error);
    }
  };

  const receive = (m: ToPage | null) => {
    if (!m) return;
    if (m.t === 'event') return onEvent(m.name, m.data);
    // The event the wallet would have sent just before an answer rides on it (PROTOCOL.md §4); it
    // is heard even when the call was given up (aborted) on this side.
    if (m.t === 'res' && 'grantChanged' in m) onEvent('grantChanged', m.grantChanged);
    const call = pending.get(m.id);
    if (!call) return;
    if (m.t === 'delta') return deliver(call, m.text);
    pending.delete(m.id);
    postedIds.delete(m.id);
    deliver(call, m.delta);
    if (m.ok) call.resolve(m.textStreamed && typeof m.value === 'object' ? { text: call.streamed, ...m.value } : m.value);
    else if ((m.error.data as { aborted?: boolean } | undefined)?.aborted) call.reject(abortError());
    else call.reject(new ProviderRpcError(m.error.code, m.error.message, m.error.data));
  };
  win.addEventListener(TO_PAGE, (event: Event) => receive(wireMessage(event) as ToPage | null));
  // An answer with Blobs comes as a window message (lib/protocol/binary.ts), which any frame can
  // post here: only this window's own (its content script's) counts.
  win.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== win) return;
    const envelope = readEnvelope(event.data, TO_PAGE_BINARY);
    if (!envelope) return;
    let m: ToPage | null = null;
    try {
      m = insertBlobs(parseWire(envelope.detail), envelope.blobs) as ToPage | null;
    } catch {
      return;
    }
    receive(m);
  });

  return {
    request(method, params, options = {}) {
      return new Promise((resolve, reject) => {
        const { signal, onDelta } = options;
        if (win.origin === 'null') return reject(new ProviderRpcError(4100, 'This page has an opaque origin and cannot connect'));
        if (signal?.aborted) return reject(abortError());
        const id = nextId++;
        const req: ToWallet = { t: 'req', id, method, ...(params === undefined ? {} : { params }), ...(onDelta ? { stream: true } : {}) };
        // Encoded here, not by dispatchWire, so that a value JSON cannot hold (a BigInt, a cycle, a
        // throwing toJSON) is the caller's -32602, like any other bad input, and nothing is sent.
        // A media method's Blobs are taken out first: they go beside the JSON (lib/protocol/binary.ts).
        let detail: string;
        let blobs: Blob[];
        try {
          const extracted = LANE_METHODS.has(method) ? extractBlobs(req) : { value: req, blobs: [] };
          blobs = extracted.blobs;
          detail = JSON.stringify(extracted.value);
        } catch (error) {
          return reject(invalid('req', `cannot be sent as JSON (${error instanceof Error ? error.message : String(error)})`));
        }
        pending.set(id, { resolve, reject, onDelta, streamed: '' });
        signal?.addEventListener(
          'abort',
          () => {
            if (!pending.delete(id)) return;
            post({ t: 'cancel', id });
            reject(abortError());
          },
          { once: true },
        );
        if (blobs.length === 0) win.dispatchEvent(new CustomEvent(TO_WALLET, { detail }));
        else {
          postedIds.add(id);
          postBinary(win, TO_WALLET_BINARY, detail, blobs);
        }
      });
    },
    subscribe() {
      if (win.origin !== 'null') post({ t: 'sub' });
    },
  };
}
