/**
 * The page API `window.byok` as the byok contract (docs/API.md, "The page API") defines it: the types an app
 * builder programs against. Types only; nothing here runs.
 */
import type { GenerateImageRequest, GenerateImageResult, MediaOptions, SpeakRequest, SpeakResult, TranscribeRequest, TranscribeResult } from './media-types.js';

export type * from './media-types.js';

/** What a site may be granted. */
export type Scope = 'chat' | 'models' | 'embed' | 'speech' | 'transcription' | 'images';

/** A spending cap for one site. */
export interface Budget {
  usd: number;
  period: 'day' | 'week' | 'month' | 'total';
}

/** What `connect()` asks the user for. Every field is optional. */
export interface ConnectRequest {
  scopes?: Scope[];
  /** Model ids; without it the approval offers every model of the user's keys. */
  models?: string[];
  budget?: Budget;
  /** Shown to the user in the approval window. */
  reason?: string;
}

/** What the user approved for this site (its exact origin). */
export interface Grant {
  origin: string;
  scopes: Scope[];
  models: string[];
  budget: Budget;
  spentUsd: number;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** The model a chat without `model` uses, as the user picked it (the byok wallet sends it; others may not). */
  defaultModel?: string;
}

/** One model the site may use. */
export interface ModelInfo {
  id: string;
  provider: string;
  label: string;
}

export interface TextPart {
  type: 'text';
  text: string;
}

/** An image by `https:` URL or `data:image/...;base64,` URL. */
export interface ImagePart {
  type: 'image';
  url: string;
}

export type Part = TextPart | ImagePart;

export type Content = string | Part[];

/** A tool call the model asked for; `arguments` is already parsed. */
export interface ToolCall {
  id: string;
  name: string;
  arguments: Record<string, unknown>;
}

export interface SystemMessage {
  role: 'system';
  content: Content;
}

export interface UserMessage {
  role: 'user';
  content: Content;
}

export interface AssistantMessage {
  role: 'assistant';
  content: Content | null;
  toolCalls?: ToolCall[];
}

/** The app's answer to one tool call. */
export interface ToolMessage {
  role: 'tool';
  toolCallId: string;
  content: Content;
}

export type ChatMessage = SystemMessage | UserMessage | AssistantMessage | ToolMessage;

/** A tool the model may call; `parameters` is a JSON Schema. */
export interface Tool {
  name: string;
  description?: string;
  parameters: Record<string, unknown>;
}

export type ToolChoice = 'auto' | 'none' | 'required' | { name: string };

export type ResponseFormat =
  | { type: 'json' }
  | { type: 'json_schema'; name?: string; schema: Record<string, unknown> };

/** The chat intent, in full. A wallet that cannot do a part refuses it; nothing is dropped. */
export interface ChatRequest {
  messages: ChatMessage[];
  /** Without it, the site's default model is used. */
  model?: string;
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  seed?: number;
  stop?: string[];
  tools?: Tool[];
  toolChoice?: ToolChoice;
  responseFormat?: ResponseFormat;
}

export interface ChatOptions {
  /** Aborting rejects `chat` with an `AbortError` and stops the provider call upstream. */
  signal?: AbortSignal;
  /** Receives the text as it streams; the deltas concatenated equal `text`. */
  onDelta?: (text: string) => void;
}

export interface Usage {
  inputTokens: number;
  outputTokens: number;
}

export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'aborted' | 'error';

export interface ChatResult {
  text: string;
  /** The model that answered. */
  model: string;
  provider: string;
  usage: Usage;
  costUsd: number;
  finishReason: FinishReason;
  toolCalls?: ToolCall[];
}

export interface EmbedRequest {
  input: string | string[];
  model?: string;
}

export interface EmbedResult {
  vectors: number[][];
  model: string;
  usage: { inputTokens: number };
  costUsd: number;
}

/** The wallet's events and their listeners. */
export interface ByokEventMap {
  lock: () => void;
  unlock: () => void;
  grantChanged: (grant: Grant | null) => void;
}

export type ByokEvent = keyof ByokEventMap;

/** `window.byok`: every method returns a promise; errors carry a numeric `code`. */
export interface ByokProvider {
  connect(req?: ConnectRequest): Promise<Grant>;
  /** The site's grant, or `null`; never prompts. */
  getGrant(): Promise<Grant | null>;
  disconnect(): Promise<void>;
  models(): Promise<ModelInfo[]>;
  embed(req: EmbedRequest): Promise<EmbedResult>;
  chat(req: ChatRequest, opts?: ChatOptions): Promise<ChatResult>;
  /** Text to speech (scope `speech`). */
  speak(req: SpeakRequest, opts?: MediaOptions): Promise<SpeakResult>;
  /** Speech to text (scope `transcription`). */
  transcribe(req: TranscribeRequest, opts?: MediaOptions): Promise<TranscribeResult>;
  /** Image generation (scope `images`). */
  generateImage(req: GenerateImageRequest, opts?: MediaOptions): Promise<GenerateImageResult>;
  on<E extends ByokEvent>(event: E, fn: ByokEventMap[E]): void;
  off<E extends ByokEvent>(event: E, fn: ByokEventMap[E]): void;
}

/** Who announced a provider (EIP-6963 style). */
export interface ProviderInfo {
  uuid: string;
  name: string;
  /** A data: URI of an image. */
  icon: string;
  /** Reverse-DNS id of the wallet, e.g. `dev.byok`. */
  rdns: string;
}

/** The frozen `detail` of a `byok:announceProvider` event. */
export interface ProviderDetail {
  info: ProviderInfo;
  provider: ByokProvider;
}
