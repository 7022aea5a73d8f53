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
  let data: string[] = [];
  let event: string | undefined;
  let done = false;
  try {
    while (!done) {
      const read = await reader.read();
      done = read.done;
      buffer += done ? decoder.decode() : decoder.decode(read.value, { stream: true });
      const batch: SseEvent[] = [];
      let start = 0;
      for (;;) {
        const lf = buffer.indexOf('\n', start);
        const cr = buffer.indexOf('\r', start);
        let end = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
        if (end === -1) break;
        // A CR at the very end of the buffer may be the first half of a CRLF: wait for more.
        if (end === cr && end === buffer.length - 1 && !done) break;
        const line = buffer.slice(start, end);
        start = end + (buffer[end] === '\r' && buffer[end + 1] === '\n' ? 2 : 1);
        if (line === '') {
          if (data.length > 0) batch.push({ event, data: data.join('\n') });
          data = [];
          event = undefined;
          continue;
        }
        if (line.charCodeAt(0) === 58 /* ':' */) continue;
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        let value = colon === -1 ? '' : line.slice(colon + 1);
        if (value.charCodeAt(0) === 32 /* ' ' */) value = value.slice(1);
        if (field === 'data') data.push(value);
        else if (field === 'event') event = value;
        end = start;
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
