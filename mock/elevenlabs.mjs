// @ts-check
/**
 * ElevenLabs (https://elevenlabs.io/docs/api-reference), key in `xi-api-key`:
 * - `POST /v1/text-to-speech/{voice_id}` and `.../stream`: JSON `{ text, model_id, voice_settings }`,
 *   `?output_format=mp3_44100_128` (the default; `mp3_SR_KBPS` and `pcm_SR` are served), the
 *   audio's bytes in chunks, `x-character-count` and `request-id` headers;
 * - `POST /v1/speech-to-text`: multipart `file`, `model_id` (scribe_v1, scribe_v1_experimental),
 *   `language_code` → `{ language_code, language_probability, text, words }`;
 * - `GET /v1/models`, `GET /v1/voices`.
 * Errors are `{ detail: { status, message } }`; a field the request lacks is a 422 with
 * `{ detail: [{ loc, msg, type }] }`. Directives (`[[error:STATUS]]`, `[[hang]]`, `[[delay:MS]]`)
 * in `text` or the upload's file name.
 */
import { audioSeconds, mp3Plan, pcmPlan, sniffAudio } from './audio-files.mjs';
import { sendAudio } from './audio-stream.mjs';
import { parseDirectives } from './directives.mjs';
import { directiveErrorMessage, elevenlabsError, elevenlabsValidationError } from './errors.mjs';
import { isObject, sendJson } from './http.mjs';
import { field } from './multipart.mjs';
import { speechSeconds } from './openai-speech.mjs';
import { untilGone, waitOrGone } from './sse.mjs';
import { trackReply } from './stats.mjs';
import { round, transcriptOf } from './transcript.mjs';

export const ELEVENLABS_VOICES = [
  { voice_id: '21m00Tcm4TlvDq8ikWAM', name: 'Rachel', category: 'premade', labels: { accent: 'american', gender: 'female' } },
  { voice_id: 'JBFqnCBsd6RMkjVDRZzb', name: 'George', category: 'premade', labels: { accent: 'british', gender: 'male' } },
];

export const ELEVENLABS_MODELS = [
  { model_id: 'eleven_multilingual_v2', name: 'Eleven Multilingual v2', can_do_text_to_speech: true, can_do_voice_conversion: true, max_characters_request_free_user: 10_000, max_characters_request_subscribed_user: 10_000, languages: [{ language_id: 'en', name: 'English' }] },
  { model_id: 'eleven_flash_v2_5', name: 'Eleven Flash v2.5', can_do_text_to_speech: true, can_do_voice_conversion: false, max_characters_request_free_user: 40_000, max_characters_request_subscribed_user: 40_000, languages: [{ language_id: 'en', name: 'English' }] },
];

const STT_MODELS = ['scribe_v1', 'scribe_v1_experimental'];
const MAX_TEXT = 40_000;

/** @param {import('./http.mjs').HandlerContext} ctx */
const idHeader = (ctx) => ({ 'request-id': ctx.requestId });

/**
 * @param {import('./http.mjs').HandlerContext} ctx
 * @param {import('./errors.mjs').ErrorReply} error
 */
export function sendElevenLabsError(ctx, error) {
  sendJson(ctx.res, error.status, error.body, { ...error.headers, ...idHeader(ctx) });
}

/**
 * The audio file an `output_format` names, or null for one the mock does not serve.
 * @param {string} outputFormat e.g. `mp3_44100_128`, `pcm_24000`
 * @param {number} seconds
 */
function outputPlan(outputFormat, seconds) {
  const mp3 = /^mp3_(\d+)_(\d+)$/.exec(outputFormat);
  if (mp3) {
    try {
      return mp3Plan(seconds, Number(mp3[1]), Number(mp3[2]));
    } catch {
      return null;
    }
  }
  const pcm = /^pcm_(8000|16000|22050|24000|44100|48000)$/.exec(outputFormat);
  return pcm ? pcmPlan(seconds, Number(pcm[1])) : null;
}

/**
 * `POST /v1/text-to-speech/{voice_id}` (and `/stream`, the same bytes).
 * @param {import('./http.mjs').HandlerContext} ctx
 * @param {string} voiceId
 */
export async function handleTextToSpeech(ctx, voiceId) {
  const { body } = ctx;
  if (!isObject(body)) return sendElevenLabsError(ctx, elevenlabsValidationError('text', 'Field required'));
  if (typeof body.text !== 'string') return sendElevenLabsError(ctx, elevenlabsValidationError('text', 'Field required'));
  if (body.text.trim() === '') return sendElevenLabsError(ctx, elevenlabsError(400, 'The text is empty.', 'empty_text'));
  if (body.text.length > MAX_TEXT) return sendElevenLabsError(ctx, elevenlabsError(400, `The text is ${body.text.length} characters long; the model allows ${MAX_TEXT}.`, 'max_character_limit_exceeded'));
  if (!ELEVENLABS_VOICES.some((v) => v.voice_id === voiceId)) {
    return sendElevenLabsError(ctx, elevenlabsError(404, `A voice with the voice_id ${voiceId} was not found.`, 'voice_not_found'));
  }
  const modelId = typeof body.model_id === 'string' ? body.model_id : 'eleven_multilingual_v2';
  if (!ELEVENLABS_MODELS.some((m) => m.model_id === modelId)) return sendElevenLabsError(ctx, elevenlabsError(400, `A model with model ID ${modelId} does not exist.`, 'model_not_found'));
  const outputFormat = ctx.url.searchParams.get('output_format') ?? 'mp3_44100_128';
  const directives = parseDirectives(body.text);
  if (directives.errorStatus !== null) return sendElevenLabsError(ctx, elevenlabsError(directives.errorStatus, directiveErrorMessage('openai', directives.errorStatus)));
  const plan = outputPlan(outputFormat, speechSeconds(directives.text));
  if (!plan) return sendElevenLabsError(ctx, elevenlabsValidationError('output_format', `Unsupported output format: ${outputFormat}`, 'query'));
  await sendAudio(ctx, plan, {
    model: modelId,
    format: outputFormat,
    delayMs: directives.delayMs,
    hang: directives.hang,
    headers: { ...idHeader(ctx), 'x-character-count': String(body.text.length) },
  });
}

/**
 * `POST /v1/speech-to-text`.
 * @param {import('./http.mjs').HandlerContext} ctx
 */
export async function handleSpeechToText(ctx) {
  const form = ctx.form;
  if (!form) return sendElevenLabsError(ctx, elevenlabsValidationError('file', 'Field required'));
  const modelId = field(form, 'model_id');
  if (!modelId) return sendElevenLabsError(ctx, elevenlabsValidationError('model_id', 'Field required'));
  if (!STT_MODELS.includes(modelId)) return sendElevenLabsError(ctx, elevenlabsError(400, `A model with model ID ${modelId} does not exist.`, 'model_not_found'));
  const file = form.files.find((f) => f.name === 'file');
  if (!file) return sendElevenLabsError(ctx, elevenlabsValidationError('file', 'Field required'));
  const directives = parseDirectives(file.filename);
  if (directives.errorStatus !== null) return sendElevenLabsError(ctx, elevenlabsError(directives.errorStatus, directiveErrorMessage('openai', directives.errorStatus)));
  const kind = file.data.length >= 4 ? sniffAudio(file.data) : null;
  if (!kind) return sendElevenLabsError(ctx, elevenlabsError(400, 'The uploaded file is not a valid audio or video file.', 'invalid_content'));
  if (directives.hang || directives.delayMs > 0) {
    trackReply(ctx.res, ctx.stats);
    if (directives.hang) return untilGone(ctx.res);
    if (!(await waitOrGone(ctx.res, directives.delayMs))) return;
  }
  const seconds = audioSeconds(file.data, kind);
  const text = transcriptOf(file.data);
  sendJson(ctx.res, 200, { language_code: field(form, 'language_code') ?? 'eng', language_probability: 0.98, text, words: scribeWords(text, seconds) }, idHeader(ctx));
}

/**
 * Scribe's `words`: each word and each space between, with times spread over the audio.
 * @param {string} text
 * @param {number} seconds
 */
function scribeWords(text, seconds) {
  const words = text.split(' ');
  const each = seconds / Math.max(1, words.length);
  return words.flatMap((word, i) => {
    const start = round(i * each);
    const end = round((i + 1) * each);
    const item = { text: word, start, end, type: 'word', speaker_id: 'speaker_0', logprob: -0.05 };
    return i === words.length - 1 ? [item] : [item, { text: ' ', start: end, end, type: 'spacing', speaker_id: 'speaker_0', logprob: 0 }];
  });
}

/** @param {import('./http.mjs').HandlerContext} ctx */
export function handleElevenLabsModels(ctx) {
  sendJson(ctx.res, 200, ELEVENLABS_MODELS, idHeader(ctx));
}

/** @param {import('./http.mjs').HandlerContext} ctx */
export function handleElevenLabsVoices(ctx) {
  sendJson(ctx.res, 200, { voices: ELEVENLABS_VOICES }, idHeader(ctx));
}
