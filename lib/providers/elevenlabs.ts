/**
 * The adapter for ElevenLabs: text to speech (POST /v1/text-to-speech/{voice_id}) and speech to
 * text (POST /v1/speech-to-text, multipart), with the key in the `xi-api-key` header.
 *
 * Over `fetch`, not the official ElevenLabs JS SDK: the SDK is not a dependency of the wallet,
 * and it would bring its own retries, its own fetch wrapper and Node fallbacks into the worker,
 * while these are two plain REST calls whose send gate, abort, idle timeout and error scrubbing
 * must be the wallet's own (as the other adapters' are: send-gate.ts, _call.ts, errors.ts).
 * Errors are raised as the `openai` SDK's APIError so they are described and scrubbed exactly
 * like every other provider's (errors.ts).
 */
import { APIConnectionError, APIError } from 'openai';
import { ErrorCode, WalletError } from '../protocol/errors';
import { messages } from '../protocol/messages';
import type { SpeechFormat } from '../protocol/media';
import { withCall } from './_call';
import { errorContext, malformed, type AdapterOptions } from './openai-client';
import { watchedFetch } from './extension-throttle';
import { fetchAfter } from './send-gate';
import { readBytes, SPEECH_MIME } from './media-body';
import { uploadSource } from '../media/upload-source';
import type { ProviderAdapter, ProviderCredentials } from './types';

export const ELEVENLABS_BASE_URL = 'https://api.elevenlabs.io';
/** Its default text-to-speech model, and its speech-to-text one (which /v1/models does not list). */
export const ELEVENLABS_TTS_MODEL = 'eleven_multilingual_v2';
export const ELEVENLABS_STT_MODEL = 'scribe_v1';
/** "Rachel", the voice of ElevenLabs' own examples: used when a request names none. */
export const ELEVENLABS_DEFAULT_VOICE = '21m00Tcm4TlvDq8ikWAM';

/** ElevenLabs' `output_format` for each speech format it can make. */
const OUTPUT_FORMAT: Readonly<Partial<Record<SpeechFormat, string>>> = {
  mp3: 'mp3_44100_128',
  wav: 'wav_44100',
  opus: 'opus_48000_128',
};

const MAX_MODELS = 500;

function unsupported(creds: ProviderCredentials, feature: string): WalletError {
  return new WalletError(ErrorCode.unsupported, messages.unsupportedFeature(creds.label, feature));
}

/** The provider's error, as the `openai` SDK would raise it (so errors.ts describes and scrubs it). */
async function httpError(response: Response): Promise<APIError> {
  const text = await response.text().catch(() => '');
  let detail: { status?: unknown; message?: unknown } | undefined;
  try {
    const body = JSON.parse(text) as { detail?: unknown };
    const d = body?.detail;
    detail = typeof d === 'string' ? { message: d } : Array.isArray(d) ? { message: JSON.stringify(d) } : (d as typeof detail);
  } catch {
    detail = { message: text };
  }
  const message = typeof detail?.message === 'string' ? detail.message : text;
  return APIError.generate(response.status, { message, ...(typeof detail?.status === 'string' ? { code: detail.status } : {}) }, message, response.headers);
}

export function createElevenLabsAdapter(opts: AdapterOptions = {}): ProviderAdapter {
  /** One request: sent once the gate opens, failed as a provider error when not 2xx. */
  async function send(creds: ProviderCredentials, path: string, init: RequestInit, gate: { readyToSend?: Promise<void>; onSent?: () => void }): Promise<Response> {
    const fetch = watchedFetch(fetchAfter(gate.readyToSend, opts.fetch, gate.onSent), opts.throttle) ?? globalThis.fetch;
    const headers = new Headers(init.headers);
    headers.set('xi-api-key', creds.secret);
    let response: Response;
    try {
      response = await fetch(`${(creds.baseUrl ?? ELEVENLABS_BASE_URL).replace(/\/+$/, '')}${path}`, { ...init, headers });
    } catch (error) {
      if (error instanceof WalletError || (error as { name?: unknown })?.name === 'AbortError') throw error;
      throw new APIConnectionError({ cause: error instanceof Error ? error : undefined });
    }
    if (!response.ok) throw await httpError(response);
    return response;
  }

  return {
    kind: 'elevenlabs',

    chat(creds) {
      return Promise.reject(unsupported(creds, 'chat'));
    },

    embed(creds) {
      return Promise.reject(unsupported(creds, 'embeddings'));
    },

    /** The key's check: its models (text to speech), and the speech-to-text model the list leaves out. */
    async listModels(creds, signal) {
      return withCall(signal, errorContext(creds), async (scope) => {
        const response = await send(creds, '/v1/models', { method: 'GET', signal: scope.signal }, {});
        const body = (await response.json()) as unknown;
        if (!Array.isArray(body)) throw malformed(creds.label, 'expected a list of models');
        const ids = body
          .map((m: { model_id?: unknown }) => m?.model_id)
          .filter((id): id is string => typeof id === 'string' && id.length > 0)
          .slice(0, MAX_MODELS);
        return ids.includes(ELEVENLABS_STT_MODEL) ? ids : [...ids, ELEVENLABS_STT_MODEL];
      });
    },

    async speak(creds, request, callbacks, signal) {
      const outputFormat = OUTPUT_FORMAT[request.format];
      if (!outputFormat) throw unsupported(creds, `the speech format '${request.format}'`);
      if (request.instructions !== undefined) throw unsupported(creds, 'speech instructions');
      const voice = encodeURIComponent(request.voice ?? ELEVENLABS_DEFAULT_VOICE);
      const body = {
        text: request.text,
        model_id: request.model,
        ...(request.speed !== undefined ? { voice_settings: { speed: request.speed } } : {}),
      };
      return withCall(signal, errorContext(creds), async (scope) => {
        const response = await send(
          creds,
          `/v1/text-to-speech/${voice}?output_format=${outputFormat}`,
          { method: 'POST', headers: { 'content-type': 'application/json', accept: SPEECH_MIME[request.format] }, body: JSON.stringify(body), signal: scope.signal },
          callbacks,
        );
        scope.touch();
        const audio = await readBytes(response, creds.label, scope.touch);
        scope.settle();
        return { audio, mimeType: SPEECH_MIME[request.format], model: request.model };
      });
    },

    async transcribe(creds, request, callbacks, signal) {
      if (request.responseFormat !== 'json' && request.responseFormat !== 'text') throw unsupported(creds, `the transcript format '${request.responseFormat}'`);
      const form = new FormData();
      form.append('model_id', request.model);
      const source = uploadSource(request.audio);
      // A slice of the page's Blob is a view of it (no copy) with the type the wallet settled on.
      form.append('file', source instanceof Blob ? source.slice(0, source.size, request.mimeType) : new Blob([source as Uint8Array<ArrayBuffer>], { type: request.mimeType }), request.fileName);
      if (request.language !== undefined) form.append('language_code', request.language);
      return withCall(signal, errorContext(creds), async (scope) => {
        const response = await send(creds, '/v1/speech-to-text', { method: 'POST', body: form, signal: scope.signal }, callbacks);
        scope.touch();
        const parsed = (await response.json()) as { text?: unknown; language_code?: unknown };
        scope.settle();
        if (typeof parsed?.text !== 'string') throw malformed(creds.label, 'no transcript text');
        return {
          text: parsed.text,
          model: request.model,
          usage: null,
          ...(typeof parsed.language_code === 'string' ? { language: parsed.language_code } : {}),
          ...(request.responseFormat === 'text' ? { body: parsed.text } : {}),
        };
      });
    },
  };
}

export const elevenlabsAdapter: ProviderAdapter = createElevenLabsAdapter();
