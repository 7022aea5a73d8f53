/**
 * `byokFetch`: a `fetch` that answers the OpenAI REST API and Anthropic's Messages API by turning
 * each call into a `window.byok` intent, so the official SDKs (and the Vercel AI SDK) run
 * unchanged in a page with `fetch: byokFetch`: chat, embeddings, models, and OpenAI's speech,
 * transcription and image routes. Requests match on the end of the URL path, on any
 * host. Nothing goes to the network.
 */
import { abortReason, errorResponse, HttpError, withAbort, type Dialect } from './_http.js';
import { readForm } from './_multipart.js';
import { isObj, type Obj, type TranslateOptions } from './_translate.js';
import { ensureGrant } from './connect.js';
import { getByok } from './discover.js';
import { asByokError } from './errors.js';
import { badJson, noWallet, unknownPath, walletLacks } from './messages.js';
import type { ByokProvider, ConnectRequest, Scope } from './types.js';
import { defaultModel, match, routes } from './_routes.js';

/** The signature of `fetch`, as the SDKs take it. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface ByokFetchOptions {
  /** The provider to use; default: the one `getByok()` finds on first use. */
  byok?: ByokProvider;
  /**
   * Connect on first use when the site has no grant for what a call needs (default `true`);
   * an object is passed to `connect()` (its scopes are added to the needed one).
   */
  connect?: boolean | ConnectRequest;
  /**
   * The byok model for the model the app asked for; `undefined` means the site's default model.
   * Default: `''`, `'byok'` and `'default'` mean the site's default; any other id is used as is.
   */
  model?: (requested: string) => string | undefined;
  /** A parameter byok cannot honour: `'reject'` with a 400 naming it (default), or `'ignore'` it. */
  unsupported?: 'reject' | 'ignore';
  /** How long discovery waits for the wallet, in ms (default 1000). */
  timeoutMs?: number;
}

const isRequest = (v: unknown): v is Request => typeof Request !== 'undefined' && v instanceof Request;

async function readBody(input: string | URL | Request, init: RequestInit): Promise<string> {
  if (init.body !== undefined && init.body !== null) return typeof init.body === 'string' ? init.body : new Response(init.body).text();
  return isRequest(input) ? input.text() : '';
}

/** Makes a `byokFetch` with explicit options (its own provider, connect request, model mapping). */
export function createByokFetch(options: ByokFetchOptions = {}): FetchLike {
  const { connect = true, timeoutMs = 1000 } = options;
  const mapModel = options.model ?? defaultModel;
  const opts: TranslateOptions = {
    model: (m) => mapModel(typeof m === 'string' ? m : ''),
    unsupported: options.unsupported ?? 'reject',
  };
  let found: Promise<ByokProvider | null> | undefined;
  let connecting: Promise<unknown> = Promise.resolve();

  const provider = (): Promise<ByokProvider | null> => {
    if (options.byok) return Promise.resolve(options.byok);
    found ??= getByok({ timeoutMs }).then((p) => {
      if (!p) found = undefined;
      return p;
    });
    return found;
  };

  /**
   * Connects first when the site's grant lacks `scope`; connects run one at a time. Chat and
   * models are asked for together (an SDK app lists models, then chats: one approval); every
   * other scope alone, when first needed.
   */
  const ensure = async (byok: ByokProvider, scope: Scope) => {
    if (connect === false) return;
    const grant = await byok.getGrant();
    if (grant?.scopes.includes(scope)) return;
    const req = connect === true ? {} : connect;
    const wanted: Scope[] = scope === 'chat' || scope === 'models' ? ['chat', 'models'] : [scope];
    const next = connecting
      .catch(() => undefined)
      .then(async () => {
        const current = await byok.getGrant();
        if (current?.scopes.includes(scope)) return;
        await ensureGrant(byok, wanted, req, current);
      });
    connecting = next;
    await next;
  };

  return async function byokFetch(input, init = {}) {
    const request = isRequest(input) ? input : undefined;
    const url = new URL(request ? request.url : String(input), 'http://localhost');
    const method = (init.method ?? request?.method ?? 'GET').toUpperCase();
    const headers = new Headers(init.headers ?? request?.headers);
    const signal = init.signal ?? request?.signal ?? undefined;
    if (signal?.aborted) throw abortReason(signal);
    const anthropic = headers.has('anthropic-version') || /\/messages\/?$/.test(url.pathname);
    const dialect: Dialect = anthropic ? 'anthropic' : 'openai';
    const found = match(method, url.pathname);
    const route = found && routes[found.key];
    if (!route) {
      const known = match(method === 'GET' ? 'POST' : 'GET', url.pathname);
      return errorResponse(new HttpError(known ? 405 : 404, unknownPath(method, url.pathname), null, known ? 'method_not_allowed' : 'unknown_url'), dialect);
    }
    let body: Obj = {};
    let form = undefined as unknown as FormData;
    if (method === 'POST' && route.multipart) {
      try {
        form = await withAbort(signal, (s) => readForm(init.body, request, headers.get('content-type'), s));
      } catch (e) {
        if (signal?.aborted) throw abortReason(signal);
        return errorResponse(e, dialect);
      }
    } else if (method === 'POST') {
      const text = await readBody(input, init);
      try {
        const parsed: unknown = JSON.parse(text);
        if (!isObj(parsed)) throw new SyntaxError();
        body = parsed;
      } catch {
        return errorResponse(new HttpError(400, badJson(), null, 'invalid_json'), dialect);
      }
    }
    const byok = await provider();
    if (!byok) throw new TypeError(noWallet());
    try {
      if (route.needs && typeof byok[route.needs] !== 'function') throw new HttpError(400, walletLacks(route.needs), null, 'unsupported');
      await withAbort(signal, () => ensure(byok, route.scope));
      return await route.run({ byok, body, form, signal, dialect, opts, id: found.id });
    } catch (e) {
      if (signal?.aborted) throw abortReason(signal);
      return errorResponse(asByokError(e) ?? e, dialect);
    }
  };
}

/**
 * A `fetch` for the OpenAI and Anthropic SDKs, answered by the byok wallet:
 * `new OpenAI({ apiKey: 'byok', dangerouslyAllowBrowser: true, fetch: byokFetch })`.
 */
export const byokFetch: FetchLike = /* @__PURE__ */ createByokFetch();
