// @ts-check
/**
 * Server-sent events (https://html.spec.whatwg.org/multipage/server-sent-events.html) as the
 * providers send them: `event: NAME` (Anthropic) and `data: JSON`, each event ended by a blank
 * line. Writes respect backpressure and stop once the client has gone.
 */

/**
 * Starts an SSE answer: status 200 and the headers go out at once (flushed).
 * @param {import('node:http').ServerResponse} res
 * @param {Record<string, string>} [headers]
 */
export function openSse(res, headers = {}) {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    ...headers,
  });
  res.flushHeaders();
}

/**
 * Formats one event.
 * @param {unknown} data an object (sent as JSON) or a raw string such as `[DONE]`
 * @param {string} [event] the `event:` name, if any
 */
export function formatEvent(data, event) {
  const payload = typeof data === 'string' ? data : JSON.stringify(data);
  return `${event ? `event: ${event}\n` : ''}data: ${payload}\n\n`;
}

/**
 * Whether the client is gone (socket closed or the answer already ended).
 * @param {import('node:http').ServerResponse} res
 */
export function isGone(res) {
  return res.destroyed || res.writableEnded || res.socket === null || res.socket.destroyed;
}

/**
 * Writes one event; waits for `drain` when the socket buffer is full.
 * Resolves `false` when the client is gone.
 * @param {import('node:http').ServerResponse} res
 * @param {unknown} data
 * @param {string} [event]
 * @returns {Promise<boolean>}
 */
export function writeEvent(res, data, event) {
  return writeChunk(res, formatEvent(data, event));
}

/**
 * Writes a piece of a streamed answer (an event, audio bytes); waits for `drain` when the socket
 * buffer is full. Resolves `false` when the client is gone.
 * @param {import('node:http').ServerResponse} res
 * @param {string | Buffer} chunk
 * @returns {Promise<boolean>}
 */
export function writeChunk(res, chunk) {
  if (isGone(res)) return Promise.resolve(false);
  if (res.write(chunk)) return Promise.resolve(true);
  return new Promise((resolve) => {
    /** @param {boolean} value */
    const settle = (value) => {
      res.off('drain', onDrain);
      res.off('close', onClose);
      resolve(value);
    };
    const onDrain = () => settle(true);
    const onClose = () => settle(false);
    res.on('drain', onDrain);
    res.on('close', onClose);
  });
}

/**
 * @typedef {object} EventSink
 * @property {(data: unknown, event?: string) => Promise<boolean>} write resolves `false` once the client is gone
 * @property {() => void} end
 */

/**
 * Where a stream's events go: to the client as they come (`write` waits while its buffer is
 * full), or for `[[burst]]` kept and sent in one write by `end()`, as a server would send a stream
 * it had whole, so that the client alone sets the pace.
 * @param {import('node:http').ServerResponse} res
 * @param {boolean} burst
 * @returns {EventSink}
 */
export function eventSink(res, burst) {
  if (!burst) return { write: (data, event) => writeEvent(res, data, event), end: () => void res.end() };
  /** @type {string[]} */
  const events = [];
  return {
    write: async (data, event) => {
      if (isGone(res)) return false;
      events.push(formatEvent(data, event));
      return true;
    },
    end: () => void res.end(events.join('')),
  };
}

/**
 * Resolves after `ms`, or early (with `false`) when the client goes away.
 * @param {import('node:http').ServerResponse} res
 * @param {number} ms
 * @returns {Promise<boolean>} true when the wait completed and the client is still there
 */
export function waitOrGone(res, ms) {
  if (isGone(res)) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onClose = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      res.off('close', onClose);
      resolve(!isGone(res));
    }, ms);
    res.once('close', onClose);
  });
}

/**
 * Resolves once the client goes away (for `[[hang]]`).
 * @param {import('node:http').ServerResponse} res
 * @returns {Promise<void>}
 */
export function untilGone(res) {
  if (isGone(res)) return Promise.resolve();
  return new Promise((resolve) => res.once('close', () => resolve()));
}
