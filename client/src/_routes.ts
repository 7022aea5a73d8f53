/**
 * byokFetch's routes (./fetch.ts): for each REST method and path it answers, the scope it needs and
 * how the call becomes a `window.byok` intent and its answer the provider's response.
 */
import { anthropicEvents, fromAnthropic, toAnthropicMessage, toAnthropicModel, toAnthropicModels } from './_anthropic.js';
import { HttpError, json, newId, streamChat, withAbort, type Dialect } from './_http.js';
import { fromImages, fromSpeech, fromTranscription, toImagesResponse, toSpeechResponse, toTranscriptionResponse } from './_media.js';
import { fromOpenAIChat, fromOpenAIEmbed, openaiChunks, openaiStreamFlags, toOpenAICompletion, toOpenAIEmbeddings, toOpenAIModel } from './_openai.js';
import { fromResponses, responsesEvents, toResponse } from './_responses.js';
import { type Obj, type TranslateOptions } from './_translate.js';
import { modelNotFound } from './messages.js';
import type { ByokProvider, ModelInfo, Scope } from './types.js';

export interface Call {
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

export interface Route {
  scope: Scope;
  /** The body is `multipart/form-data`, not JSON. */
  multipart?: true;
  /** The wallet method a route needs that an older wallet may lack. */
  needs?: 'speak' | 'transcribe' | 'generateImage';
  run: (call: Call) => Promise<Response>;
}

/** The model an SDK names, or none for the placeholders apps pass to mean the site's default. */
export const defaultModel = (m: string) => (!m || m === 'byok' || m === 'default' ? undefined : m);

const listModels = (call: Call) => withAbort(call.signal, () => call.byok.models());

export const routes: Record<string, Route> = {
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
export function match(method: string, path: string): { key: string; id: string } | undefined {
  const p = path.replace(/\/+$/, '');
  const model = /\/models\/([^/]+)$/.exec(p);
  if (model?.[1]) return { key: `${method} /models/{id}`, id: decodeURIComponent(model[1]) };
  if (/\/threads\/[^/]+\/messages$/.test(p)) return undefined;
  const end = /\/(chat\/completions|responses|messages|embeddings|models|audio\/speech|audio\/transcriptions|images\/generations)$/.exec(p)?.[1];
  return end ? { key: `${method} /${end}`, id: '' } : undefined;
}
