// @ts-check
/**
 * `POST /v1/audio/transcriptions` (https://platform.openai.com/docs/api-reference/audio/createTranscription):
 * multipart/form-data with `file`, `model`, `language`, `prompt`, `response_format`
 * (json, text, srt, verbose_json, vtt), `temperature`, `timestamp_granularities[]`. The server has
 * already parsed the form and refused more than 25 MB (413). The transcript is derived from the
 * bytes (mock/transcript.mjs); the duration is the audio's own (mock/audio-files.mjs).
 * Directives in `prompt` or the file name: `[[error:STATUS]]`, `[[echo-key]]`, `[[hang]]`, `[[delay:MS]]`.
 */
import { audioSeconds, sniffAudio } from './audio-files.mjs';
import { parseDirectives } from './directives.mjs';
import { directiveErrorMessage, openaiError } from './errors.mjs';
import { sendJson } from './http.mjs';
import { field } from './multipart.mjs';
import { sendOpenAIError } from './openai.mjs';
import { untilGone, waitOrGone } from './sse.mjs';
import { trackReply } from './stats.mjs';
import { languageName, round, timedWords, timestamp, transcriptOf } from './transcript.mjs';

/** OpenAI's upload cap, on the whole request body. */
export const MAX_TRANSCRIPTION_BYTES = 25 * 1024 * 1024;
const FORMATS = ['json', 'text', 'srt', 'verbose_json', 'vtt'];
const SUPPORTED_FILES = "['flac', 'm4a', 'mp3', 'mp4', 'mpeg', 'mpga', 'oga', 'ogg', 'wav', 'webm']";

/**
 * @param {import('./http.mjs').HandlerContext} ctx
 */
export async function handleTranscriptions(ctx) {
  const form = ctx.form;
  if (!form) return sendOpenAIError(ctx, openaiError(400, 'Could not parse multipart form'));
  const fail = (/** @type {string} */ message, /** @type {string | null} */ param, /** @type {string | null} */ code = null) => sendOpenAIError(ctx, openaiError(400, message, { param, code }));
  const model = field(form, 'model');
  if (!model) return fail('you must provide a model parameter', 'model');
  const file = form.files.find((f) => f.name === 'file');
  if (!file) return fail("Missing required parameter: 'file'.", 'file', 'missing_required_parameter');
  const tokenModel = model.startsWith('gpt-');
  const format = field(form, 'response_format') ?? 'json';
  if (!FORMATS.includes(format)) return fail(`Invalid value: '${format}'. Supported values are: ${FORMATS.map((f) => `'${f}'`).join(', ')}.`, 'response_format', 'invalid_value');
  if (tokenModel && format !== 'json' && format !== 'text') {
    return fail(`response_format '${format}' is not compatible with model '${model}'. Use 'json' or 'text' instead.`, 'response_format', 'unsupported_value');
  }
  const temperature = Number(field(form, 'temperature') ?? 0);
  if (!(temperature >= 0 && temperature <= 1)) return fail("Invalid 'temperature': expected a number between 0 and 1.", 'temperature', 'invalid_value');
  const granularities = form.fields['timestamp_granularities[]'] ?? [];
  if (granularities.some((g) => g !== 'word' && g !== 'segment')) return fail("Invalid value for 'timestamp_granularities[]': expected 'word' or 'segment'.", 'timestamp_granularities', 'invalid_value');
  const prompt = field(form, 'prompt') ?? '';
  const directives = parseDirectives(`${prompt} ${file.filename}`);
  if (directives.errorStatus !== null) {
    const status = directives.errorStatus;
    return sendOpenAIError(ctx, openaiError(status, directiveErrorMessage('openai', status), { code: status === 429 ? 'rate_limit_exceeded' : null }));
  }
  if (directives.echoKey) return fail(`The API key ${ctx.key} is not allowed to use model ${model} (mock echo-key).`, null);
  const kind = file.data.length >= 4 ? sniffAudio(file.data) : null;
  if (!kind) return fail(`Invalid file format. Supported formats: ${SUPPORTED_FILES}`, 'file', 'invalid_value');
  const seconds = audioSeconds(file.data, kind);
  if (seconds < 0.1) return fail('Audio file is too short. Minimum audio length is 0.1 seconds.', 'file', 'audio_too_short');
  if (directives.hang || directives.delayMs > 0) {
    trackReply(ctx.res, ctx.stats);
    if (directives.hang) return untilGone(ctx.res);
    if (!(await waitOrGone(ctx.res, directives.delayMs))) return;
  }
  const text = transcriptOf(file.data);
  const language = field(form, 'language') ?? 'en';
  const headers = { 'x-request-id': ctx.requestId };
  if (format === 'text') return sendText(ctx.res, `${text}\n`, headers);
  if (format === 'srt') return sendText(ctx.res, `1\n${timestamp(0, ',')} --> ${timestamp(seconds, ',')}\n${text}\n\n`, headers);
  if (format === 'vtt') return sendText(ctx.res, `WEBVTT\n\n${timestamp(0, '.')} --> ${timestamp(seconds, '.')}\n${text}\n\n`, headers);
  const durationUsage = { type: 'duration', seconds: Math.ceil(seconds) };
  if (format === 'verbose_json') {
    const segment = { id: 0, seek: 0, start: 0, end: round(seconds), text: ` ${text}`, tokens: tokensOf(text), temperature, avg_logprob: -0.25, compression_ratio: 1.2, no_speech_prob: 0.01 };
    /** @type {Record<string, unknown>} */
    const verbose = { task: 'transcribe', language: languageName(language), duration: round(seconds), text, segments: [segment], usage: durationUsage };
    if (granularities.includes('word')) verbose.words = timedWords(text, seconds);
    if (granularities.length > 0 && !granularities.includes('segment')) delete verbose.segments;
    return sendJson(ctx.res, 200, verbose, headers);
  }
  if (!tokenModel) return sendJson(ctx.res, 200, { text, usage: durationUsage }, headers);
  const audioTokens = Math.ceil(seconds * 10);
  const textTokens = Math.ceil(prompt.length / 4);
  const outputTokens = Math.ceil(text.length / 4);
  const usage = { type: 'tokens', input_tokens: audioTokens + textTokens, input_token_details: { text_tokens: textTokens, audio_tokens: audioTokens }, output_tokens: outputTokens, total_tokens: audioTokens + textTokens + outputTokens };
  sendJson(ctx.res, 200, { text, usage }, headers);
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {string} text
 * @param {Record<string, string>} headers
 */
function sendText(res, text, headers) {
  res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

/**
 * Stand-in token ids for a segment: one per word.
 * @param {string} text
 */
function tokensOf(text) {
  return text.split(/\s+/).filter(Boolean).map((_, i) => 50_364 + i);
}
