/**
 * A `fetch` for tests: records each request the SDK makes and answers with a scripted `Response`,
 * so the official SDKs parse recorded wire traffic exactly as they parse the network's. Streams
 * honour the request's `AbortSignal` the way a real `fetch` body does.
 */

export interface RecordedRequest {
  url: string;
  method: string;
  headers: Headers;
  /** The JSON body, parsed; undefined for a GET. */
  body: unknown;
}

export type Responder = (request: RecordedRequest, signal: AbortSignal | undefined) => Response | Promise<Response>;

export interface FakeFetch {
  fetch: typeof globalThis.fetch;
  calls: RecordedRequest[];
}

/** A fake `fetch` answering every call with `respond`. */
export function fakeFetch(respond: Responder): FakeFetch {
  const calls: RecordedRequest[] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const text = typeof init?.body === 'string' ? init.body : undefined;
    const request: RecordedRequest = {
      url,
      method: (init?.method ?? 'GET').toUpperCase(),
      headers: new Headers(init?.headers),
      body: text === undefined ? undefined : JSON.parse(text),
    };
    calls.push(request);
    const signal = init?.signal ?? undefined;
    if (signal?.aborted) throw new DOMException('This operation was aborted', 'AbortError');
    return respond(request, signal);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

export interface SseOptions {
  /** The request's signal: aborting it errors the body, as a real fetch does. */
  signal?: AbortSignal | undefined;
  /** After this many chunks the body waits (until aborted) instead of going on. */
  stallAfter?: number;
  /** Waits this long before each chunk (a slow but steady provider). */
  delayMs?: number;
  /** Called before chunk `i` is handed to the reader. */
  onChunk?: (i: number) => void;
  headers?: Record<string, string>;
}

/** Cuts `text` into pieces of `size` characters, to cross event and line boundaries. */
export function pieces(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/** Errors `controller`'s stream as `fetch` does when `signal` aborts (an AbortError), if it is still open. */
export function failOnAbort(controller: ReadableStreamDefaultController<Uint8Array>, signal: AbortSignal | undefined): void {
  signal?.addEventListener('abort', () => {
    try {
      controller.error(new DOMException('This operation was aborted', 'AbortError'));
    } catch {
      // already closed
    }
  });
}

/** A 200 `text/event-stream` response whose body yields `chunks` one read at a time. */
export function sseResponse(chunks: readonly string[], opts: SseOptions = {}): Response {
  const encoder = new TextEncoder();
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    start: (controller) => failOnAbort(controller, opts.signal),
    async pull(controller) {
      if (opts.stallAfter !== undefined && i >= opts.stallAfter) return new Promise<void>(() => {});
      if (opts.delayMs) await new Promise((resolve) => setTimeout(resolve, opts.delayMs));
      if (i >= chunks.length) {
        controller.close();
        return;
      }
      opts.onChunk?.(i);
      controller.enqueue(encoder.encode(chunks[i] ?? ''));
      i += 1;
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream; charset=utf-8', ...opts.headers } });
}

/** A JSON response. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** A promise with its resolver, to hold a stream until the test is ready. */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
