// @ts-check
/**
 * Small HTTP helpers for the mock provider: CORS, JSON bodies, request ids.
 * Node built-ins only.
 */
import { randomBytes } from 'node:crypto';

/** Largest request body accepted (base64 images can be large). */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

/**
 * CORS headers for every answer: any origin, any method, any requested header.
 * `Access-Control-Allow-Headers: *` does not cover `Authorization` in browsers,
 * so the preflight's requested headers are echoed back instead.
 * @param {import('node:http').IncomingMessage} req
 * @returns {Record<string, string>}
 */
export function corsHeaders(req) {
  const requested = req.headers['access-control-request-headers'];
  /** @type {Record<string, string>} */
  const headers = {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'access-control-allow-headers': typeof requested === 'string' && requested ? requested : '*',
    'access-control-expose-headers': '*',
    'access-control-max-age': '600',
  };
  if (req.headers['access-control-request-private-network'] === 'true') {
    headers['access-control-allow-private-network'] = 'true';
  }
  return headers;
}

/**
 * A random id with a prefix, e.g. `chatcmpl-3f9a...`.
 * @param {string} prefix
 * @param {number} [bytes]
 */
export function randomId(prefix, bytes = 12) {
  return prefix + randomBytes(bytes).toString('hex');
}

/**
 * Sends a JSON answer.
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
export function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

/**
 * @typedef {{ ok: true, value: unknown, raw: string } | { ok: false, reason: 'too-large' | 'invalid-json', raw: string }} BodyResult
 */

/**
 * Reads and parses a JSON request body. An empty body parses as `undefined`.
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<BodyResult>}
 */
export async function readJsonBody(req) {
  /** @type {Buffer[]} */
  const parts = [];
  let size = 0;
  for await (const part of req) {
    size += part.length;
    if (size > MAX_BODY_BYTES) return { ok: false, reason: 'too-large', raw: '' };
    parts.push(part);
  }
  const raw = Buffer.concat(parts).toString('utf8');
  if (raw.trim() === '') return { ok: true, value: undefined, raw };
  try {
    return { ok: true, value: JSON.parse(raw), raw };
  } catch {
    return { ok: false, reason: 'invalid-json', raw };
  }
}

/** How much of a too-large body is still read (and dropped) so that the client gets its 413. */
const DRAIN_LIMIT_BYTES = 256 * 1024 * 1024;

/**
 * @typedef {{ ok: true, bytes: Buffer } | { ok: false, reason: 'too-large', size: number }} RawBodyResult
 */

/**
 * Reads a body as bytes, up to `max`. Past it the rest is read and dropped (up to 256 MB), so that
 * a browser that is still uploading sees the 413 rather than a reset connection.
 * @param {import('node:http').IncomingMessage} req
 * @param {number} max
 * @returns {Promise<RawBodyResult>}
 */
export async function readRawBody(req, max) {
  /** @type {Buffer[]} */
  const parts = [];
  let size = 0;
  for await (const part of req) {
    size += part.length;
    if (size <= max) parts.push(part);
    else if (size > DRAIN_LIMIT_BYTES) break;
  }
  if (size > max) return { ok: false, reason: 'too-large', size };
  return { ok: true, bytes: Buffer.concat(parts, size) };
}

/**
 * The value of a header as one string ('' when absent).
 * @param {import('node:http').IncomingMessage} req
 * @param {string} name lower-case header name
 */
export function header(req, name) {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
}

/**
 * A plain-object check for parsed JSON.
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
export function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What a route handler gets once the body is read and the key checked.
 * @typedef {object} HandlerContext
 * @property {import('node:http').IncomingMessage} req
 * @property {import('node:http').ServerResponse} res
 * @property {unknown} body the parsed JSON body
 * @property {import('./multipart.mjs').FormData | null} form the parsed multipart body (upload routes)
 * @property {URL} url the request URL (its query: ElevenLabs' `output_format`)
 * @property {string} origin this server as the client reached it, e.g. `http://127.0.0.1:PORT` (for image URLs)
 * @property {string} key the key the request used ('' when none)
 * @property {string} requestId sent back as `x-request-id` / `request-id`
 * @property {import('./stats.mjs').StatsRecorder} stats
 */
