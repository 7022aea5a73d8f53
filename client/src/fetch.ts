/**
 * `byokFetch`: a `fetch` that answers the OpenAI REST API and Anthropic's Messages API by turning
 * each call into a `window.byok` intent, so the official SDKs (and the Vercel AI SDK) run
 * unchanged in a page with `fetch: byokFetch`: chat, embeddings, models, and OpenAI's speech,
 * transcription and image routes. Requests match on the end of the URL path, on any
 * host. Nothing goes to the network.
 */
import { anthropicEvents, fromAnthropic, toAnthropicMessage, toAnthropicModel, toAnthropicModels } from './_anthropic.js';
import { abortReason, errorResponse, HttpError, json, newId, streamChat, withAbort, type Dialect } from './_http.js';
import { fromImages, fromSpeech, fromTranscription, toImagesResponse, toSpeechResponse, toTranscriptionResponse } from './_media.js';
import { readForm } from './_multipart.js';
import { fromOpenAIChat, fromOpenAIEmbed, openaiChunks, openaiStreamFlags, toOpenAICompletion, toOpenAIEmbeddings, toOpenAIModel } from './_openai.js';
import { fromResponses, responsesEvents, toResponse } from './_responses.js';
import { isObj, type Obj, type TranslateOptions } from './_translate.js';
import { ensureGrant } from './connect.js';
import { getByok } from './discover.js';
import { asByokError } from './errors.js';
import { badJson, modelNotFound, noWallet, unknownPath, walletLacks } from './messages.js';
import type { ByokProvider, ConnectRequest, ModelInfo, Scope } from './types.js';

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

interface Call {
  byok: ByokProvider;
  body: Obj;
  signal: AbortSignal | undefined;
  dialect: Dialect;
  opts: TranslateOptions;
  /** The decoded id at the end of `/models/{id}`. */
  id: string;
  /** The multipart body of a `multipart` route. */
  form: FormData;
}

interface Route {
  scope: Scope;
  /** The body is `multipart/form-data`, not JSON. */
  multipart?: true;
  /** The wallet method a route needs that an older wallet may lack. */
  needs?: 'speak' | 'transcribe' | 'generateImage';
  run: (call: Call) => Promise<Response>;
}

const defaultModel = (m: string) => (!m || m === 'byok' || m === 'default' ? undefined : m);

const listModels = (call: Call) => withAbort(call.signal, () => call.byok.models());

const routes: Record<string, Route> = {
  'POST /chat/completions': {
    scope: 'chat',
    run: async ({ byok, body, signal, opts }) => {
      const req = fromOpenAIChat(body, opts);
      const id = newId('chatcmpl-');
      const { stream, includeUsage } = openaiStreamFlags(body);
      if (stream) return streamChat(byok, req, signal, openaiChunks(id, req.model ?? String(body.model ?? 'byok'), includeUsage), 'openai');
      return json(toOpenAICompletion(await withAbort(signal, (s) => byok.chat(req, { signal: s })), id));
    },
  },
  'POST /responses': {
    scope: 'chat',
    run: async ({ byok, body, signal, opts }) => {
      const req = fromResponses(body, opts);
      const id = newId('resp_');
      if (body.stream === true) return streamChat(byok, req, signal, responsesEvents(id, body, req), 'openai');
      return json(toResponse(await withAbort(signal, (s) => byok.chat(req, { signal: s })), id, body));
    },
  },
  'POST /messages': {
    scope: 'chat',
    run: async ({ byok, body, signal, opts }) => {
      const req = fromAnthropic(body, opts);
      const id = newId('msg_');
      if (body.stream === true) return streamChat(byok, req, signal, anthropicEvents(id, req.model ?? String(body.model ?? 'byok')), 'anthropic');
      return json(toAnthropicMessage(await withAbort(signal, (s) => byok.chat(req, { signal: s })), id));
    },
  },
  'POST /embeddings': {
    scope: 'embed',
    run: async ({ byok, body, signal, opts }) => {
      const { req, base64 } = fromOpenAIEmbed(body, opts);
      return json(toOpenAIEmbeddings(await withAbort(signal, () => byok.embed(req)), base64));
    },
  },
  'POST /audio/speech': {
    scope: 'speech',
    needs: 'speak',
    run: async ({ byok, body, signal, opts }) => {
      const req = fromSpeech(body, opts);
      return toSpeechResponse(await withAbort(signal, (s) => byok.speak(req, { signal: s })), req.format);
    },
  },
  'POST /audio/transcriptions': {
    scope: 'transcription',
    needs: 'transcribe',
    multipart: true,
    run: async ({ byok, form, signal, opts }) => {
      const { req, format } = fromTranscription(form, opts);
      return toTranscriptionResponse(await withAbort(signal, (s) => byok.transcribe(req, { signal: s })), format);
    },
  },
  'POST /images/generations': {
    scope: 'images',
    needs: 'generateImage',
    run: async ({ byok, body, signal, opts }) => {
      const { req, asUrl } = fromImages(body, opts);
      return json(await toImagesResponse(await withAbort(signal, (s) => byok.generateImage(req, { signal: s })), asUrl));
    },
  },
  'GET /models': {
    scope: 'models',
    run: async (call) => {
      const list = await listModels(call);
      return json(call.dialect === 'anthropic' ? toAnthropicModels(list) : { object: 'list', data: list.map(toOpenAIModel) });
    },
  },
  'GET /models/{id}': {
    scope: 'models',
    run: async (call) => {
      const m: ModelInfo | undefined = (await listModels(call)).find((x) => x.id === call.id);
      if (!m) throw new HttpError(404, modelNotFound(call.id), 'model', 'model_not_found');
      return json(call.dialect === 'anthropic' ? toAnthropicModel(m) : toOpenAIModel(m));
    },
  },
};

/** The route for a method and path, matched on the path's end; `id` for `/models/{id}`. */
function match(method: string, path: string): { key: string; id: string } | undefined {
  const p = path.replace(/\/+$/, '');
  const model = /\/models\/([^/]+)$/.exec(p);
  if (model?.[1]) return { key: `${method} /models/{id}`, id: decodeURIComponent(model[1]) };
  if (/\/threads\/[^/]+\/messages$/.test(p)) return undefined;
  const end = /\/(chat\/completions|responses|messages|embeddings|models|audio\/speech|audio\/transcriptions|images\/generations)$/.exec(p)?.[1];
  return end ? { key: `${method} /${end}`, id: '' } : undefined;
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
