/**
 * The adapter for OpenAI and every OpenAI-compatible server, over the official `openai` SDK.
 * Runs in the background only (MV3 service worker / Firefox background page): hence
 * `dangerouslyAllowBrowser`. No SDK retries: the wallet decides what to retry and charge.
 */
import OpenAI from 'openai';
import { ErrorCode, WalletError } from '../protocol/errors';
import { messages } from '../protocol/messages';
import { DEFAULT_TIMEOUT_MS, withCall } from './_call';
import { fetchAfter } from './send-gate';
import { watchedFetch, type ThrottleWatch } from './extension-throttle';
import type { ErrorContext } from './errors';
import { maxTokensFieldFor, toOpenAIChatRequest } from './openai-request';
import { readOpenAIStream } from './openai-stream';
import type { ChatCallbacks, ProviderAdapter, ProviderCredentials } from './types';

export const OPENAI_BASE_URL = 'https://api.openai.com/v1';

/** `listModels` stops after this many ids (a runaway server cannot fill memory). */
const MAX_MODELS = 2_000;

export interface AdapterOptions {
  /** The `fetch` the SDK uses; tests pass a fake that replays recorded wire traffic. */
  fetch?: typeof globalThis.fetch;
  /** Counts server errors for Chromium's throttling (extension-throttle.ts); tests pass their own. */
  throttle?: ThrottleWatch;
}

function errorContext(creds: ProviderCredentials): ErrorContext {
  return { label: creds.label, secrets: creds.secret ? [creds.secret] : [], timeoutMs: creds.timeoutMs ?? DEFAULT_TIMEOUT_MS };
}

function makeClient(creds: ProviderCredentials, opts: AdapterOptions, gate: Pick<ChatCallbacks, 'readyToSend'> = {}): OpenAI {
  const fetch = watchedFetch(fetchAfter(gate.readyToSend, opts.fetch), opts.throttle);
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

function malformed(label: string, what: string): WalletError {
  return new WalletError(ErrorCode.provider, messages.providerMalformed(label, what), { kind: 'server', status: null });
}

/** An OpenAI-wire adapter; `opts.fetch` replaces the network (tests). */
export function createOpenAIAdapter(opts: AdapterOptions = {}): ProviderAdapter {
  return {
    kind: 'openai',

    async chat(creds, request, callbacks, signal) {
      // Built first: a request the provider cannot take is refused before anything is sent.
      const body = toOpenAIChatRequest(request, { label: creds.label, maxTokensField: maxTokensFieldFor(creds.baseUrl) });
      return withCall(signal, errorContext(creds), async (scope) => {
        const response = await makeClient(creds, opts, callbacks).chat.completions.create(body, { signal: scope.signal }).asResponse();
        scope.touch();
        const outcome = await readOpenAIStream(response, callbacks, { label: creds.label, model: request.model, onProgress: scope.touch });
        scope.settle();
        if (outcome.finishReason === 'error') {
          throw new WalletError(ErrorCode.provider, messages.providerStreamCut(creds.label), { kind: 'network', status: null });
        }
        return outcome;
      });
    },

    async listModels(creds, signal) {
      return withCall(signal, errorContext(creds), async (scope) => {
        const ids: string[] = [];
        for await (const model of makeClient(creds, opts).models.list({ signal: scope.signal })) {
          scope.touch();
          if (typeof model.id === 'string' && model.id) ids.push(model.id);
          if (ids.length >= MAX_MODELS) break;
        }
        return ids;
      });
    },

    async embed(creds, request, signal) {
      const inputs = typeof request.input === 'string' ? [request.input] : request.input;
      return withCall(signal, errorContext(creds), async (scope) => {
        const res = await makeClient(creds, opts).embeddings.create(
          { model: request.model, input: request.input, encoding_format: 'float' },
          { signal: scope.signal },
        );
        const data = [...(res.data ?? [])].sort((a, b) => a.index - b.index);
        const vectors = data.map((d) => d.embedding);
        if (vectors.length !== inputs.length || !vectors.every((v) => Array.isArray(v) && v.every((x) => typeof x === 'number'))) {
          throw malformed(creds.label, `expected ${inputs.length} float vectors`);
        }
        return {
          vectors,
          model: res.model || request.model,
          usage: res.usage && typeof res.usage.prompt_tokens === 'number' ? { inputTokens: res.usage.prompt_tokens } : null,
        };
      });
    },
  };
}

/** The adapter the wallet uses (global `fetch`). */
export const openaiAdapter: ProviderAdapter = createOpenAIAdapter();
