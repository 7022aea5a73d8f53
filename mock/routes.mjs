// @ts-check
/**
 * Which handler answers which request, and how it authenticates.
 * `/v1/...` is api.openai.com and api.anthropic.com at once (they share `/v1/models`: a request
 * with an `anthropic-version` or `x-api-key` header gets Anthropic's list); `/ollama/v1/...` is a
 * keyless OpenAI-compatible local endpoint (Ollama, LM Studio).
 */
import { anthropicModelList, ANTHROPIC_MODELS, LOCAL_MODELS, OPENAI_MODELS, openaiModelList } from './models.mjs';
import { handleMessages, sendAnthropicError } from './anthropic.mjs';
import { anthropicError, openaiError } from './errors.mjs';
import { header, sendJson } from './http.mjs';
import { handleChatCompletions, sendOpenAIError } from './openai.mjs';
import { handleEmbeddings } from './openai-embeddings.mjs';
import { handleImages } from './openai-images.mjs';
import { handleSpeech } from './openai-speech.mjs';
import { handleTranscriptions, MAX_TRANSCRIPTION_BYTES } from './openai-transcriptions.mjs';
import { handleElevenLabsModels, handleElevenLabsVoices, handleSpeechToText, handleTextToSpeech } from './elevenlabs.mjs';

/** ElevenLabs takes far larger uploads than OpenAI; the mock keeps them in memory, so it stops here. */
const MAX_ELEVENLABS_UPLOAD = 64 * 1024 * 1024;

/**
 * @typedef {object} Route
 * @property {'openai' | 'anthropic' | 'elevenlabs'} dialect whose error shape and auth the route uses
 * @property {boolean} keyless any key or none is accepted
 * @property {boolean} completion counts in `stats.completions`
 * @property {'GET' | 'POST'} method
 * @property {{ maxBytes: number }} [multipart] the body is multipart/form-data of at most `maxBytes` (else JSON)
 * @property {(ctx: import('./http.mjs').HandlerContext) => unknown} handle
 */

/** @param {import('node:http').IncomingMessage} req */
export function looksAnthropic(req) {
  return header(req, 'anthropic-version') !== '' || header(req, 'x-api-key') !== '';
}

/** @param {import('node:http').IncomingMessage} req */
export function looksElevenLabs(req) {
  return header(req, 'xi-api-key') !== '';
}

/**
 * Finds the route for a path, or null.
 * @param {import('node:http').IncomingMessage} req
 * @param {string} path
 * @returns {Route | null}
 */
export function findRoute(req, path) {
  const keyless = path.startsWith('/ollama/v1/');
  const rest = keyless ? path.slice('/ollama'.length) : path;
  const openai = /** @type {const} */ ({ dialect: 'openai', keyless });
  if (rest === '/v1/chat/completions') return { ...openai, completion: true, method: 'POST', handle: handleChatCompletions };
  if (rest === '/v1/embeddings') return { ...openai, completion: true, method: 'POST', handle: handleEmbeddings };
  if (rest === '/v1/audio/speech') return { ...openai, completion: true, method: 'POST', handle: handleSpeech };
  if (rest === '/v1/audio/transcriptions') return { ...openai, completion: true, method: 'POST', multipart: { maxBytes: MAX_TRANSCRIPTION_BYTES }, handle: handleTranscriptions };
  if (rest === '/v1/images/generations') return { ...openai, completion: true, method: 'POST', handle: handleImages };
  if (rest === '/v1/messages' && !keyless) return { dialect: 'anthropic', keyless: false, completion: true, method: 'POST', handle: handleMessages };
  if (!keyless) {
    const found = elevenLabsRoute(req, rest);
    if (found) return found;
  }
  const model = /^\/v1\/models(?:\/([^/]+))?$/.exec(rest);
  if (!model) return null;
  const id = model[1] === undefined ? null : decodeURIComponent(model[1]);
  if (!keyless && looksAnthropic(req)) return { dialect: 'anthropic', keyless: false, completion: false, method: 'GET', handle: (ctx) => anthropicModels(ctx, id) };
  return { ...openai, completion: false, method: 'GET', handle: (ctx) => openaiModels(ctx, keyless, id) };
}

/**
 * ElevenLabs' routes: its speech, its transcription, and its models and voices (for a request
 * with `xi-api-key`: `/v1/models` is everyone's path).
 * @param {import('node:http').IncomingMessage} req
 * @param {string} path
 * @returns {Route | null}
 */
function elevenLabsRoute(req, path) {
  const eleven = /** @type {const} */ ({ dialect: 'elevenlabs', keyless: false });
  const tts = /^\/v1\/text-to-speech\/([^/]+)(?:\/stream)?$/.exec(path);
  if (tts) {
    const voiceId = decodeURIComponent(tts[1] ?? '');
    return { ...eleven, completion: true, method: 'POST', handle: (ctx) => handleTextToSpeech(ctx, voiceId) };
  }
  if (path === '/v1/speech-to-text') return { ...eleven, completion: true, method: 'POST', multipart: { maxBytes: MAX_ELEVENLABS_UPLOAD }, handle: handleSpeechToText };
  if (path === '/v1/voices') return { ...eleven, completion: false, method: 'GET', handle: handleElevenLabsVoices };
  if (path === '/v1/models' && looksElevenLabs(req)) return { ...eleven, completion: false, method: 'GET', handle: handleElevenLabsModels };
  return null;
}

/**
 * @param {import('./http.mjs').HandlerContext} ctx
 * @param {boolean} keyless
 * @param {string | null} id
 */
function openaiModels(ctx, keyless, id) {
  const list = openaiModelList(keyless ? LOCAL_MODELS : OPENAI_MODELS);
  if (id === null) return sendJson(ctx.res, 200, list, { 'x-request-id': ctx.requestId });
  const found = list.data.find((m) => m.id === id);
  if (found) return sendJson(ctx.res, 200, found, { 'x-request-id': ctx.requestId });
  return sendOpenAIError(ctx, openaiError(404, `The model '${id}' does not exist`, { param: 'model', code: 'model_not_found' }));
}

/**
 * @param {import('./http.mjs').HandlerContext} ctx
 * @param {string | null} id
 */
function anthropicModels(ctx, id) {
  if (id === null) return sendJson(ctx.res, 200, anthropicModelList(), { 'request-id': ctx.requestId });
  const found = ANTHROPIC_MODELS.find((m) => m.id === id);
  if (found) return sendJson(ctx.res, 200, { type: 'model', ...found }, { 'request-id': ctx.requestId });
  return sendAnthropicError(ctx, anthropicError(404, `model: ${id}`, ctx.requestId));
}
