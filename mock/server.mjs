// @ts-check
/**
 * The bundled mock provider: an OpenAI- and Anthropic-compatible HTTP server for the demo, the
 * end-to-end tests and the benchmarks. Node built-ins only. See mock/README.md.
 */
import { createServer } from 'node:http';
import { checkAnthropicAuth, checkElevenLabsAuth, checkOpenAIAuth, bearerKey } from './auth.mjs';
import { anthropicError, elevenlabsError, openaiError } from './errors.mjs';
import { corsHeaders, header, MAX_BODY_BYTES, randomId, readJsonBody, readRawBody, sendJson } from './http.mjs';
import { multipartBoundary, parseMultipart } from './multipart.mjs';
import { servedImage } from './openai-images.mjs';
import { findRoute, looksAnthropic, looksElevenLabs } from './routes.mjs';
import { createStats } from './stats.mjs';
import { sha256 } from './transcript.mjs';

/**
 * @typedef {object} MockOptions
 * @property {number} [port] 0 (the default) picks a free port
 * @property {string} [host] default `127.0.0.1`
 * @property {string[]} [keys] the valid keys; without it, any key starting with `sk-test-`
 */

/**
 * @typedef {object} MockServer
 * @property {string} url e.g. `http://127.0.0.1:PORT` (no trailing slash)
 * @property {number} port
 * @property {() => Promise<void>} close stops listening and drops every open connection
 * @property {() => import('./stats.mjs').Stats} stats a snapshot of what the mock has seen
 * @property {() => void} reset zeroes the counters (`active` is live and stays)
 * @property {(key: string) => void} revoke the provider revokes `key`: from now on it gets 401
 */

/**
 * Starts the mock provider.
 * @param {MockOptions} [options]
 * @returns {Promise<MockServer>}
 */
export async function startMock(options = {}) {
  const { port = 0, host = '127.0.0.1', keys } = options;
  const stats = createStats();
  /** @type {Set<string>} */
  const revoked = new Set();
  const server = createServer((req, res) => {
    handle(req, res, { stats, keys, revoked }).catch((error) => {
      console.error('[mock] handler failed:', error);
      if (!res.headersSent) sendJson(res, 500, { error: { message: 'mock internal error', type: 'server_error', param: null, code: null } });
      else res.destroy();
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address !== null ? address.port : port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${actualPort}`,
    port: actualPort,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    stats: () => stats.snapshot(),
    reset: () => stats.reset(),
    revoke: (key) => void revoked.add(key),
  };
}

/**
 * @typedef {object} ServerState
 * @property {import('./stats.mjs').StatsRecorder} stats
 * @property {string[] | undefined} keys
 * @property {Set<string>} revoked keys revoked at the provider
 */

/**
 * Answers one request.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {ServerState} state
 */
async function handle(req, res, state) {
  for (const [name, value] of Object.entries(corsHeaders(req))) res.setHeader(name, value);
  const method = req.method ?? 'GET';
  const path = new URL(req.url ?? '/', 'http://mock.invalid').pathname;
  if (method === 'OPTIONS') {
    state.stats.preflight();
    res.writeHead(204).end();
    return;
  }
  if (path.startsWith('/__mock/')) return handleControl(req, res, path, state);
  state.stats.request(path);
  const requestId = randomId('req_', 16);
  const route = findRoute(req, path);
  if (!route) return notFound(req, res, `Invalid URL (${method} ${path})`, 404, requestId);
  if (route.method !== method) return notFound(req, res, `Invalid method for URL (${method} ${path})`, 405, requestId);
  const url = new URL(req.url ?? '/', 'http://mock.invalid');
  const read = await readBody(req, route);
  /** @type {import('./http.mjs').HandlerContext} */
  const ctx = { req, res, body: read.ok ? read.body : undefined, form: read.ok ? read.form : null, url, origin: originOf(req), key: '', requestId, stats: state.stats };
  if (route.method === 'POST') {
    const form = read.ok ? read.form : null;
    const files = (form?.files ?? []).map((file) => ({ field: file.name, filename: file.filename, contentType: file.contentType, bytes: file.data.length, sha256: sha256(file.data) }));
    const body = !read.ok ? read.raw : form ? summarizeForm(form, files) : read.body;
    const model = pickModel(body);
    state.stats.last({ path, model, body });
    for (const file of files) state.stats.upload({ path, model, ...file });
  }
  const auth = route.keyless
    ? { ok: /** @type {const} */ (true), key: bearerKey(req) }
    : route.dialect === 'anthropic'
      ? checkAnthropicAuth(req, state.keys, requestId, state.revoked)
      : route.dialect === 'elevenlabs'
        ? checkElevenLabsAuth(req, state.keys, state.revoked)
        : checkOpenAIAuth(req, state.keys, state.revoked);
  if (!auth.ok) return sendJson(res, auth.error.status, auth.error.body, idHeader(route.dialect, requestId));
  if (route.completion) state.stats.completion();
  if (!read.ok) {
    const error = bodyError(route.dialect, read, requestId);
    return sendJson(res, error.status, error.body, { ...error.headers, ...idHeader(route.dialect, requestId) });
  }
  ctx.key = auth.key;
  await route.handle(ctx);
}

/**
 * @typedef {{ ok: true, body: unknown, form: import('./multipart.mjs').FormData | null }
 *   | { ok: false, reason: 'too-large' | 'invalid-json' | 'not-multipart' | 'bad-multipart', raw: string, size: number, limit: number }} ReadBody
 */

/**
 * Reads a POST's body as its route expects it: JSON, or multipart/form-data up to the route's cap.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('./routes.mjs').Route} route
 * @returns {Promise<ReadBody>}
 */
async function readBody(req, route) {
  if (route.method !== 'POST') return { ok: true, body: undefined, form: null };
  if (!route.multipart) {
    const json = await readJsonBody(req);
    return json.ok ? { ok: true, body: json.value, form: null } : { ok: false, reason: json.reason, raw: json.raw, size: 0, limit: MAX_BODY_BYTES };
  }
  const contentType = header(req, 'content-type');
  const boundary = multipartBoundary(contentType);
  const { maxBytes } = route.multipart;
  if (boundary === null) {
    req.resume();
    return { ok: false, reason: 'not-multipart', raw: contentType, size: 0, limit: maxBytes };
  }
  const raw = await readRawBody(req, maxBytes);
  if (!raw.ok) return { ok: false, reason: 'too-large', raw: '', size: raw.size, limit: maxBytes };
  const form = parseMultipart(raw.bytes, boundary);
  return form ? { ok: true, body: undefined, form } : { ok: false, reason: 'bad-multipart', raw: '', size: raw.bytes.length, limit: maxBytes };
}

/**
 * The error for a body that could not be read, in the route's provider's shape and words.
 * @param {'openai' | 'anthropic' | 'elevenlabs'} dialect
 * @param {Extract<ReadBody, { ok: false }>} read
 * @param {string} requestId
 */
function bodyError(dialect, read, requestId) {
  const tooLarge = read.reason === 'too-large';
  if (dialect === 'anthropic') {
    return anthropicError(tooLarge ? 413 : 400, tooLarge ? 'Request exceeds the maximum allowed number of bytes.' : 'Invalid JSON in request body', requestId);
  }
  if (dialect === 'elevenlabs') {
    if (tooLarge) return elevenlabsError(413, `The file is too large: ${read.size} bytes; the mock takes at most ${read.limit}.`, 'file_too_large');
    return elevenlabsError(400, read.reason === 'invalid-json' ? 'Invalid JSON in request body' : 'Expected a multipart/form-data body.', 'invalid_request');
  }
  if (read.reason === 'not-multipart') {
    return openaiError(400, `Invalid Content-Type header (${read.raw || 'none'}), expected multipart/form-data. (HINT: If you're using curl, you can pass -H 'Content-Type: multipart/form-data')`);
  }
  if (read.reason === 'bad-multipart') return openaiError(400, 'Could not parse multipart form');
  if (tooLarge && read.limit !== MAX_BODY_BYTES) {
    return openaiError(413, `Maximum content size limit (${read.limit}) exceeded (${read.size} bytes read)`, { type: 'server_error' });
  }
  return openaiError(tooLarge ? 413 : 400, tooLarge ? 'Request body too large.' : 'We could not parse the JSON body of your request. The API expects a JSON payload, but what was sent was not valid JSON.');
}

/** @param {unknown} body */
function pickModel(body) {
  if (typeof body !== 'object' || body === null) return null;
  const record = /** @type {Record<string, unknown>} */ (body);
  const model = record.model ?? record.model_id;
  return typeof model === 'string' ? model : null;
}

/**
 * What `stats.last.body` shows of a form: its fields, and each file as its name, size and hash.
 * @param {import('./multipart.mjs').FormData} form
 * @param {{ field: string, filename: string, contentType: string, bytes: number, sha256: string }[]} files
 */
function summarizeForm(form, files) {
  /** @type {Record<string, unknown>} */
  const summary = {};
  for (const [name, values] of Object.entries(form.fields)) summary[name] = values.length === 1 ? values[0] : values;
  for (const { field, ...file } of files) summary[field] = file;
  return summary;
}

/**
 * This server as the client reached it (its Host header), for the URLs of generated images.
 * @param {import('node:http').IncomingMessage} req
 */
function originOf(req) {
  const host = header(req, 'host') || `${req.socket.localAddress ?? '127.0.0.1'}:${req.socket.localPort ?? 0}`;
  return `http://${host}`;
}

/**
 * @param {'openai' | 'anthropic' | 'elevenlabs'} dialect
 * @param {string} requestId
 * @returns {Record<string, string>}
 */
function idHeader(dialect, requestId) {
  return dialect === 'openai' ? { 'x-request-id': requestId } : { 'request-id': requestId };
}

/**
 * 404/405 in the shape of whichever provider the request looks like.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} message
 * @param {number} status
 * @param {string} requestId
 */
function notFound(req, res, message, status, requestId) {
  req.resume();
  if (looksElevenLabs(req)) {
    const error = elevenlabsError(status, message);
    return sendJson(res, status, error.body, idHeader('elevenlabs', requestId));
  }
  const anthropic = looksAnthropic(req);
  const error = anthropic ? anthropicError(status, message, requestId) : openaiError(status, message);
  sendJson(res, status, error.body, idHeader(anthropic ? 'anthropic' : 'openai', requestId));
}

/**
 * `GET /__mock/stats`, `POST /__mock/reset`, `POST /__mock/revoke?key=K` (the provider revokes K).
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} path
 * @param {ServerState} state
 */
function handleControl(req, res, path, state) {
  req.resume();
  if (path === '/__mock/stats' && req.method === 'GET') return sendJson(res, 200, state.stats.snapshot());
  const image = /^\/__mock\/images\/([\w-]+)\.png$/.exec(path);
  if (image && req.method === 'GET') {
    const png = servedImage(image[1] ?? '');
    if (!png) return sendJson(res, 404, { error: { message: 'This image has expired or never existed.', type: 'invalid_request_error', param: null, code: null } });
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(png.length), 'cache-control': 'private, max-age=3600' });
    res.end(png);
    return;
  }
  if (path === '/__mock/revoke' && req.method === 'POST') {
    const key = new URL(req.url ?? '/', 'http://mock.invalid').searchParams.get('key');
    if (key) state.revoked.add(key);
    return sendJson(res, key ? 200 : 400, { ok: Boolean(key) });
  }
  if (path === '/__mock/reset' && req.method === 'POST') {
    state.stats.reset();
    return sendJson(res, 200, { ok: true });
  }
  return sendJson(res, 404, { error: { message: `Unknown mock control ${req.method} ${path}`, type: 'invalid_request_error', param: null, code: null } });
}
