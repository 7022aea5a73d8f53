/**
 * The host's side of the native-messaging channel: numbered requests to the wallet, their
 * streamed text and answers. Message shapes: lib/protocol/bridge.ts.
 */
import type { BridgeMethod, BridgeWireError, FromHost, ToHost } from '../../lib/protocol/bridge';
import type { AppScope } from '../../lib/protocol/bridge-limits';

export interface Pending {
  resolve(value: unknown): void;
  reject(error: BridgeWireError): void;
  onDelta?: (text: string) => void;
}

/** What the link needs from the process: a way to send one message (framing is the caller's). */
export type SendMessage = (message: FromHost) => void;

export class WalletLink {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private closed = false;

  constructor(private readonly send: SendMessage) {}

  /** Asks the wallet to connect app `name`, whose token hashes to `tokenHash`; resolves the grant. */
  connect(name: string, tokenHash: string, budget?: { usd: number; period: 'day' | 'week' | 'month' | 'total' }, scopes?: AppScope[]): Promise<unknown> {
    return this.request((id) => ({ t: 'connect', id, name, tokenHash, ...(budget ? { budget } : {}), ...(scopes ? { scopes } : {}) }));
  }

  /** Calls page method `method` as the app; aborting `signal` cancels it in the wallet (and upstream). */
  call(tokenHash: string, method: BridgeMethod, params: unknown, opts: { signal?: AbortSignal; onDelta?: (text: string) => void } = {}): Promise<unknown> {
    const stream = !!opts.onDelta;
    return this.request((id) => ({ t: 'call', id, tokenHash, method, ...(params === undefined ? {} : { params }), ...(stream ? { stream } : {}) }), opts);
  }

  private request(build: (id: number) => FromHost, opts: { signal?: AbortSignal; onDelta?: (text: string) => void } = {}): Promise<unknown> {
    if (this.closed) return Promise.reject<unknown>({ code: 5000, message: 'The wallet is not connected to byok-bridge.' });
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const onAbort = () => this.send({ t: 'cancel', id });
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => opts.signal?.removeEventListener('abort', onAbort);
      this.pending.set(id, {
        resolve: (v) => (done(), resolve(v)),
        reject: (e) => (done(), reject(e)),
        ...(opts.onDelta ? { onDelta: opts.onDelta } : {}),
      });
      this.send(build(id));
    });
  }

  /** One message from the wallet. */
  receive(message: ToHost): void {
    if (message.t === 'delta') {
      this.pending.get(message.id)?.onDelta?.(message.text);
      return;
    }
    if (message.t !== 'res') return;
    const waiter = this.pending.get(message.id);
    if (!waiter) return;
    this.pending.delete(message.id);
    if (message.ok) waiter.resolve(message.value);
    else waiter.reject(message.error);
  }

  /** The wallet went away: every call in flight fails. */
  close(): void {
    this.closed = true;
    for (const waiter of this.pending.values()) waiter.reject({ code: 5000, message: 'The wallet closed its connection to byok-bridge.' });
    this.pending.clear();
  }
}
