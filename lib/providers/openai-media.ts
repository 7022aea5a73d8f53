/**
 * Speech, transcription and images over the official `openai` SDK (`audio.speech.create`,
 * `audio.transcriptions.create` with a File, `images.generate`), for OpenAI and every
 * OpenAI-compatible server (Groq's transcription, Gemini's images). Nothing is sent before the
 * pending entry is written (the send gate in the client's `fetch`); errors are scrubbed of the key.
 */
import { uploadSource } from '../media/upload-source';
import { ErrorCode, WalletError } from '../protocol/errors';
import { messages } from '../protocol/messages';
import { withCall } from './_call';
import { errorContext, makeClient, malformed, type AdapterOptions } from './openai-client';
import { base64ToBytes, readBytes, SPEECH_MIME, subtitleText } from './media-body';
import type { GeneratedImage } from '../protocol/media';
import type { Usage } from '../protocol/chat';
import type { ImageOutcome, ProviderAdapter, TranscriptionOutcome } from './types';

/** OpenAI's own cap on a speech request's text. */
export const OPENAI_SPEECH_MAX_CHARS = 4_096;
/** OpenAI's speech models (the cap above is theirs; another server's models may take more). */
const OPENAI_SPEECH_MODEL = /^(tts-1|gpt-4o-mini-tts)/;

const DEFAULT_VOICE = 'alloy';

function tokenUsage(usage: unknown): Usage | null {
  const u = usage as { type?: unknown; input_tokens?: unknown; output_tokens?: unknown } | null | undefined;
  if (!u || typeof u.input_tokens !== 'number' || typeof u.output_tokens !== 'number') return null;
  if (u.type !== undefined && u.type !== 'tokens') return null;
  return { inputTokens: u.input_tokens, outputTokens: u.output_tokens };
}

/** A transcription's answer, in each `response_format`. */
export function parseTranscription(raw: string, format: string, model: string, label: string): TranscriptionOutcome {
  if (format === 'text') return { text: raw.trim(), body: raw, model, usage: null };
  if (format === 'srt' || format === 'vtt') return { text: subtitleText(raw), body: raw, model, usage: null };
  let parsed: { text?: unknown; language?: unknown; usage?: unknown };
  try {
    parsed = JSON.parse(raw) as typeof parsed;
  } catch {
    throw malformed(label, 'invalid JSON');
  }
  if (typeof parsed?.text !== 'string') throw malformed(label, 'no transcript text');
  return {
    text: parsed.text,
    model,
    usage: tokenUsage(parsed.usage),
    ...(typeof parsed.language === 'string' ? { language: parsed.language } : {}),
    ...(format === 'verbose_json' ? { body: raw } : {}),
  };
}

export function openaiMedia(opts: AdapterOptions): Required<Pick<ProviderAdapter, 'speak' | 'transcribe' | 'generateImage'>> {
  return {
    async speak(creds, request, callbacks, signal) {
      if (OPENAI_SPEECH_MODEL.test(request.model) && request.text.length > OPENAI_SPEECH_MAX_CHARS) {
        throw new WalletError(ErrorCode.invalidParams, messages.invalidParams('text', messages.speechTooLong(creds.label, OPENAI_SPEECH_MAX_CHARS)));
      }
      return withCall(signal, errorContext(creds), async (scope) => {
        const response = await makeClient(creds, opts, callbacks)
          .audio.speech.create(
            {
              model: request.model,
              input: request.text,
              voice: request.voice ?? DEFAULT_VOICE,
              response_format: request.format,
              ...(request.instructions !== undefined ? { instructions: request.instructions } : {}),
              ...(request.speed !== undefined ? { speed: request.speed } : {}),
            },
            { signal: scope.signal },
          )
          .asResponse();
        scope.touch();
        // Read as it streams: the page's abort (or the idle timer) stops the provider mid-stream.
        const audio = await readBytes(response, creds.label, scope.touch);
        scope.settle();
        return { audio, mimeType: SPEECH_MIME[request.format], model: request.model };
      });
    },

    async transcribe(creds, request, callbacks, signal) {
      // A File over the page's Blob is a view of it (no copy); over bytes (a local app's), a copy.
      const file = new File([uploadSource(request.audio) as Blob | Uint8Array<ArrayBuffer>], request.fileName, { type: request.mimeType });
      return withCall(signal, errorContext(creds), async (scope) => {
        const response = await makeClient(creds, opts, callbacks)
          .audio.transcriptions.create(
            {
              file,
              model: request.model,
              response_format: request.responseFormat,
              ...(request.language !== undefined ? { language: request.language } : {}),
              ...(request.prompt !== undefined ? { prompt: request.prompt } : {}),
              ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
            },
            { signal: scope.signal },
          )
          .asResponse();
        scope.touch();
        const raw = await response.text();
        scope.settle();
        return parseTranscription(raw, request.responseFormat, request.model, creds.label);
      });
    },

    async generateImage(creds, request, callbacks, signal) {
      // gpt-image-* always answers in base64 and refuses `response_format`; the others are asked for it.
      const tokenBilled = /^gpt-image/.test(request.model);
      return withCall(signal, errorContext(creds), async (scope): Promise<ImageOutcome> => {
        const client = makeClient(creds, opts, callbacks);
        const res = await client.images.generate(
          {
            model: request.model,
            prompt: request.prompt,
            n: request.n,
            ...(request.size !== undefined ? { size: request.size } : {}),
            ...(request.quality !== undefined ? { quality: request.quality } : {}),
            ...(request.style !== undefined ? { style: request.style } : {}),
            ...(request.background !== undefined ? { background: request.background } : {}),
            ...(request.outputFormat !== undefined ? { output_format: request.outputFormat } : {}),
            ...(tokenBilled ? {} : { response_format: 'b64_json' as const }),
          },
          { signal: scope.signal },
        );
        scope.touch();
        const mimeType = `image/${request.outputFormat ?? 'png'}`;
        const images: GeneratedImage[] = [];
        for (const item of res.data ?? []) {
          const revised = typeof item.revised_prompt === 'string' ? { revisedPrompt: item.revised_prompt } : {};
          if (typeof item.b64_json === 'string') {
            images.push({ bytes: base64ToBytes(item.b64_json), mimeType, ...revised });
          } else if (typeof item.url === 'string') {
            // A server that answers with URLs anyway: the image is fetched here, the page gets bytes.
            const image = await (opts.fetch ?? globalThis.fetch)(item.url, { signal: scope.signal });
            if (!image.ok) throw malformed(creds.label, `the image URL answered HTTP ${image.status}`);
            const type = image.headers.get('content-type') ?? mimeType;
            images.push({ bytes: await readBytes(image, creds.label, scope.touch), mimeType: type.split(';')[0]!, ...revised });
          }
        }
        scope.settle();
        if (images.length === 0 || images.length > request.n) throw malformed(creds.label, `expected ${request.n} image(s)`);
        return { images, model: request.model, usage: tokenUsage(res.usage) };
      });
    },
  };
}
