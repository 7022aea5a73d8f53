// @ts-check
/**
 * The bundled mock provider: an OpenAI- and Anthropic-compatible HTTP server for the demo, the
 * end-to-end tests and the benchmarks. Node built-ins only. See mock/README.md.
 */
import { createServer } from 'node:http';
import { checkAnthropicAuth, checkOpenAIAuth, bearerKey } from './auth.mjs';
import { anthropicError, openaiError } from './errors.mjs';
import { corsHeaders, randomId, readJsonBody, sendJson } from './http.mjs';
import { findRoute, looksAnthropic } from './routes.mjs';
import { createStats } from './stats.mjs';
import { createKeyLimits } from './key-limits.mjs';

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
 * @property {(key: string, kind: 'rate' | 'credit', resetSeconds?: number) => void} limit the provider rate-limits `key` for `resetSeconds` (default 30), or finds it out of credit (mock/key-limits.mjs)
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
  const limits = createKeyLimits();
  const server = createServer((req, res) => {
    handle(req, res, { stats, keys, revoked, limits }).catch((error) => {
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
    limit: (key, kind, resetSeconds) => limits.set(key, kind, resetSeconds),
  };
}

/**
 * @typedef {object} ServerState
 * @property {import('./stats.mjs').StatsRecorder} stats
 * @property {string[] | undefined} keys
 * @property {Set<string>} revoked keys revoked at the provider
 * @property {ReturnType<typeof createKeyLimits>} limits keys rate-limited or out of credit
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
  /** @type {import('./http.mjs').BodyResult} */
  const bodyResult = route.method === 'POST' ? await readJsonBody(req) : { ok: true, value: undefined, raw: '' };
  /** @type {import('./http.mjs').HandlerContext} */
  const ctx = { req, res, body: bodyResult.ok ? bodyResult.value : undefined, key: '', requestId, stats: state.stats };
  if (route.method === 'POST') {
    const body = bodyResult.ok ? bodyResult.value : bodyResult.raw;
    const model = typeof body === 'object' && body !== null && 'model' in body && typeof body.model === 'string' ? body.model : null;
    state.stats.last({ path, model, body });
  }
  const auth = route.keyless
    ? { ok: /** @type {const} */ (true), key: bearerKey(req) }
    : route.dialect === 'anthropic'
      ? checkAnthropicAuth(req, state.keys, requestId, state.revoked)
      : checkOpenAIAuth(req, state.keys, state.revoked);
  if (!auth.ok) return sendJson(res, auth.error.status, auth.error.body, idHeader(route.dialect, requestId));
  const limited = route.completion ? state.limits.refusal(auth.key, route.dialect, requestId) : null;
  if (limited) return sendJson(res, limited.status, limited.body, { ...limited.headers, ...idHeader(route.dialect, requestId) });
  if (route.completion) state.stats.completion();
  if (!bodyResult.ok) {
    const tooLarge = bodyResult.reason === 'too-large';
    const error =
      route.dialect === 'anthropic'
        ? anthropicError(tooLarge ? 413 : 400, tooLarge ? 'Request exceeds the maximum allowed number of bytes.' : 'Invalid JSON in request body', requestId)
        : openaiError(tooLarge ? 413 : 400, tooLarge ? 'Request body too large.' : 'We could not parse the JSON body of your request. The API expects a JSON payload, but what was sent was not valid JSON.');
    return sendJson(res, error.status, error.body, idHeader(route.dialect, requestId));
  }
  ctx.key = auth.key;
  await route.handle(ctx);
}

/**
 * @param {'openai' | 'anthropic'} dialect
 * @param {string} requestId
 * @returns {Record<string, string>}
 */
function idHeader(dialect, requestId) {
  return dialect === 'anthropic' ? { 'request-id': requestId } : { 'x-request-id': requestId };
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
  const anthropic = looksAnthropic(req);
  const error = anthropic ? anthropicError(status, message, requestId) : openaiError(status, message);
  sendJson(res, status, error.body, idHeader(anthropic ? 'anthropic' : 'openai', requestId));
}

/**
 * `GET /__mock/stats`, `POST /__mock/reset`, `POST /__mock/revoke?key=K` (the provider revokes K),
 * `POST /__mock/limit?key=K&kind=rate|credit&reset=S` (K rate-limited for S seconds, or out of credit).
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} path
 * @param {ServerState} state
 */
function handleControl(req, res, path, state) {
  req.resume();
  if (path === '/__mock/stats' && req.method === 'GET') return sendJson(res, 200, state.stats.snapshot());
  if (path === '/__mock/revoke' && req.method === 'POST') {
    const key = new URL(req.url ?? '/', 'http://mock.invalid').searchParams.get('key');
    if (key) state.revoked.add(key);
    return sendJson(res, key ? 200 : 400, { ok: Boolean(key) });
  }
  if (path === '/__mock/limit' && req.method === 'POST') {
    const params = new URL(req.url ?? '/', 'http://mock.invalid').searchParams;
    const key = params.get('key');
    const kind = params.get('kind') === 'credit' ? 'credit' : 'rate';
    if (key) state.limits.set(key, kind, Number(params.get('reset') ?? 30) || 0);
    return sendJson(res, key ? 200 : 400, { ok: Boolean(key) });
  }
  if (path === '/__mock/reset' && req.method === 'POST') {
    state.stats.reset();
    return sendJson(res, 200, { ok: true });
  }
  return sendJson(res, 404, { error: { message: `Unknown mock control ${req.method} ${path}`, type: 'invalid_request_error', param: null, code: null } });
}
