/**
 * The local endpoint: the providers' own REST APIs on 127.0.0.1, answered by the wallet.
 * `/openai/v1/...` and `/anthropic/v1/...` go through the client lib's `byokFetch` with this
 * app's provider; `/byok/connect` is `byok-bridge connect`. Routes: docs/TERMINAL.md.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createByokFetch } from '../../client/src/fetch';
import { errorResponse, HttpError, json, type Dialect } from '../../client/src/_http';
import { appProvider } from './app-provider';
import { BodyTooLarge, readBody } from './body';
import { refuseCaller, hashToken, looksLikeToken, tokenOf } from './guard';
import { tokenRefused } from './errors';
import { handleConnect } from './connect-route';
import type { WalletLink } from './wallet-link';

const PREFIXES: [string, Dialect][] = [
  ['/openai', 'openai'],
  ['/anthropic', 'anthropic'],
];

/** Writes a fetch `Response` to a Node response, streaming its body as it comes. */
export async function sendResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  res.writeHead(response.status, headers);
  if (!response.body) return void res.end();
  res.flushHeaders();
  const reader = response.body.getReader();
  res.on('close', () => void reader.cancel().catch(() => undefined));
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.destroyed) res.write(value);
    }
    res.end();
  } catch {
    res.destroy();
  }
}

/** Counts tokens the way the wallet estimates them (about 4 characters a token): Claude Code asks before big requests. */
function countTokens(body: string): Response {
  let text = body;
  try {
    const parsed = JSON.parse(body) as { messages?: unknown; system?: unknown; tools?: unknown };
    text = JSON.stringify([parsed.system ?? '', parsed.messages ?? [], parsed.tools ?? []]);
  } catch {
    return errorResponse(new HttpError(400, 'The body is not valid JSON.', null, 'invalid_json'), 'anthropic');
  }
  return json({ input_tokens: Math.ceil(text.length / 4) });
}

async function answerApi(link: WalletLink, req: IncomingMessage, res: ServerResponse, dialect: Dialect, path: string, signal: AbortSignal): Promise<Response> {
  const token = tokenOf(req.headers);
  if (!token || !looksLikeToken(token)) return errorResponse(tokenRefused(token ? undefined : 'No app token: set the API key to the token `byok-bridge connect` printed.'), dialect);
  const method = req.method ?? 'GET';
  const body = method === 'POST' ? await readBody(req) : undefined;
  const byok = appProvider(link, hashToken(token));
  if (/\/v1\/messages\/count_tokens\/?$/.test(path)) {
    if (method !== 'POST') return errorResponse(new HttpError(405, 'Use POST.', null, 'method_not_allowed'), dialect);
    await byok.getGrant().catch((error: unknown) => Promise.reject(error));
    return countTokens(body ?? '');
  }
  const headers = new Headers();
  // The client lib reads the dialect from this header on the shared routes (`/v1/models`).
  if (dialect === 'anthropic') headers.set('anthropic-version', String(req.headers['anthropic-version'] ?? '2023-06-01'));
  const fetcher = createByokFetch({ byok, connect: false });
  return fetcher(`http://127.0.0.1${path}`, { method, headers, signal, ...(body !== undefined ? { body } : {}) });
}

async function handle(link: WalletLink, port: number, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const prefix = PREFIXES.find(([p]) => url.pathname.startsWith(`${p}/`));
  const dialect: Dialect = prefix?.[1] ?? 'openai';
  const refusal = refuseCaller(req.headers, port);
  if (refusal) return sendResponse(res, errorResponse(new HttpError(refusal.status, refusal.message, null, 'forbidden'), dialect));
  // The app closing its connection cancels the call: the wallet stops the provider call and charges what streamed.
  const ac = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) ac.abort();
  });
  try {
    if (url.pathname === '/byok/status' && req.method === 'GET') return await sendResponse(res, json({ ok: true }));
    if (url.pathname === '/byok/connect' && req.method === 'POST') return await sendResponse(res, await handleConnect(link, await readBody(req, 64 * 1024)));
    if (!prefix) return await sendResponse(res, errorResponse(new HttpError(404, `No such route: ${url.pathname} (use /openai/v1 or /anthropic).`, null, 'unknown_url'), dialect));
    const response = await answerApi(link, req, res, dialect, url.pathname.slice(prefix[0].length), ac.signal);
    await sendResponse(res, response);
  } catch (error) {
    if (ac.signal.aborted) return void res.destroy();
    if (error instanceof BodyTooLarge) {
      // Say so, then stop reading: the rest of the body is never taken in.
      res.setHeader('connection', 'close');
      await sendResponse(res, errorResponse(new HttpError(413, error.message, null, 'request_too_large'), dialect));
      req.destroy();
      return;
    }
    await sendResponse(res, errorResponse(error instanceof HttpError ? error : new HttpError(500, 'byok-bridge failed to answer.', null, 'internal_error'), dialect));
  }
}

export function createBridgeServer(link: WalletLink, port: () => number): Server {
  const server = createServer((req, res) => void handle(link, port(), req, res));
  // An approval can take the person minutes: `connect` waits with no timeout of ours.
  server.requestTimeout = 0;
  return server;
}
