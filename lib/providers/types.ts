/**
 * What every provider adapter implements. Adapters run only in the background context: they are
 * the one place a plaintext key is used, for the moment of the call.
 */
import type { ChatRequest, EmbedRequest, FinishReason, ToolCall, Usage } from '../protocol/chat';

/** The wire format a provider speaks. Presets map to one of these. */
export type ProviderKind = 'openai' | 'anthropic';

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
}
