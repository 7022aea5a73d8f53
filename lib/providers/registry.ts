/**
 * From a stored key to the adapter and credentials of one call. Kept apart from `presets.ts` so
 * that extension pages can list presets without bundling the provider SDKs.
 */
import { ErrorCode, WalletError } from '../protocol/errors';
import { messages } from '../protocol/messages';
import { anthropicAdapter } from './anthropic';
import { openaiAdapter } from './openai';
import { elevenlabsAdapter } from './elevenlabs';
import { baseUrlFor, presetFor } from './presets';
import type { ProviderAdapter, ProviderCredentials, ProviderKind } from './types';

/** The adapter for a wire format: a closed switch, so no string reaches a property lookup. */
export function adapterFor(kind: ProviderKind): ProviderAdapter {
  switch (kind) {
    case 'openai':
      return openaiAdapter;
    case 'anthropic':
      return anthropicAdapter;
    case 'elevenlabs':
      return elevenlabsAdapter;
    default: {
      const never: never = kind;
      throw new WalletError(ErrorCode.invalidParams, messages.invalidParams('provider', `unknown provider kind ${String(never)}`));
    }
  }
}

/** What a stored key needs: its preset id and its own base URL, if any. */
export interface KeyLike {
  provider: string;
  baseUrl?: string | undefined;
}

function presetOf(key: KeyLike) {
  const preset = presetFor(key.provider);
  if (!preset) throw new WalletError(ErrorCode.invalidParams, messages.invalidParams('provider', `unknown provider ${key.provider}`));
  return preset;
}

/** The adapter for a stored key. */
export function adapterForKey(key: KeyLike): ProviderAdapter {
  return adapterFor(presetOf(key).kind);
}

/** The credentials of one call with `key`, whose decrypted secret is `secret`. */
export function credentialsFor(key: KeyLike, secret: string, timeoutMs?: number): ProviderCredentials {
  const preset = presetOf(key);
  const baseUrl = baseUrlFor(preset.id, key.baseUrl);
  return {
    kind: preset.kind,
    label: preset.label,
    secret,
    ...(baseUrl ? { baseUrl } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  };
}
