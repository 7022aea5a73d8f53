/**
 * The providers byok knows: pure data, safe to import from extension pages (no SDK in here; the
 * adapters live behind `registry.ts`). Every OpenAI-compatible base URL below is the one the
 * provider's own docs give for the OpenAI SDK (checked 2026-11; see tests/support/providers/README.md).
 */
import { isLocalBaseUrl } from './local';
import type { ProviderKind } from './types';
import type { LedgerKind } from '../db/tables/ledger';

export { isLocalBaseUrl } from './local';

/** What a provider can be asked to do: a capability's scope (and the ledger kind it writes). */
export type ProviderCapability = LedgerKind;

export const ALL_CAPABILITIES: readonly ProviderCapability[] = ['chat', 'embed', 'speech', 'transcription', 'images'];

export interface ProviderPreset {
  /** Stored on the key record (`KeyRecord.provider`); never changes. */
  readonly id: string;
  /** The name people see, also used in error messages. */
  readonly label: string;
  /** The wire format, i.e. which adapter talks to it. */
  readonly kind: ProviderKind;
  /** The SDK base URL when the key has none. */
  readonly defaultBaseUrl?: string;
  /** True when a key cannot be saved without a base URL. */
  readonly needsBaseUrl: boolean;
  /** True when the endpoint takes no key (local servers). */
  readonly keyless: boolean;
  /** Where a person gets a key. */
  readonly keyUrl?: string;
  /** Keeps the models of `listModels` a site could use (drops e.g. moderation and realtime models). */
  readonly modelFilter?: (id: string) => boolean;
  /**
   * The capabilities its endpoint serves; a request for another is refused (4200) before
   * anything is sent. Absent: all of them, and the endpoint answers (OpenAI-compatible servers).
   */
  readonly capabilities?: readonly ProviderCapability[];
}

/**
 * OpenAI lists every model of the account; keep the ones a site can be granted: chat, embedding,
 * speech (tts-*), transcription (whisper-*, *-transcribe) and image (dall-e-*, gpt-image-*) models.
 * Realtime, chat-audio, search, moderation, video and computer-use models stay out.
 */
const openaiModels = (id: string): boolean => {
  if (/^(tts-|whisper-|dall-e-|gpt-image-)/.test(id) || /^gpt-4o(-mini)?-(tts|transcribe)/.test(id)) return !/realtime/.test(id);
  return /^(gpt-|o\d|chatgpt-|codex-|text-embedding-)/.test(id) && !/(audio|realtime|transcribe|tts|image|search|instruct|moderation|sora|computer-use)/.test(id);
};

/** Gemini's OpenAI endpoint lists `models/gemini-…` and non-chat models too; Imagen models make images there. */
const geminiModels = (id: string): boolean =>
  /(^|\/)imagen-/.test(id) || (/gemini|embedding/.test(id) && !/(tts|image|live|audio|veo|imagen)/.test(id));

/** Groq serves chat, transcription (whisper-*) and speech (playai-tts) models; its guard models are not for sites. */
const groqModels = (id: string): boolean => !/guard/.test(id);

export const PRESETS: readonly ProviderPreset[] = Object.freeze([
  {
    id: 'openai',
    label: 'OpenAI',
    kind: 'openai',
    defaultBaseUrl: 'https://api.openai.com/v1',
    needsBaseUrl: false,
    keyless: false,
    keyUrl: 'https://platform.openai.com/api-keys',
    modelFilter: openaiModels,
    capabilities: ALL_CAPABILITIES,
  },
  {
    id: 'anthropic',
    label: 'Anthropic',
    kind: 'anthropic',
    defaultBaseUrl: 'https://api.anthropic.com',
    needsBaseUrl: false,
    keyless: false,
    keyUrl: 'https://console.anthropic.com/settings/keys',
    capabilities: ['chat'],
  },
  { id: 'openai-compatible', label: 'OpenAI-compatible', kind: 'openai', needsBaseUrl: true, keyless: false },
  {
    id: 'openrouter',
    label: 'OpenRouter',
    kind: 'openai',
    defaultBaseUrl: 'https://openrouter.ai/api/v1',
    needsBaseUrl: false,
    keyless: false,
    keyUrl: 'https://openrouter.ai/settings/keys',
    capabilities: ['chat', 'embed'],
  },
  {
    id: 'groq',
    label: 'Groq',
    kind: 'openai',
    defaultBaseUrl: 'https://api.groq.com/openai/v1',
    needsBaseUrl: false,
    keyless: false,
    keyUrl: 'https://console.groq.com/keys',
    modelFilter: groqModels,
    capabilities: ['chat', 'transcription', 'speech'],
  },
  {
    id: 'together',
    label: 'Together AI',
    kind: 'openai',
    defaultBaseUrl: 'https://api.together.ai/v1',
    needsBaseUrl: false,
    keyless: false,
    keyUrl: 'https://api.together.ai/settings/api-keys',
    capabilities: ['chat', 'embed'],
  },
  {
    id: 'mistral',
    label: 'Mistral',
    kind: 'openai',
    defaultBaseUrl: 'https://api.mistral.ai/v1',
    needsBaseUrl: false,
    keyless: false,
    keyUrl: 'https://console.mistral.ai/api-keys',
    capabilities: ['chat', 'embed'],
  },
  {
    id: 'deepseek',
    label: 'DeepSeek',
    kind: 'openai',
    // DeepSeek documents https://api.deepseek.com and accepts /v1 "for OpenAI compatibility".
    defaultBaseUrl: 'https://api.deepseek.com/v1',
    needsBaseUrl: false,
    keyless: false,
    keyUrl: 'https://platform.deepseek.com/api_keys',
    capabilities: ['chat'],
  },
  {
    id: 'xai',
    label: 'xAI',
    kind: 'openai',
    defaultBaseUrl: 'https://api.x.ai/v1',
    needsBaseUrl: false,
    keyless: false,
    keyUrl: 'https://console.x.ai',
    capabilities: ['chat'],
  },
  {
    id: 'gemini',
    label: 'Google Gemini',
    kind: 'openai',
    defaultBaseUrl: 'https://generativelanguage.googleapis.com/v1beta/openai',
    needsBaseUrl: false,
    keyless: false,
    keyUrl: 'https://aistudio.google.com/apikey',
    modelFilter: geminiModels,
    capabilities: ['chat', 'embed', 'images'],
  },
  {
    id: 'elevenlabs',
    label: 'ElevenLabs',
    kind: 'elevenlabs',
    defaultBaseUrl: 'https://api.elevenlabs.io',
    needsBaseUrl: false,
    keyless: false,
    keyUrl: 'https://elevenlabs.io/app/settings/api-keys',
    capabilities: ['speech', 'transcription'],
  },
  { id: 'ollama', label: 'Ollama', kind: 'openai', defaultBaseUrl: 'http://localhost:11434/v1', needsBaseUrl: false, keyless: true, capabilities: ['chat', 'embed'] },
  { id: 'lmstudio', label: 'LM Studio', kind: 'openai', defaultBaseUrl: 'http://localhost:1234/v1', needsBaseUrl: false, keyless: true, capabilities: ['chat', 'embed'] },
] satisfies ProviderPreset[]);

const byId = new Map(PRESETS.map((p) => [p.id, p]));

/** The preset stored as `id`, or undefined for an unknown id. */
export function presetFor(id: string): ProviderPreset | undefined {
  return byId.get(id);
}

/** The base URL a key actually uses: its own, else its preset's default (undefined = SDK default). */
export function baseUrlFor(presetId: string, baseUrl?: string): string | undefined {
  return baseUrl || presetFor(presetId)?.defaultBaseUrl;
}

/** The preset whose default base URL has the same origin as `baseUrl` (a custom key on a known host). */
export function presetForBaseUrl(baseUrl: string | undefined): ProviderPreset | undefined {
  if (!baseUrl || isLocalBaseUrl(baseUrl)) return undefined;
  let origin: string;
  try {
    origin = new URL(baseUrl).origin;
  } catch {
    return undefined;
  }
  return PRESETS.find((p) => p.defaultBaseUrl !== undefined && new URL(p.defaultBaseUrl).origin === origin);
}

/** `ids` as the preset keeps them (all of them when it has no filter). */
export function filterModels(presetId: string, ids: readonly string[]): string[] {
  const filter = presetFor(presetId)?.modelFilter;
  return filter ? ids.filter(filter) : [...ids];
}

/** A few current models per preset, offered when a key is saved without its model list. */
const KNOWN_MODELS: Readonly<Record<string, readonly string[]>> = {
  openai: ['gpt-6.1-sol', 'gpt-6-luna', 'gpt-5.6-terra', 'gpt-5.4-mini', 'gpt-4.1-mini', 'gpt-4o-mini', 'text-embedding-3-small'],
  anthropic: ['claude-opus-5-5', 'claude-sonnet-5-5', 'claude-haiku-5-5', 'claude-haiku-4-5'],
  openrouter: ['openai/gpt-4o-mini', 'anthropic/claude-sonnet-4.5'],
  groq: ['llama-3.3-70b-versatile', 'llama-3.1-8b-instant', 'openai/gpt-oss-120b'],
  together: ['openai/gpt-oss-120b', 'meta-llama/Llama-3.3-70B-Instruct-Turbo'],
  mistral: ['mistral-large-latest', 'mistral-small-latest'],
  deepseek: ['deepseek-flash', 'deepseek-v4-pro'],
  xai: ['grok-4', 'grok-4-1-fast-reasoning'],
  gemini: ['gemini-2.5-flash', 'gemini-2.5-pro'],
  elevenlabs: ['eleven_multilingual_v2', 'eleven_flash_v2_5', 'scribe_v1'],
};

/** Model ids to offer for `presetId` when its models could not be listed (may be empty). */
export function knownModels(presetId: string): string[] {
  return Object.hasOwn(KNOWN_MODELS, presetId) ? [...(KNOWN_MODELS[presetId] ?? [])] : [];
}

/** Whether a key of preset `presetId` can serve `capability` (an unknown preset serves nothing). */
export function presetServes(presetId: string, capability: ProviderCapability): boolean {
  const preset = presetFor(presetId);
  return !!preset && (preset.capabilities ?? ALL_CAPABILITIES).includes(capability);
}
