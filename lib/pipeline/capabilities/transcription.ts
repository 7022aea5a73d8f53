/**
 * The `transcribe` capability: bounded by the audio's duration, measured from its bytes in the
 * worker (lib/media/duration.ts) before anything else runs: audio whose length cannot be told is
 * refused (-32602 naming `audio`), never sent unbounded, and a page's type that contradicts the
 * bytes is refused too (naming `audioType`). Priced per minute, metered in whole seconds
 * (rounded up); a model billed by tokens (gpt-4o-transcribe) is bounded by its audio-token and
 * output bounds as well, and charged the tokens it reports.
 */
import type { TranscribeRequest, TranscribeResult } from '../../protocol/media';
import { ErrorCode, WalletError } from '../../protocol/errors';
import { messages } from '../../protocol/messages';
import { audioInfo, type AudioContainer, type AudioInfo } from '../../media/duration';
import type { TranscriptionCall, TranscriptionOutcome } from '../../providers/types';
import { audioFileName } from '../../providers/media-body';
import { DEFAULT_TIMEOUT_MS } from '../../providers/_call';
import type { Capability } from '../capability';
import type { PipelineDeps } from '../deps';
import { runRequest, type RequestCall } from '../pipeline';
import { countMedia, cutShortMedia, tokenBilled, utf8Bytes } from './media-charge';

/** The slowest upload the provider timeout makes room for: 25 MB at 64 KB/s is about 6.5 minutes. */
const SLOWEST_UPLOAD_BYTES_PER_MS = 64;

/**
 * The provider timeout for an upload: the person's setting plus the time the audio takes to go
 * at the slowest rate allowed, since the SDK's timeout runs while the body is still being sent.
 */
export function uploadTimeoutMs(timeoutMs: number | undefined, bytes: number): number {
  return (timeoutMs ?? DEFAULT_TIMEOUT_MS) + Math.ceil(bytes / SLOWEST_UPLOAD_BYTES_PER_MS);
}

/** Audio tokens a second of audio may become: twice the 10 a second OpenAI's audio models count. */
export const AUDIO_TOKENS_PER_SECOND_BOUND = 20;
/** The output cap of OpenAI's transcribe models (2 000 tokens), or a spoken-text bound for longer audio. */
const TRANSCRIPT_TOKENS_BOUND = 2_000;
const TRANSCRIPT_TOKENS_PER_SECOND_BOUND = 20;

/** A transcription request with its audio measured. */
export type MeasuredTranscription = TranscribeRequest & { measured: AudioInfo };

/** The MIME types a page may give each container (a Blob's `type`); others contradict the bytes. */
const TYPES_OF: Readonly<Record<AudioContainer, readonly string[]>> = {
  wav: ['audio/wav', 'audio/x-wav', 'audio/wave', 'audio/vnd.wave'],
  mp3: ['audio/mpeg', 'audio/mp3', 'audio/mpeg3', 'audio/x-mpeg'],
  m4a: ['audio/mp4', 'audio/m4a', 'audio/x-m4a', 'audio/aac', 'video/mp4'],
  ogg: ['audio/ogg', 'audio/opus', 'application/ogg', 'audio/vorbis'],
  flac: ['audio/flac', 'audio/x-flac'],
  webm: ['audio/webm', 'video/webm'],
};

/** A type that says nothing (a Blob without one, or plain bytes) does not contradict the bytes. */
const SAYS_NOTHING = new Set(['', 'application/octet-stream']);

const invalid = (field: string, problem: string) => new WalletError(ErrorCode.invalidParams, messages.invalidParams(field, problem));

/** Measures the audio (throws -32602 naming `audio` or `audioType`): run before the pipeline, on the worker. */
export function measureAudio(request: TranscribeRequest): MeasuredTranscription {
  const measured = audioInfo(request.audio);
  if (!measured) throw invalid('audio', messages.audioUnmeasurable());
  const said = (request.audioType ?? '').split(';')[0]!.trim().toLowerCase();
  if (!SAYS_NOTHING.has(said) && !TYPES_OF[measured.container].includes(said)) {
    throw invalid('audioType', messages.audioTypeContradicts(said, measured.container));
  }
  return { ...request, measured };
}

export const transcription: Capability<MeasuredTranscription, TranscriptionCall, TranscriptionOutcome, TranscribeResult> = {
  kind: 'transcription',
  model: (request) => request.model,
  bound(request, model, _limits, price) {
    const seconds = Math.ceil(request.measured.seconds);
    const units = { seconds };
    const sent: TranscriptionCall = {
      model,
      audio: request.audio,
      mimeType: request.measured.mimeType,
      fileName: audioFileName(request.measured.mimeType),
      language: request.language,
      prompt: request.prompt,
      responseFormat: request.responseFormat ?? 'json',
      temperature: request.temperature,
    };
    if (!tokenBilled(price)) {
      return { sent, upperBound: { inputTokens: 0, outputTokens: 0, units }, inputEstimate: 0, units, estimate: { inputTokens: 0, outputTokens: 0, units } };
    }
    // Billed by tokens, estimated per minute: the bound holds both; without reported usage, the minutes are charged.
    const inputTokens = seconds * AUDIO_TOKENS_PER_SECOND_BOUND + utf8Bytes(request.prompt) + 64;
    const outputTokens = Math.max(TRANSCRIPT_TOKENS_BOUND, seconds * TRANSCRIPT_TOKENS_PER_SECOND_BOUND);
    const estimate = price.perMinute ? { inputTokens: 0, outputTokens: 0, units } : { inputTokens: seconds * 10, outputTokens: seconds * 4, units };
    return { sent, upperBound: { inputTokens, outputTokens, units }, inputEstimate: estimate.inputTokens, units, estimate };
  },
  call({ adapter, creds, request, signal, readyToSend, onSent }) {
    if (!adapter.transcribe) throw new WalletError(ErrorCode.unsupported, messages.unsupportedFeature(creds.label, 'transcription'));
    return adapter.transcribe({ ...creds, timeoutMs: uploadTimeoutMs(creds.timeoutMs, request.audio.byteLength) }, request, { readyToSend, onSent }, signal);
  },
  count: (outcome, bound) => countMedia(bound, outcome.usage, bound.units ?? {}),
  cutShort: cutShortMedia,
  result: (outcome, { model, provider, units, costUsd }) => ({
    text: outcome.text,
    model: outcome.model || model,
    provider,
    usage: { seconds: units?.seconds ?? 0 },
    costUsd,
    ...(outcome.body !== undefined ? { body: outcome.body } : {}),
    ...(outcome.language !== undefined ? { language: outcome.language } : {}),
  }),
};

/** Measures the audio, then runs the pipeline: bad audio is refused before any other stage. */
export const runTranscribe = async (deps: PipelineDeps, call: RequestCall<TranscribeRequest>): Promise<TranscribeResult> =>
  runRequest(deps, transcription, { ...call, request: measureAudio(call.request) });
