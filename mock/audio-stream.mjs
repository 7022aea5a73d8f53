// @ts-check
/**
 * Sends a speech answer the way the providers do: the headers at once, then the audio in chunks
 * over time (`Transfer-Encoding: chunked`, no length), so that a client's abort lands mid-stream
 * and shows in the stats (`audio[].aborted`, `audio[].sent`).
 */
import { untilGone, waitOrGone, writeChunk } from './sse.mjs';
import { trackReply } from './stats.mjs';

/** Bytes per chunk. */
export const AUDIO_CHUNK_BYTES = 16 * 1024;
/** The pause between chunks unless `[[delay:MS]]` sets one: a stream, yet quick for tests. */
const DEFAULT_PACE_MS = 1;

/**
 * @typedef {object} AudioSend
 * @property {string | null} model
 * @property {string} format what the request asked for (`mp3`, `mp3_44100_128`, ...)
 * @property {number} delayMs the pause before each chunk after the first (0: the default pace)
 * @property {boolean} hang the headers, then nothing until the client leaves
 * @property {Record<string, string>} headers e.g. the request id
 */

/**
 * @param {import('./http.mjs').HandlerContext} ctx
 * @param {import('./audio-files.mjs').AudioPlan} plan
 * @param {AudioSend} send
 */
export async function sendAudio(ctx, plan, send) {
  const { res } = ctx;
  const path = new URL(ctx.req.url ?? '/', 'http://mock.invalid').pathname;
  const record = ctx.stats.audio({ path, model: send.model, format: send.format, contentType: plan.contentType, bytes: plan.bytes });
  trackReply(res, ctx.stats);
  res.once('close', () => {
    if (!record.done) record.aborted = true;
  });
  res.writeHead(200, { 'content-type': plan.contentType, 'transfer-encoding': 'chunked', ...send.headers });
  res.flushHeaders();
  if (send.hang) return untilGone(res);
  for (let offset = 0; offset < plan.bytes; offset += AUDIO_CHUNK_BYTES) {
    if (offset > 0 && !(await waitOrGone(res, send.delayMs || DEFAULT_PACE_MS))) return;
    const piece = plan.read(offset, AUDIO_CHUNK_BYTES);
    if (!(await writeChunk(res, piece))) return;
    record.sent += piece.length;
  }
  record.done = true;
  res.end();
}
