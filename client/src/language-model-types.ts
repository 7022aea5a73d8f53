/**
 * The Prompt API's types (https://webmachinelearning.github.io/prompt-api/) as the byok
 * `LanguageModel` (./language-model.ts) takes and gives them. Types only; nothing here runs.
 */
import type { ByokProvider } from './types.js';

export type Availability = 'unavailable' | 'downloadable' | 'downloading' | 'available';
export type LanguageModelMessageRole = 'system' | 'user' | 'assistant';
export type LanguageModelMessageType = 'text' | 'image' | 'audio';

export interface LanguageModelMessageContent {
  type: LanguageModelMessageType;
  /** Text for `text`; for `image` an https:/data: URL (string or `URL`) or a `Blob`. */
  value: unknown;
}

export interface LanguageModelMessage {
  role: LanguageModelMessageRole;
  content: string | LanguageModelMessageContent[];
  /** On the last, assistant message: the reply continues it. */
  prefix?: boolean;
}

export type LanguageModelPrompt = string | LanguageModelMessage[];

export interface LanguageModelExpected {
  type: LanguageModelMessageType;
  languages?: string[];
}

export interface LanguageModelCreateCoreOptions {
  /** Accepted and reported back; byok has no top-K, so it has no effect. */
  topK?: number;
  /** 0..2; without it the provider's default. */
  temperature?: number;
  expectedInputs?: LanguageModelExpected[];
  expectedOutputs?: LanguageModelExpected[];
  /** byok: the provider to use (default: found by discovery). */
  byok?: ByokProvider;
  /** byok: how long discovery waits, in ms (default 1000). */
  timeoutMs?: number;
}

export interface LanguageModelCreateOptions extends LanguageModelCreateCoreOptions {
  signal?: AbortSignal;
  /** Called at once with a target that fires `downloadprogress` (byok: once, with loaded 1). */
  monitor?: (monitor: EventTarget) => void;
  /** The conversation so far; a `system` message may only come first. */
  initialPrompts?: LanguageModelMessage[];
  /** byok: the model id (default: the site's default model). */
  model?: string;
  /** byok: the most tokens a reply may have. */
  maxTokens?: number;
}

export interface LanguageModelPromptOptions {
  signal?: AbortSignal;
  /** A JSON Schema the reply must follow (the reply is JSON text). */
  responseConstraint?: Record<string, unknown> | RegExp;
  /** Accepted; byok never adds the constraint to the prompt. */
  omitResponseConstraintInput?: boolean;
}

export interface LanguageModelSignalOptions {
  signal?: AbortSignal;
}

export interface LanguageModelParams {
  defaultTopK: number;
  maxTopK: number;
  defaultTemperature: number;
  maxTemperature: number;
}
