/**
 * Server-sent events from a fetch body (WHATWG HTML, "Server-sent events", §9.2.6 interpreting
 * an event stream): `data:` lines joined by newlines, `event:` names, comments and the other
 * fields ignored, CR / LF / CRLF line ends, an event dispatched on a blank line.
 *
 * A 100k-token stream crosses this code once per token, in the wallet's worker: one await per read
 * of the network (the SDKs' own readers stack several async iterators per event), each event
 * handed on as it is parsed and none kept, and a large read decoded 16 KiB at a time. A fast
 * server's read can hold thousands of events; reading them into arrays first, and decoding the
 * read whole, made the worker parse a 5,000-chunk stream at about half the page's speed.
 */
/** Bytes decoded at a time: the strings a read makes stay small and short-lived. */
const PIECE_BYTES = 16 * 1024;

export interface SseEvent {
  event: string | undefined;
  data: string;
}

/**
 * Reads `body` to its end and calls `onEvent` with each complete event, in order, as soon as it is
 * parsed; `onRead` after each read of the network. `onEvent` returning `false` stops the read (and
 * cancels the body); an exception from it does too, and is rethrown.
 */
export async function readSse(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: SseEvent) => boolean | void,
  onRead?: () => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let data: string | null = null;
  let event: string | undefined;
  let done = false;

  /** Parses the lines `text` completes; false when `onEvent` asked to stop. */
  const parse = (text: string): boolean => {
    buffer += text;
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
        const complete = data === null ? null : { event, data };
        data = null;
        event = undefined;
        if (complete && onEvent(complete) === false) return false;
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
    return true;
  };

  try {
    while (!done) {
      const read = await reader.read();
      done = read.done;
      onRead?.();
      if (read.done) {
        parse(decoder.decode());
        break;
      }
      const bytes = read.value;
      for (let at = 0; at < bytes.length; at += PIECE_BYTES) {
        if (!parse(decoder.decode(bytes.subarray(at, at + PIECE_BYTES), { stream: true }))) return;
      }
    }
    // An event not ended by a blank line when the stream ends is discarded, as the spec says.
  } finally {
    if (!done) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
