/**
 * The page ports: one per frame that talked to the wallet. Keeps each port's origin (as the
 * browser reported it) and batches streamed text so a long stream does not flood messaging.
 */
import type { Browser } from 'wxt/browser';
import type { PageEvent, ToPage } from '../protocol/wire';
import { TextBuilder } from '../stream/text-builder';

export interface PagePort {
  port: Browser.runtime.Port;
  /** The page's lane, once attached (lib/lane/rendezvous.ts): requests that come on it are answered on it. */
  lane?: MessagePort;
  origin: string;
  topOrigin?: string;
  /** The browser tab the frame is in. */
  tabId?: number;
  /** The tab's favicon as the browser reported it, for a top-level page only (lib/approvals/favicon.ts). */
  favIconUrl?: string;
  /** In-flight requests of this port, by the page's request id. */
  inflight: Map<number, AbortController>;
}

/** The first delta goes at once (time to first token); later ones at most every FLUSH_MS. */
const FLUSH_MS = 16;

export class DeltaBatcher {
  private readonly buffer = new TextBuilder();
  /** The texts already sent, in order: what the answer's text is checked against, without a second copy of every piece. */
  private readonly sent: string[] = [];
  private sentLength = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  // Not 0: a worker woken by the request starts its clock then, and the first text must not wait.
  private lastFlush = -Infinity;

  constructor(private readonly send: (text: string) => void) {}

  push(text: string): void {
    this.buffer.append(text);
    // The clock is read on every piece, not left to the timer: while a stream arrives faster than
    // the worker reads it, its reads resolve as microtasks and no timer runs until the stream ends
    // (a 5,000-chunk stream went out whole on its answer, and its page showed nothing meanwhile).
    const wait = this.lastFlush + FLUSH_MS - performance.now();
    if (wait <= 0) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    const text = this.take();
    if (!text) return;
    this.lastFlush = performance.now();
    this.send(text);
  }

  /** Ends the stream: its last text rides on the answer, one message fewer per stream. */
  rest(): { delta?: string } {
    const delta = this.take();
    return delta ? { delta } : {};
  }

  /**
   * The answer's value, without its `text` when that is exactly what streamed (`textStreamed`):
   * the page has it already, and a long answer need not cross the wire twice. Call before {@link rest}.
   */
  answer(value: unknown): { value: unknown; textStreamed?: true } {
    if (typeof value !== 'object' || value === null || !this.streamed((value as { text?: unknown }).text)) return { value };
    const { text: _streamed, ...rest } = value as { text: string };
    return { value: rest, textStreamed: true };
  }

  /** Whether `text` is, exactly, the texts sent followed by the one still buffered (and not empty). */
  private streamed(text: unknown): boolean {
    if (typeof text !== 'string' || text.length === 0 || text.length !== this.sentLength + this.buffer.length) return false;
    let at = 0;
    for (const part of this.sent) {
      if (!text.startsWith(part, at)) return false;
      at += part.length;
    }
    return text.startsWith(this.buffer.toString(), at);
  }

  private take(): string {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const text = this.buffer.take();
    if (text) {
      this.sent.push(text);
      this.sentLength += text.length;
    }
    return text;
  }
}

export class PortHub {
  private readonly ports = new Set<PagePort>();
  /** Messages sent on runtime ports and on lanes: diagnostics (the bench, the e2e tests). */
  readonly sentOn = { port: 0, lane: 0 };

  add(entry: PagePort): void {
    this.ports.add(entry);
  }

  remove(entry: PagePort): void {
    this.ports.delete(entry);
    for (const controller of entry.inflight.values()) controller.abort();
    entry.inflight.clear();
  }

  /** Sends on the entry's runtime port, or on its lane (`onLane`, once attached). Events go on the port, in order. */
  send(entry: PagePort, message: ToPage, onLane = false): void {
    try {
      if (onLane && entry.lane) {
        entry.lane.postMessage(message);
        this.sentOn.lane++;
      } else {
        entry.port.postMessage(message);
        this.sentOn.port++;
      }
    } catch {
      // The page went away; its disconnect handler cleans up.
    }
  }

  /** Sends an event to every port of `origin` (of every origin when `origin` is null) but `except`. */
  emit(origin: string | null, name: PageEvent, data: unknown, except?: PagePort): void {
    for (const entry of this.ports) {
      if (entry !== except && (origin === null || entry.origin === origin)) this.send(entry, { t: 'event', name, data });
    }
  }

  get size(): number {
    return this.ports.size;
  }

  inflightCount(): number {
    let n = 0;
    for (const entry of this.ports) n += entry.inflight.size;
    return n;
  }
}
