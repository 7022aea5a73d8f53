/**
 * What every provider adapter implements. Adapters run only in the background context: they are
 * the one place a plaintext key is used, for the moment of the call.
 */
import type { ChatRequest, EmbedRequest, FinishReason, ToolCall, Usage } from '../protocol/chat';
import type { GeneratedImage, GenerateImageRequest, SpeechFormat, TranscriptFormat } from '../protocol/media';

/** The wire format a provider speaks. Presets map to one of these. */
export type ProviderKind = 'openai' | 'anthropic' | 'elevenlabs';

/** A key as the adapter needs it: decrypted secret and the SDK base URL. */
export interface ProviderCredentials {
  kind: ProviderKind;
  /** Human name for messages, e.g. `OpenAI`, `Anthropic`, `Groq`. */
  label: string;
  /** Plaintext secret; may be empty for keyless local endpoints (Ollama, LM Studio). */
  secret: string;
  /** The SDK's base URL (OpenAI-style ends with `/v1`; Anthropic's does not); undefined = SDK default. */
  baseUrl?: string;
  /** Abort the call after this many ms without progress; default 120 000. */
  timeoutMs?: number;
}

/** A chat request after the wallet resolved the model and the max-tokens it always sends. */
export type ResolvedChatRequest = Omit<ChatRequest, 'model' | 'maxTokens'> & { model: string; maxTokens: number };

export interface ChatCallbacks {
  /** Called with each piece of text as it streams, in order. */
  onDelta(text: string): void;
  /**
   * Called whenever the provider reports usage (possibly more than once; the last one wins).
   * Each report is a running total, never an increment. Output may lag the streamed text until
   * the final report: Anthropic counts output only at the end (its first report says 1), and
   * OpenAI-style streams report usage only in their last chunk.
   */
  onUsage?(usage: Usage): void;
  /**
   * Resolves when the request may leave the wallet (its pending ledger entry is written). The
   * adapter prepares the call meanwhile but sends nothing before; if it rejects, nothing is sent.
   */
  readyToSend?: Promise<void>;
}

export interface ChatOutcome {
  text: string;
  /** The model the provider says answered. */
  model: string;
  /** Usage as reported by the provider, or null when it reported none. */
  usage: Usage | null;
  finishReason: FinishReason;
  toolCalls?: ToolCall[];
}

export interface EmbedOutcome {
  vectors: number[][];
  model: string;
  usage: { inputTokens: number } | null;
}

/** How a media call is sent: after the pending entry is written, and telling when it left. */
export interface MediaCallbacks {
  /** As {@link ChatCallbacks.readyToSend}: nothing is sent before it resolves; if it rejects, nothing is sent. */
  readyToSend: Promise<void>;
  /** Called as the request goes to the network (what a cut-short call may have been billed for). */
  onSent?(): void;
}

/** A speech request as sent: the model resolved, the format always named. */
export interface SpeechCall {
  model: string;
  text: string;
  voice?: string | undefined;
  format: SpeechFormat;
  instructions?: string | undefined;
  speed?: number | undefined;
}

export interface SpeechOutcome {
  audio: Uint8Array;
  mimeType: string;
  model: string;
}

/** A transcription request as sent: the audio's type measured from its bytes (lib/media/duration.ts). */
export interface TranscriptionCall {
  model: string;
  audio: Uint8Array;
  mimeType: string;
  /** The upload's file name; its extension tells the provider the container. */
  fileName: string;
  language?: string | undefined;
  prompt?: string | undefined;
  responseFormat: TranscriptFormat;
  temperature?: number | undefined;
}

export interface TranscriptionOutcome {
  text: string;
  model: string;
  /** The provider's own body for `text`, `srt`, `vtt` and `verbose_json`. */
  body?: string;
  language?: string;
  /** Tokens, when the provider bills and reports them (gpt-4o-transcribe); null: it did not. */
  usage: Usage | null;
}

export type ImageCall = Omit<GenerateImageRequest, 'model' | 'n'> & { model: string; n: number };

export interface ImageOutcome {
  images: GeneratedImage[];
  model: string;
  /** Tokens, when the provider bills and reports them (gpt-image-1); null: it did not. */
  usage: Usage | null;
}

export interface ProviderAdapter {
  readonly kind: ProviderKind;
  /**
   * Streams a chat. Resolves when the stream ends. Rejects with a WalletError (code 5000 for
   * provider errors, with every secret scrubbed; -32602/4200 for a feature this provider cannot
   * do, checked before any request is sent) or with an `AbortError` when `signal` aborts.
   */
  chat(creds: ProviderCredentials, request: ResolvedChatRequest, callbacks: ChatCallbacks, signal: AbortSignal): Promise<ChatOutcome>;
  /** Lists model ids the key can use. Used to validate a key on save. */
  listModels(creds: ProviderCredentials, signal?: AbortSignal): Promise<string[]>;
  /** Embeddings; an adapter that cannot embed throws 4200. */
  embed(creds: ProviderCredentials, request: EmbedRequest & { model: string }, signal: AbortSignal): Promise<EmbedOutcome>;
  /**
   * Text to speech, the audio read to its end (an abort stops it mid-stream). Absent: the adapter
   * cannot (4200, before anything is sent); likewise for the two below.
   */
  speak?(creds: ProviderCredentials, request: SpeechCall, callbacks: MediaCallbacks, signal: AbortSignal): Promise<SpeechOutcome>;
  transcribe?(creds: ProviderCredentials, request: TranscriptionCall, callbacks: MediaCallbacks, signal: AbortSignal): Promise<TranscriptionOutcome>;
  generateImage?(creds: ProviderCredentials, request: ImageCall, callbacks: MediaCallbacks, signal: AbortSignal): Promise<ImageOutcome>;
}
