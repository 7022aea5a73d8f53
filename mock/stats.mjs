// @ts-check
/**
 * What the mock has seen, for tests and benchmarks (`GET /__mock/stats`).
 */

/**
 * @typedef {object} LastRequest
 * @property {string} path the request path, e.g. `/v1/chat/completions`
 * @property {string | null} model the `model` field of the body, if any
 * @property {unknown} body the parsed JSON body (or the raw text when it was not JSON)
 */

/**
 * @typedef {object} Stats
 * @property {number} requests API requests (preflights and `/__mock/*` not counted)
 * @property {Record<string, number>} byPath the same, per path
 * @property {number} preflights CORS preflight (OPTIONS) requests
 * @property {number} completions chat, messages and embeddings calls that passed auth
 * @property {number} aborted replies the client disconnected from before the end
 * @property {number} active replies in progress (streams, and delayed or hanging answers)
 * @property {LastRequest | null} last the last POST to an API route
 * @property {Upload[]} uploads every file a multipart request carried, oldest first (the last 100)
 * @property {AudioReply[]} audio every speech answer, oldest first (the last 100), live while it streams
 */

/**
 * @typedef {object} Upload
 * @property {string} path
 * @property {string | null} model the form's `model` / `model_id`
 * @property {string} field the form field, e.g. `file`
 * @property {string} filename
 * @property {string} contentType the part's Content-Type ('' when none)
 * @property {number} bytes
 * @property {string} sha256 hex, of the bytes as they arrived
 */

/**
 * @typedef {object} AudioReply
 * @property {string} path
 * @property {string | null} model
 * @property {string} format e.g. `mp3`, `wav`, `mp3_44100_128`
 * @property {string} contentType
 * @property {number} bytes the whole file's length
 * @property {number} sent bytes written so far
 * @property {boolean} done every byte was sent
 * @property {boolean} aborted the client left before the last byte
 */

const KEPT = 100;

/**
 * The counters behind `stats()`. `active` is live state and survives `reset()`.
 */
export function createStats() {
  /** @type {Stats} */
  let state = blank();
  let active = 0;

  /** @returns {Stats} */
  function blank() {
    return { requests: 0, byPath: {}, preflights: 0, completions: 0, aborted: 0, active: 0, last: null, uploads: [], audio: [] };
  }

  return {
    /** @param {string} path */
    request(path) {
      state.requests += 1;
      state.byPath[path] = (state.byPath[path] ?? 0) + 1;
    },
    preflight() {
      state.preflights += 1;
    },
    /** @param {LastRequest} last */
    last(last) {
      state.last = last;
    },
    completion() {
      state.completions += 1;
    },
    /** @param {Upload} upload */
    upload(upload) {
      state.uploads.push(upload);
      if (state.uploads.length > KEPT) state.uploads.shift();
    },
    /**
     * Starts the record of a speech answer; the caller updates `sent`, `done` and `aborted` in place.
     * @param {Omit<AudioReply, 'sent' | 'done' | 'aborted'>} reply
     * @returns {AudioReply}
     */
    audio(reply) {
      /** @type {AudioReply} */
      const record = { ...reply, sent: 0, done: false, aborted: false };
      state.audio.push(record);
      if (state.audio.length > KEPT) state.audio.shift();
      return record;
    },
    /**
     * Marks a reply as in progress; the returned function ends it (once).
     * @returns {(outcome: 'done' | 'aborted') => void}
     */
    begin() {
      active += 1;
      let ended = false;
      return (outcome) => {
        if (ended) return;
        ended = true;
        active -= 1;
        if (outcome === 'aborted') state.aborted += 1;
      };
    },
    /** @returns {Stats} a snapshot (a copy) */
    snapshot() {
      return JSON.parse(JSON.stringify({ ...state, active }));
    },
    reset() {
      state = blank();
    },
  };
}

/** @typedef {ReturnType<typeof createStats>} StatsRecorder */

/**
 * Counts a reply as active until its answer ends; as aborted if the client goes first.
 * @param {import('node:http').ServerResponse} res
 * @param {StatsRecorder} stats
 */
export function trackReply(res, stats) {
  const end = stats.begin();
  res.once('close', () => end(res.writableFinished ? 'done' : 'aborted'));
}
