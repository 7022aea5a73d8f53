// @ts-check
/**
 * `POST /v1/audio/speech` (https://platform.openai.com/docs/api-reference/audio/createSpeech):
 * a JSON body (`model`, `input` up to 4 096 characters, `voice`, `response_format`, `speed`,
 * `instructions`) answered with the audio's bytes. The audio lasts 60 ms per character of the
 * input (directives left out) divided by `speed`: WAV and PCM carry a quiet tone, MP3 silent
 * frames; Opus, AAC and FLAC are placeholders of the right type and size (mock/README.md).
 * Directives in `input`: `[[error:STATUS]]`, `[[echo-key]]`, `[[hang]]`, `[[delay:MS]]` (per chunk).
 */
import { mp3Plan, pcmPlan, placeholderPlan, wavPlan } from './audio-files.mjs';
import { sendAudio } from './audio-stream.mjs';
import { parseDirectives } from './directives.mjs';
import { directiveErrorMessage, openaiError } from './errors.mjs';
import { isObject } from './http.mjs';
import { sendOpenAIError } from './openai.mjs';

export const MAX_SPEECH_INPUT = 4096;
/** How long the mock's speech lasts per character, at speed 1. */
export const SECONDS_PER_CHARACTER = 0.06;
export const VOICES = ['alloy', 'ash', 'ballad', 'coral', 'echo', 'fable', 'onyx', 'nova', 'sage', 'shimmer', 'verse', 'marin', 'cedar'];
const FORMATS = ['mp3', 'opus', 'aac', 'flac', 'wav', 'pcm'];
/** The models that take no `instructions` (only gpt-4o-mini-tts does). */
const NO_INSTRUCTIONS = new Set(['tts-1', 'tts-1-hd']);

/**
 * @param {import('./http.mjs').HandlerContext} ctx
 */
export async function handleSpeech(ctx) {
  const { body } = ctx;
  const fail = (/** @type {string} */ message, /** @type {string | null} */ param, /** @type {string | null} */ code = null) => sendOpenAIError(ctx, openaiError(400, message, { param, code }));
  if (!isObject(body)) return fail('The request body must be a JSON object.', null);
  if (typeof body.model !== 'string' || body.model === '') return fail('you must provide a model parameter', 'model');
  if (typeof body.input !== 'string') return fail("Missing required parameter: 'input'.", 'input', 'missing_required_parameter');
  if (body.input.length === 0) return fail("Invalid 'input': string too short. Expected a string with minimum length 1, but got an empty string instead.", 'input', 'string_below_min_length');
  if (body.input.length > MAX_SPEECH_INPUT) {
    return fail(`Invalid 'input': string too long. Expected a string with maximum length ${MAX_SPEECH_INPUT}, but got a string with length ${body.input.length} instead.`, 'input', 'string_above_max_length');
  }
  const voice = isObject(body.voice) ? body.voice.id : body.voice;
  if (voice === undefined) return fail("Missing required parameter: 'voice'.", 'voice', 'missing_required_parameter');
  if (typeof voice !== 'string' || (!VOICES.includes(voice) && !voice.startsWith('voice_'))) {
    return fail(`Invalid value: '${String(voice)}'. Supported values are: ${VOICES.map((v) => `'${v}'`).join(', ')}.`, 'voice', 'invalid_value');
  }
  const format = body.response_format ?? 'mp3';
  if (typeof format !== 'string' || !FORMATS.includes(format)) {
    return fail(`Invalid value: '${String(format)}'. Supported values are: ${FORMATS.map((f) => `'${f}'`).join(', ')}.`, 'response_format', 'invalid_value');
  }
  const speed = body.speed ?? 1;
  if (typeof speed !== 'number' || !(speed >= 0.25 && speed <= 4)) return fail("Invalid 'speed': expected a number between 0.25 and 4.0.", 'speed', 'invalid_value');
  if (body.instructions !== undefined) {
    if (typeof body.instructions !== 'string') return fail("Invalid type for 'instructions': expected a string.", 'instructions', 'invalid_type');
    if (NO_INSTRUCTIONS.has(body.model)) return fail(`Instructions are not supported for model ${body.model}.`, 'instructions', 'unsupported_parameter');
  }
  const directives = parseDirectives(body.input);
  if (directives.errorStatus !== null) {
    const status = directives.errorStatus;
    return sendOpenAIError(ctx, openaiError(status, directiveErrorMessage('openai', status), { code: status === 429 ? 'rate_limit_exceeded' : null }));
  }
  if (directives.echoKey) return fail(`The API key ${ctx.key} is not allowed to use model ${body.model} (mock echo-key).`, null);
  const seconds = speechSeconds(directives.text, speed);
  await sendAudio(ctx, speechPlan(/** @type {import('./audio-files.mjs').AudioFormat} */ (format), seconds), {
    model: body.model,
    format,
    delayMs: directives.delayMs,
    hang: directives.hang,
    headers: { 'x-request-id': ctx.requestId },
  });
}

/**
 * How long the speech of `text` lasts.
 * @param {string} text
 * @param {number} [speed]
 */
export function speechSeconds(text, speed = 1) {
  return Math.max(0.1, (text.length * SECONDS_PER_CHARACTER) / speed);
}

/**
 * The file for a `response_format`: 24 kHz like OpenAI's own PCM, MP3 at 24 kHz / 64 kbps.
 * @param {import('./audio-files.mjs').AudioFormat} format
 * @param {number} seconds
 */
export function speechPlan(format, seconds) {
  if (format === 'wav') return wavPlan(seconds, 24_000);
  if (format === 'pcm') return pcmPlan(seconds, 24_000);
  if (format === 'mp3') return mp3Plan(seconds, 24_000, 64);
  return placeholderPlan(format, seconds);
}
