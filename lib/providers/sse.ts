/**
 * Server-sent events from a fetch body (WHATWG HTML, "Server-sent events", §9.2.6 interpreting
 * an event stream): `data:` lines joined by newlines, `event:` names, comments and the other
 * fields ignored, CR / LF / CRLF line ends, an event dispatched on a blank line.
 *
 * The SDKs' own readers stack several async iterators per event; a 100k-token stream crosses
 * this code once per token, so here one read of the network yields every event in it.
 */
export interface SseEvent {
  event: string | undefined;
  data: string;
}

/** Yields, for each read of `body`, the complete events it finished (possibly none). */
export async function* sseBatches(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent[]> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let data: string | null = null;
  let event: string | undefined;
  let done = false;
  try {
    while (!done) {
      const read = await reader.read();
      done = read.done;
      buffer += done ? decoder.decode() : decoder.decode(read.value, { stream: true });
      const batch: SseEvent[] = [];
      let start = 0;
      // The next CR is looked up again only once passed: most servers send none, and searching
      // the rest of the buffer for one on every line would make a large read quadratic.
      let cr = buffer.indexOf('\r');
      for (;;) {
        const lf = buffer.indexOf('\n', start);
        if (cr !== -1 && cr < start) cr = buffer.indexOf('\r', start);
        const end = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
        if (end === -1) break;
        // A CR at the very end of the buffer may be the first half of a CRLF: wait for more.
        if (end === cr && end === buffer.length - 1 && !done) break;
        const lineStart = start;
        start = end + (end === cr && buffer.charCodeAt(end + 1) === 10 /* LF */ ? 2 : 1);
        if (end === lineStart) {
          if (data !== null) batch.push({ event, data });
          data = null;
          event = undefined;
        } else if (buffer.startsWith('data:', lineStart)) {
          // The common line, read without slicing it twice.
          const from = lineStart + (buffer.charCodeAt(lineStart + 5) === 32 /* ' ' */ ? 6 : 5);
          const value = buffer.slice(from, end);
          data = data === null ? value : `${data}\n${value}`;
        } else if (buffer.charCodeAt(lineStart) !== 58 /* ':' comment */) {
          const line = buffer.slice(lineStart, end);
          const colon = line.indexOf(':');
          const field = colon === -1 ? line : line.slice(0, colon);
          let value = colon === -1 ? '' : line.slice(colon + 1);
          if (value.charCodeAt(0) === 32 /* ' ' */) value = value.slice(1);
          if (field === 'data') data = data === null ? value : `${data}\n${value}`;
          else if (field === 'event') event = value;
        }
      }
      buffer = buffer.slice(start);
      if (batch.length > 0) yield batch;
    }
    // An event not ended by a blank line when the stream ends is discarded, as the spec says.
  } finally {
    if (!done) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
