/**
 * An in-memory `window.byok` for tests: the page API of the contract (docs/API.md, "The page API") with the
 * wallet's own request schema (lib/protocol/chat.ts), streamed deltas, aborts, usage and cost,
 * tool calls, and any error code on demand. Not shipped (build.mjs leaves test-* files out).
 */
import { ChatRequest as ChatRequestSchema, EmbedRequest as EmbedRequestSchema } from '../../lib/protocol/chat';
import { GenerateImageRequest as GenerateImageSchema, SpeakRequest as SpeakSchema, TranscribeRequest as TranscribeSchema } from '../../lib/protocol/media';
import { parseOrThrow } from '../../lib/protocol/validate';
import type {
  ByokEvent,
  ByokEventMap,
  ByokProvider,
  ChatOptions,
  ChatRequest,
  ChatResult,
  ConnectRequest,
  EmbedRequest,
  EmbedResult,
  FinishReason,
  GenerateImageRequest,
  GenerateImageResult,
  Grant,
  MediaOptions,
  ModelInfo,
  ProviderInfo,
  Scope,
  SpeakRequest,
  SpeakResult,
  ToolCall,
  TranscribeRequest,
  TranscribeResult,
} from './types.js';

/** What the fake answers a chat with. */
export interface FakeReply {
  /** Streamed one delta per chunk; default: the words of a canned answer. */
  chunks?: string[];
  toolCalls?: ToolCall[];
  finishReason?: FinishReason;
  /** Default: the request's model, else the grant's first. */
  model?: string;
}

/** An error the next call rejects with; `afterChunks` lets a chat stream that many first. */
export interface FakeFailure {
  code: number;
  message?: string;
  data?: Record<string, unknown>;
  afterChunks?: number;
  /** Which method fails (default any). */
  method?: 'chat' | 'embed' | 'models' | 'connect' | 'speak' | 'transcribe' | 'generateImage';
}

export interface FakeOptions {
  models?: ModelInfo[];
  reply?: (req: ChatRequest) => FakeReply;
  /** Milliseconds between deltas (default 1). */
  delayMs?: number;
  /** The grant the site starts with (default none). */
  grant?: Grant | null;
  /** The user rejects every approval. */
  rejectConnect?: boolean;
  info?: Partial<ProviderInfo>;
}

export const FAKE_MODELS: ModelInfo[] = [
  { id: 'gpt-4o-mini', provider: 'openai', label: 'GPT-4o mini' },
  { id: 'claude-sonnet-4-5', provider: 'anthropic', label: 'Claude Sonnet 4.5' },
  { id: 'text-embedding-3-small', provider: 'openai', label: 'Embeddings small' },
];

export const CANNED = ['Hello', ' from', ' the', ' fake', ' wallet', '.'];

/** Every scope: what `grantAll()` grants. */
export const ALL_SCOPES: Scope[] = ['chat', 'models', 'embed', 'speech', 'transcription', 'images'];

/** The MIME type of each speech format, as the wallet types the audio Blob. */
export const FAKE_AUDIO_TYPES: Record<string, string> = { mp3: 'audio/mpeg', wav: 'audio/wav', opus: 'audio/ogg', aac: 'audio/aac', flac: 'audio/flac' };

/** The fake's speech: every byte value (binary must come through intact), then the text. */
export const fakeAudio = (text: string): Uint8Array<ArrayBuffer> => {
  const tail = new TextEncoder().encode(text);
  const out = new Uint8Array(256 + tail.length);
  out.forEach((_, i) => (out[i] = i));
  out.set(tail, 256);
  return out;
};

/** The fake's image number `i`: a PNG signature, every byte value, then `i`. */
export const fakeImage = (i: number): Uint8Array<ArrayBuffer> => {
  const out = new Uint8Array(8 + 256 + 1);
  out.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  for (let b = 0; b < 256; b++) out[8 + b] = b;
  out[264] = i;
  return out;
};

/** The fake's transcript of `size` bytes of audio. */
export const fakeTranscript = (size: number) => `A transcript of ${size} bytes.`;

/** The provider bodies the fake returns for the non-JSON formats of a one-second transcript. */
export function fakeTranscriptBody(format: string, text: string, language = 'en'): string | undefined {
  if (format === 'text') return `${text}\n`;
  if (format === 'srt') return `1\n00:00:00,000 --> 00:00:01,000\n${text}\n\n`;
  if (format === 'vtt') return `WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n${text}\n\n`;
  if (format === 'verbose_json') {
    const segment = { id: 0, seek: 0, start: 0, end: 1, text, tokens: [1, 2], temperature: 0, avg_logprob: -0.1, compression_ratio: 1, no_speech_prob: 0 };
    return JSON.stringify({ task: 'transcribe', language, duration: 1, text, segments: [segment], usage: { type: 'duration', seconds: 1 } });
  }
  return undefined;
}

const codedError = (code: number, message: string, data?: Record<string, unknown>) => Object.assign(new Error(message), data ? { code, data } : { code });
const abortError = () => new DOMException('The request was aborted', 'AbortError');

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      reject(abortError());
    }, { once: true });
  });
}

/** Rough tokens: 4 characters each. */
const tokens = (v: unknown) => Math.max(1, Math.ceil(JSON.stringify(v).length / 4));

export class FakeByok implements ByokProvider {
  grant: Grant | null;
  readonly models_: ModelInfo[];
  readonly info: ProviderInfo;
  /** Every call, in order. */
  readonly calls: { method: string; args: unknown[] }[] = [];
  /** The validated chat requests, in order. */
  readonly chatRequests: ChatRequest[] = [];
  /** The validated media requests, in order (a transcription's audio as the Blob the page sent). */
  readonly speakRequests: SpeakRequest[] = [];
  readonly transcribeRequests: TranscribeRequest[] = [];
  readonly imageRequests: GenerateImageRequest[] = [];
  /** Milliseconds a media call takes (default 1): long enough to abort it in a test. */
  mediaDelayMs = 1;
  aborts = 0;
  delayMs: number;
  rejectConnect: boolean;
  reply: (req: ChatRequest) => FakeReply;
  #fail: FakeFailure | undefined;
  #listeners = new Map<string, Set<(...a: unknown[]) => void>>();

  constructor(opts: FakeOptions = {}) {
    this.models_ = opts.models ?? FAKE_MODELS;
    this.grant = opts.grant ?? null;
    this.delayMs = opts.delayMs ?? 1;
    this.rejectConnect = opts.rejectConnect ?? false;
    this.reply = opts.reply ?? (() => ({}));
    this.info = { uuid: 'fake-uuid-1', name: 'byok (fake)', icon: 'data:image/svg+xml,<svg/>', rdns: 'dev.byok.fake', ...opts.info };
  }

  /** The next matching call rejects with this error. */
  failNext(f: FakeFailure): this {
    this.#fail = f;
    return this;
  }

  /** A grant for every model and scope, as if approved earlier. */
  grantAll(): this {
    this.grant = this.#newGrant({ scopes: ALL_SCOPES });
    return this;
  }

  #takeFailure(method: FakeFailure['method']): FakeFailure | undefined {
    const f = this.#fail;
    if (!f || (f.method && f.method !== method)) return undefined;
    this.#fail = undefined;
    return f;
  }

  #throwIfFailing(method: FakeFailure['method']) {
    const f = this.#fail && (this.#fail.afterChunks ?? 0) === 0 ? this.#takeFailure(method) : undefined;
    if (f) throw codedError(f.code, f.message ?? `fake error ${f.code}`, f.data);
  }

  #newGrant(req: ConnectRequest): Grant {
    return {
      origin: 'https://app.example',
      scopes: req.scopes ?? ['chat', 'models', 'embed'],
      models: req.models ?? this.models_.map((m) => m.id),
      budget: req.budget ?? { usd: 1, period: 'month' },
      spentUsd: 0,
      createdAt: Date.now(),
    };
  }

  #authorize(scope: Scope, model?: string): string {
    if (!this.grant) throw codedError(4100, 'https://app.example is not connected: call connect() first');
    if (!this.grant.scopes.includes(scope)) throw codedError(4100, `The scope '${scope}' is not granted to this site`);
    if (model && !this.grant.models.includes(model)) throw codedError(4100, `The model '${model}' is not granted to this site`);
    return model ?? this.grant.models[0] ?? 'none';
  }

  async connect(req: ConnectRequest = {}): Promise<Grant> {
    this.calls.push({ method: 'connect', args: [req] });
    this.#throwIfFailing('connect');
    const covered = this.grant && (req.scopes ?? []).every((s) => this.grant?.scopes.includes(s)) && (req.models ?? []).every((m) => this.grant?.models.includes(m));
    if (covered && this.grant) return this.grant;
    if (this.rejectConnect) throw codedError(4001, 'The user rejected the request');
    this.grant = this.#newGrant(req);
    this.#emit('grantChanged', this.grant);
    return this.grant;
  }

  async getGrant(): Promise<Grant | null> {
    this.calls.push({ method: 'getGrant', args: [] });
    return this.grant;
  }

  async disconnect(): Promise<void> {
    this.calls.push({ method: 'disconnect', args: [] });
    this.grant = null;
    this.#emit('grantChanged', null);
  }

  async models(): Promise<ModelInfo[]> {
    this.calls.push({ method: 'models', args: [] });
    this.#throwIfFailing('models');
    this.#authorize('models');
    return this.models_.filter((m) => this.grant?.models.includes(m.id));
  }

  async embed(raw: EmbedRequest): Promise<EmbedResult> {
    this.calls.push({ method: 'embed', args: [raw] });
    const req = parseOrThrow(EmbedRequestSchema, raw, 'params');
    this.#throwIfFailing('embed');
    const model = this.#authorize('embed', req.model);
    const inputs = typeof req.input === 'string' ? [req.input] : req.input;
    const vectors = inputs.map((s) => [s.length, s.charCodeAt(0) / 100, 0.5, -0.25]);
    return { vectors, model, usage: { inputTokens: tokens(inputs) }, costUsd: 0.000001 };
  }

  async chat(raw: ChatRequest, opts: ChatOptions = {}): Promise<ChatResult> {
    this.calls.push({ method: 'chat', args: [raw] });
    const req = parseOrThrow(ChatRequestSchema, raw, 'params') as ChatRequest;
    this.chatRequests.push(req);
    const { signal, onDelta } = opts;
    const onAbort = () => this.aborts++;
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      if (signal?.aborted) throw abortError();
      this.#throwIfFailing('chat');
      const model = this.#authorize('chat', req.model);
      const reply = this.reply(req);
      const chunks = reply.chunks ?? (reply.toolCalls ? [] : CANNED);
      const failure = this.#fail?.afterChunks ? this.#takeFailure('chat') : undefined;
      let text = '';
      for (const [i, chunk] of chunks.entries()) {
        if (failure && i === failure.afterChunks) throw codedError(failure.code, failure.message ?? `fake error ${failure.code}`, failure.data);
        await sleep(this.delayMs, signal);
        text += chunk;
        onDelta?.(chunk);
      }
      await sleep(0, signal);
      const usage = { inputTokens: tokens(req.messages), outputTokens: chunks.length + (reply.toolCalls?.length ?? 0) * 5 };
      const costUsd = (usage.inputTokens * 0.15 + usage.outputTokens * 0.6) / 1e6;
      if (this.grant) this.grant = { ...this.grant, spentUsd: this.grant.spentUsd + costUsd };
      const result: ChatResult = { text, model: reply.model ?? model, provider: 'openai', usage, costUsd, finishReason: reply.finishReason ?? (reply.toolCalls ? 'tool_calls' : 'stop') };
      if (reply.toolCalls) result.toolCalls = reply.toolCalls;
      return result;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Runs a media call: validated, authorized for `scope` (any model name passes), abortable, failing on demand. */
  async #media<T>(method: 'speak' | 'transcribe' | 'generateImage', scope: Scope, signal: AbortSignal | undefined, run: () => T): Promise<T> {
    const onAbort = () => this.aborts++;
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      if (signal?.aborted) throw abortError();
      this.#throwIfFailing(method);
      this.#authorize(scope);
      await sleep(this.mediaDelayMs, signal);
      return run();
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  async speak(raw: SpeakRequest, opts: MediaOptions = {}): Promise<SpeakResult> {
    this.calls.push({ method: 'speak', args: [raw] });
    const req = parseOrThrow(SpeakSchema, raw, 'params');
    this.speakRequests.push(req);
    return this.#media('speak', 'speech', opts.signal, () => {
      const format = req.format ?? 'mp3';
      const audio = new Blob([fakeAudio(req.text)], { type: FAKE_AUDIO_TYPES[format] });
      return { audio, model: req.model ?? 'tts-1', provider: 'openai', usage: { characters: req.text.length }, costUsd: req.text.length * 15e-6 };
    });
  }

  async transcribe(raw: TranscribeRequest, opts: MediaOptions = {}): Promise<TranscribeResult> {
    this.calls.push({ method: 'transcribe', args: [raw] });
    // The transport's step: the Blob becomes bytes and a type before the wallet's schema sees it.
    const audio = raw.audio instanceof Blob ? new Uint8Array(await raw.audio.arrayBuffer()) : raw.audio;
    const audioType = raw.audioType ?? (raw.audio instanceof Blob && raw.audio.type ? raw.audio.type : undefined);
    parseOrThrow(TranscribeSchema, { ...raw, audio, ...(audioType === undefined ? {} : { audioType }) }, 'params');
    this.transcribeRequests.push(raw);
    return this.#media('transcribe', 'transcription', opts.signal, () => {
      const text = fakeTranscript(audio.byteLength);
      const body = fakeTranscriptBody(raw.responseFormat ?? 'json', text, raw.language ?? 'en');
      const result: TranscribeResult = { text, model: raw.model ?? 'whisper-1', provider: 'openai', usage: { seconds: 1 }, costUsd: 0.0001, language: raw.language ?? 'en' };
      if (body !== undefined) result.body = body;
      return result;
    });
  }

  async generateImage(raw: GenerateImageRequest, opts: MediaOptions = {}): Promise<GenerateImageResult> {
    this.calls.push({ method: 'generateImage', args: [raw] });
    const req = parseOrThrow(GenerateImageSchema, raw, 'params');
    this.imageRequests.push(req);
    return this.#media('generateImage', 'images', opts.signal, () => {
      const n = req.n ?? 1;
      const model = req.model ?? 'gpt-image-1';
      const type = `image/${req.outputFormat ?? 'png'}`;
      const images = Array.from({ length: n }, (_, i) => ({ blob: new Blob([fakeImage(i)], { type }), ...(model === 'dall-e-3' ? { revisedPrompt: `A vivid ${req.prompt}` } : {}) }));
      return { images, model, provider: 'openai', usage: { images: n }, costUsd: n * 0.04 };
    });
  }

  on<E extends ByokEvent>(event: E, fn: ByokEventMap[E]): void {
    const set = this.#listeners.get(event) ?? new Set();
    set.add(fn as (...a: unknown[]) => void);
    this.#listeners.set(event, set);
  }

  off<E extends ByokEvent>(event: E, fn: ByokEventMap[E]): void {
    this.#listeners.get(event)?.delete(fn as (...a: unknown[]) => void);
  }

  #emit(event: ByokEvent, ...args: unknown[]) {
    for (const fn of this.#listeners.get(event) ?? []) fn(...args);
  }

  /** Answers `byok:requestProvider` on `target` with an announce, like the wallet's main-world script. */
  announceOn(target: EventTarget): () => void {
    const announce = () => target.dispatchEvent(new CustomEvent('byok:announceProvider', { detail: Object.freeze({ info: this.info, provider: this }) }));
    target.addEventListener('byok:requestProvider', announce);
    return () => target.removeEventListener('byok:requestProvider', announce);
  }
}

/** A stand-in for the page's `window` in Node: an EventTarget that may hold `byok`. */
export type FakeWindow = EventTarget & { byok?: unknown };

export const fakeWindow = (): FakeWindow => new EventTarget();
