/**
 * Server-sent events from a fetch body (WHATWG HTML, "Server-sent events", §9.2.6 interpreting
 * an event stream): `data:` lines joined by newlines, `event:` names, comments and the other
 * fields ignored, CR / LF / CRLF line ends, an event dispatched on a blank line.
 *
 * A 100k-token stream crosses this code once per token, in the wallet's worker, where the same
 * reading code spends about 5x a page's time collecting garbage (CPU profiles of both, a
 * 5,000-chunk stream). So it allocates as little as it can: one await per read of the network (the
 * SDKs' own readers stack several async iterators per event); a read decoded in one call; its
 * lines found in the decoded text itself, not in a buffer the text is appended to and copied into
 * (only a line cut by the end of a read is joined); each event handed on as two strings the moment
 * its blank line is found, with no object, array or closure per event.
 */
/** Longest event (or line) taken, in characters: a server that never ends one cannot fill the worker's memory. */
export const MAX_EVENT_CHARS = 16 * 1024 * 1024;
/** The stream held an event (or a line) longer than {@link MAX_EVENT_CHARS}: a malformed answer. */
export class SseEventTooLong extends Error {
  constructor() {
    super(`a server-sent event longer than ${MAX_EVENT_CHARS} characters`);
    this.name = 'SseEventTooLong';
  }
}
const tooLong = () => new SseEventTooLong();

const LF = 10;
const COLON = 58;
const SPACE = 32;

/**
 * `data` is the event's data (its `data:` lines joined by `\n`), `event` its `event:` name. Return
 * `false` to stop the read (the body is cancelled); an exception stops it too, and is rethrown.
 */
export type SseHandler = (data: string, event: string | undefined) => boolean | void;

/** Reads `body` to its end, calling `onEvent` with each complete event, in order; `onRead` after each read of the network. */
export async function readSse(body: ReadableStream<Uint8Array>, onEvent: SseHandler, onRead?: () => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  // The start of a line that the end of the last read cut off.
  let partial = '';
  // The last read ended with a CR: an LF that starts the next one belongs to it (CRLF).
  let afterCr = false;
  let data: string | null = null;
  let event: string | undefined;
  let done = false;

  /** Takes the line `source[from, to)`; false when `onEvent` asked to stop. */
  const line = (source: string, from: number, to: number): boolean => {
    if (from === to) {
      const complete = data;
      const name = event;
      data = null;
      event = undefined;
      return complete === null || onEvent(complete, name) !== false;
    }
    if (source.startsWith('data:', from)) {
      // The common line, read without slicing it twice.
      const value = source.slice(from + (source.charCodeAt(from + 5) === SPACE ? 6 : 5), to);
      data = data === null ? value : `${data}\n${value}`;
    } else if (source.charCodeAt(from) !== COLON) {
      const text = source.slice(from, to);
      const colon = text.indexOf(':');
      const field = colon === -1 ? text : text.slice(0, colon);
      let value = colon === -1 ? '' : text.slice(colon + 1);
      if (value.charCodeAt(0) === SPACE) value = value.slice(1);
      if (field === 'data') data = data === null ? value : `${data}\n${value}`;
      else if (field === 'event') event = value;
    }
    if (data !== null && data.length > MAX_EVENT_CHARS) throw tooLong();
    return true;
  };

  /** Takes the lines `text` ends; false when `onEvent` asked to stop. */
  const parse = (text: string): boolean => {
    let start = afterCr && text.charCodeAt(0) === LF ? 1 : 0;
    afterCr = false;
    // The next CR is looked up again only once passed: most servers send none, and searching
    // the rest of the text for one on every line would make a large read quadratic.
    let cr = text.indexOf('\r', start);
    for (;;) {
      const lf = text.indexOf('\n', start);
      if (cr !== -1 && cr < start) cr = text.indexOf('\r', start);
      const end = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
      if (end === -1) break;
      let next = end + 1;
      if (end === cr) {
        if (next === text.length) afterCr = true;
        else if (text.charCodeAt(next) === LF) next++;
      }
      const more = partial ? line(partial + text.slice(start, end), 0, partial.length + end - start) : line(text, start, end);
      partial = '';
      start = next;
      if (!more) return false;
    }
    if (start < text.length) partial += text.slice(start);
    if (partial.length > MAX_EVENT_CHARS) throw tooLong();
    return true;
  };

  try {
    while (!done) {
      const read = await reader.read();
      done = read.done;
      onRead?.();
      const text = read.done ? decoder.decode() : decoder.decode(read.value, { stream: true });
      if (text && !parse(text)) return;
    }
    // An event not ended by a blank line when the stream ends is discarded, as the spec says.
  } finally {
    if (!done) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
