/**
 * OpenAI's media routes as byok intents: `POST /audio/speech`
 * (https://platform.openai.com/docs/api-reference/audio/createSpeech) to `speak`,
 * `POST /audio/transcriptions` (multipart; .../audio/createTranscription) to `transcribe`, and
 * `POST /images/generations` (.../images/create) to `generateImage`, and their results back in
 * OpenAI's shapes. A parameter whose answer byok could not give in OpenAI's shape (a stream) is
 * refused even with `unsupported: 'ignore'`: the SDK would misread the answer.
 */
import { HttpError, json, respond } from './_http.js';
import { MAX_AUDIO_BYTES } from './_multipart.js';
import { anyValue, bad, bytesToBase64, checkKeys, compact, isObj, noValue, nowSeconds, optInt, optNumber, refuse, str, type Obj, type TranslateOptions } from './_translate.js';
import { badJson, invalid, tooLarge, unsupported } from './messages.js';
import type { GenerateImageRequest, GenerateImageResult, SpeakRequest, SpeakResult, TranscribeRequest, TranscribeResult, TranscriptFormat } from './types.js';

/** A 400 for a parameter byok cannot answer in the shape the SDK expects, whatever `unsupported` says. */
const cannot = (param: string, why: string): never => {
  throw new HttpError(400, unsupported(param, why), param, 'unsupported_parameter');
};

const optStr = (v: unknown, param: string): string | undefined => (v === undefined || v === null ? undefined : str(v, param));

// ---- speech

/** The MIME type of each `response_format`, for audio whose Blob has no type. */
const AUDIO_TYPES: Record<string, string> = { mp3: 'audio/mpeg', opus: 'audio/ogg', aac: 'audio/aac', flac: 'audio/flac', wav: 'audio/wav', pcm: 'audio/pcm' };

/** A speech body as a byok `SpeakRequest` (`pcm` is passed on: the wallet refuses it with -32602 if it cannot). */
export function fromSpeech(body: Obj, opts: TranslateOptions): SpeakRequest {
  checkKeys(body, new Set(['input', 'model', 'voice', 'instructions', 'response_format', 'speed', 'stream_format']), {}, opts);
  if (body.stream_format === 'sse') cannot('stream_format', "byok answers with the audio file ('audio')");
  if (body.stream_format != null && body.stream_format !== 'audio') bad('stream_format', "'audio' or 'sse'");
  const voice = isObj(body.voice) ? str(body.voice.id, 'voice.id') : optStr(body.voice, 'voice');
  return compact({
    text: str(body.input, 'input'),
    voice,
    model: opts.model(body.model),
    format: optStr(body.response_format, 'response_format') as SpeakRequest['format'],
    instructions: optStr(body.instructions, 'instructions'),
    speed: optNumber(body.speed, 'speed'),
  });
}

/** The audio as OpenAI answers it: the bytes, typed. */
export function toSpeechResponse(r: SpeakResult, format: string | undefined): Response {
  const type = r.audio.type || AUDIO_TYPES[format ?? 'mp3'] || 'application/octet-stream';
  return respond(r.audio, type);
}

// ---- transcription

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

const FORMATS: readonly string[] = ['json', 'text', 'srt', 'verbose_json', 'vtt'];

/** Audio types by file extension, for a part sent without a useful type. */
const EXT_TYPES: Record<string, string> = { mp3: 'audio/mpeg', mpga: 'audio/mpeg', mpeg: 'audio/mpeg', wav: 'audio/wav', m4a: 'audio/mp4', mp4: 'audio/mp4', ogg: 'audio/ogg', oga: 'audio/ogg', webm: 'audio/webm', flac: 'audio/flac' };

/**
 * The part's audio with a type the wallet can check against the bytes: its own, else its file
 * extension's, else none (the wallet sniffs the bytes). The SDKs label untyped parts
 * `application/octet-stream`, which says nothing. No bytes are copied.
 */
function typedAudio(file: Blob): Blob {
  if (file.type && file.type !== 'application/octet-stream') return file;
  const ext = /\.(\w+)$/.exec((file as File).name ?? '')?.[1]?.toLowerCase();
  return new Blob([file], { type: (ext && EXT_TYPES[ext]) || '' });
}

/** A form as an object: `key[]` fields become arrays under `key`, a repeated field its last value. */
function formToObj(form: FormData): Obj {
  const out: Obj = Object.create(null) as Obj;
  form.forEach((v, k) => {
    if (k.endsWith('[]')) {
      const key = k.slice(0, -2);
      const list = Array.isArray(out[key]) ? (out[key] as unknown[]) : (out[key] = []);
      list.push(v);
    } else out[k] = v;
  });
  return out;
}

/** A form field as a number (multipart sends text). */
function formNumber(v: unknown, param: string): number | undefined {
  if (v === undefined || v === '') return undefined;
  const n = typeof v === 'string' ? Number(v) : NaN;
  if (!Number.isFinite(n)) bad(param, 'a number');
  return n;
}

/** A transcription form as a byok `TranscribeRequest` and the `response_format` to answer in. */
export function fromTranscription(form: FormData, opts: TranslateOptions): { req: TranscribeRequest; format: TranscriptFormat } {
  const body = formToObj(form);
  checkKeys(
    body,
    new Set(['file', 'model', 'language', 'prompt', 'response_format', 'temperature', 'stream', 'timestamp_granularities']),
    { chunking_strategy: anyValue, include: noValue, keywords: noValue, languages: noValue, known_speaker_names: noValue, known_speaker_references: noValue },
    opts,
  );
  const file = body.file;
  if (typeof Blob === 'undefined' || !(file instanceof Blob)) bad('file', 'an audio file part');
  if (file.size === 0) bad('file', 'a non-empty audio file');
  if (file.size > MAX_AUDIO_BYTES) throw new HttpError(400, tooLarge('file', MAX_AUDIO_BYTES), 'file', 'invalid_value');
  if (body.stream === 'true') cannot('stream', 'byok answers with the whole transcript');
  const format = (optStr(body.response_format, 'response_format') || 'json') as TranscriptFormat;
  if (!FORMATS.includes(format)) bad('response_format', "'json', 'text', 'srt', 'verbose_json' or 'vtt'");
  const granularities = body.timestamp_granularities;
  if (Array.isArray(granularities) && granularities.some((g) => g !== 'segment')) refuse(opts, 'timestamp_granularities', "byok gives the provider's segments only");
  const model = optStr(body.model, 'model');
  return {
    req: compact({
      audio: typedAudio(file),
      model: opts.model(model),
      language: optStr(body.language, 'language') || undefined,
      prompt: optStr(body.prompt, 'prompt') || undefined,
      responseFormat: format,
      temperature: formNumber(body.temperature, 'temperature'),
    }),
    format,
  };
}

/** The transcript in the asked format: JSON for `json` / `verbose_json`, the provider's text for the others. */
export function toTranscriptionResponse(r: TranscribeResult, format: TranscriptFormat): Response {
  const byok = { provider: r.provider, model: r.model, costUsd: r.costUsd };
  if (format === 'json') return json({ text: r.text, usage: { type: 'duration', seconds: r.usage.seconds }, byok });
  if (format === 'verbose_json') {
    let verbose: Obj = { task: 'transcribe', language: r.language ?? 'unknown', duration: r.usage.seconds, text: r.text, segments: [] };
    if (r.body !== undefined) {
      const parsed = parseJson(r.body);
      if (!isObj(parsed)) throw new HttpError(502, invalid('verbose_json', `JSON from the provider; ${badJson()}`), null, 'provider_error');
      verbose = parsed;
    }
    return json({ ...verbose, byok });
  }
  const text = r.body ?? (format === 'text' ? r.text : undefined);
  if (text === undefined) throw new HttpError(502, invalid(format, 'a body from the provider (the wallet returned only the text)'), null, 'provider_error');
  return respond(text, 'text/plain; charset=utf-8');
}

// ---- images

/** An images body as a byok `GenerateImageRequest`, and whether to answer with `data:` URLs. */
export function fromImages(body: Obj, opts: TranslateOptions): { req: GenerateImageRequest; asUrl: boolean } {
  checkKeys(body, new Set(['prompt', 'model', 'n', 'size', 'quality', 'style', 'background', 'output_format', 'response_format', 'stream']), {
    user: anyValue,
    safety_identifier: anyValue,
    moderation: (v) => v === 'auto',
    output_compression: (v) => v === 100,
    partial_images: (v) => v === 0,
    complexity: noValue,
    frame_count: noValue,
    frame_duration_ms: noValue,
    svg: noValue,
  }, opts);
  if (body.stream === true) cannot('stream', 'byok answers with the whole images');
  const rf = body.response_format;
  if (rf != null && rf !== 'url' && rf !== 'b64_json') bad('response_format', "'url' or 'b64_json'");
  const model = optStr(body.model, 'model');
  return {
    req: compact({
      prompt: str(body.prompt, 'prompt'),
      n: optInt(body.n, 'n'),
      size: optStr(body.size, 'size') as GenerateImageRequest['size'],
      quality: optStr(body.quality, 'quality') as GenerateImageRequest['quality'],
      model: opts.model(model),
      style: optStr(body.style, 'style') as GenerateImageRequest['style'],
      background: optStr(body.background, 'background') as GenerateImageRequest['background'],
      outputFormat: optStr(body.output_format, 'output_format') as GenerateImageRequest['outputFormat'],
    }),
    // OpenAI's default: URLs for the DALL·E models, base64 for the others.
    asUrl: rf === 'url' || (rf == null && !!model?.startsWith('dall-e')),
  };
}

/** The images as OpenAI answers them; a `url` is a `data:` URL (nothing is hosted). */
export async function toImagesResponse(r: GenerateImageResult, asUrl: boolean): Promise<Obj> {
  const data = await Promise.all(
    r.images.map(async ({ blob, revisedPrompt }) => {
      const b64 = bytesToBase64(new Uint8Array(await blob.arrayBuffer()));
      return compact({ [asUrl ? 'url' : 'b64_json']: asUrl ? `data:${blob.type || 'image/png'};base64,${b64}` : b64, revised_prompt: revisedPrompt });
    }),
  );
  return { created: nowSeconds(), data, byok: { provider: r.provider, model: r.model, costUsd: r.costUsd, usage: r.usage } };
}
