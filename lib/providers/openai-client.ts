/**
 * The official `openai` SDK's client as every OpenAI-wire call makes it: the send gate in its
 * `fetch`, no retries, no logging, and the errors' context (the key to scrub from them).
 */
import OpenAI from 'openai';
import { ErrorCode, WalletError } from '../protocol/errors';
import { messages } from '../protocol/messages';
import { DEFAULT_TIMEOUT_MS } from './_call';
import { fetchAfter } from './send-gate';
import { watchedFetch, type ThrottleWatch } from './extension-throttle';
import type { ErrorContext } from './errors';
import type { ChatCallbacks, MediaCallbacks, ProviderCredentials } from './types';

export const OPENAI_BASE_URL = 'https://api.openai.com/v1';

export interface AdapterOptions {
  /** The `fetch` the SDK uses; tests pass a fake that replays recorded wire traffic. */
  fetch?: typeof globalThis.fetch;
  /** Counts server errors for Chromium's throttling (extension-throttle.ts); tests pass their own. */
  throttle?: ThrottleWatch;
}

export function errorContext(creds: ProviderCredentials): ErrorContext {
  return { label: creds.label, secrets: creds.secret ? [creds.secret] : [], timeoutMs: creds.timeoutMs ?? DEFAULT_TIMEOUT_MS };
}

export function makeClient(creds: ProviderCredentials, opts: AdapterOptions, gate: Pick<ChatCallbacks, 'readyToSend'> & Pick<MediaCallbacks, 'onSent'> = {}): OpenAI {
  // With its `Response`, the SDK skips its FormData probe (a `fetch('data:,')` that would wait at the send gate).
  const fetch = Object.assign(watchedFetch(fetchAfter(gate.readyToSend, opts.fetch, gate.onSent), opts.throttle), { Response });
  const keyless = creds.secret === '';
  return new OpenAI({
    // The SDK needs some key; keyless local servers (Ollama, LM Studio) get no Authorization header.
    apiKey: keyless ? 'keyless' : creds.secret,
    baseURL: creds.baseUrl ?? OPENAI_BASE_URL,
    organization: null,
    project: null,
    adminAPIKey: null,
    webhookSecret: null,
    dangerouslyAllowBrowser: true,
    maxRetries: 0,
    timeout: creds.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    logLevel: 'off',
    fetch,
    ...(keyless ? { defaultHeaders: { Authorization: null } } : {}),
  });
}

export function malformed(label: string, what: string): WalletError {
  return new WalletError(ErrorCode.provider, messages.providerMalformed(label, what), { kind: 'server', status: null });
}

