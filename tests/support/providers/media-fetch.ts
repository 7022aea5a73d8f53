/**
 * A fake `fetch` for the media calls: records each request with its JSON body, or its multipart
 * form parsed as the provider would parse it, and answers with a scripted `Response`.
 */
import { failOnAbort } from './fake-fetch';

export interface MediaRequest {
  url: string;
  method: string;
  headers: Headers;
  /** The JSON body, parsed (undefined: none, or not JSON). */
  json: unknown;
  /** The multipart form, parsed (undefined: not multipart). */
  form: FormData | undefined;
}

export type MediaResponder = (request: MediaRequest, signal: AbortSignal | undefined) => Response | Promise<Response>;

export function mediaFetch(respond: MediaResponder): { fetch: typeof globalThis.fetch; calls: MediaRequest[] } {
  const calls: MediaRequest[] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const signal = init?.signal ?? undefined;
    if (signal?.aborted) throw new DOMException('This operation was aborted', 'AbortError');
    const request = new Request(url, { method: init?.method ?? 'GET', headers: init?.headers, body: init?.body ?? null, duplex: 'half' } as RequestInit);
    const type = request.headers.get('content-type') ?? '';
    const recorded: MediaRequest = {
      url,
      method: request.method,
      headers: request.headers,
      json: type.includes('application/json') ? JSON.parse(await request.text()) : undefined,
      form: type.includes('multipart/form-data') ? await request.formData() : undefined,
    };
    calls.push(recorded);
    return respond(recorded, signal);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

/** A 200 binary response whose body yields `chunks`, then waits (until aborted) when `stall` is set. */
export function bytesResponse(chunks: Uint8Array[], opts: { type: string; signal?: AbortSignal | undefined; stall?: boolean; onChunk?: (i: number) => void }): Response {
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    start: (controller) => failOnAbort(controller, opts.signal),
    async pull(controller) {
      if (i >= chunks.length) {
        if (opts.stall) return new Promise<void>(() => {});
        controller.close();
        return;
      }
      opts.onChunk?.(i);
      controller.enqueue(chunks[i]!);
      i += 1;
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': opts.type } });
}
