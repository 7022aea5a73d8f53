/**
 * The adapter for Anthropic's Messages API, over the official `@anthropic-ai/sdk`. Runs in the
 * background only (MV3 service worker / Firefox background page): hence `dangerouslyAllowBrowser`.
 * No SDK retries and no OpenTelemetry (prompts must not reach any tracer).
 */
import Anthropic from '@anthropic-ai/sdk';
import { ErrorCode, WalletError } from '../protocol/errors';
import { messages } from '../protocol/messages';
import { DEFAULT_TIMEOUT_MS, withCall } from './_call';
import { fetchAfter } from './send-gate';
import { watchedFetch } from './extension-throttle';
import { toAnthropicRequest } from './anthropic-request';
import { readAnthropicStream } from './anthropic-stream';
import type { ErrorContext } from './errors';
import type { AdapterOptions } from './openai';
import type { ChatCallbacks, ProviderAdapter, ProviderCredentials } from './types';

export const ANTHROPIC_BASE_URL = 'https://api.anthropic.com';

const MAX_MODELS = 2_000;

function errorContext(creds: ProviderCredentials): ErrorContext {
  return { label: creds.label, secrets: creds.secret ? [creds.secret] : [], timeoutMs: creds.timeoutMs ?? DEFAULT_TIMEOUT_MS };
}

function makeClient(creds: ProviderCredentials, opts: AdapterOptions, gate: Pick<ChatCallbacks, 'readyToSend'> = {}): Anthropic {
  const fetch = watchedFetch(fetchAfter(gate.readyToSend, opts.fetch), opts.throttle);
  return new Anthropic({
    apiKey: creds.secret,
    baseURL: creds.baseUrl ?? ANTHROPIC_BASE_URL,
    dangerouslyAllowBrowser: true,
    maxRetries: 0,
    timeout: creds.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    logLevel: 'off',
    openTelemetry: false,
    fetch,
  });
}

/** An Anthropic adapter; `opts.fetch` replaces the network (tests). */
export function createAnthropicAdapter(opts: AdapterOptions = {}): ProviderAdapter {
  return {
    kind: 'anthropic',

    async chat(creds, request, callbacks, signal) {
      // Built first: a request the provider cannot take is refused before anything is sent.
      const { body, jsonTool } = toAnthropicRequest(request, creds.label);
      return withCall(signal, errorContext(creds), async (scope) => {
        const response = await makeClient(creds, opts, callbacks).messages.create(body, { signal: scope.signal }).asResponse();
        scope.touch();
        const outcome = await readAnthropicStream(response, callbacks, {
          label: creds.label,
          model: request.model,
          jsonTool,
          onProgress: scope.touch,
        });
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
        for await (const model of makeClient(creds, opts).models.list({}, { signal: scope.signal })) {
          scope.touch();
          if (typeof model.id === 'string' && model.id) ids.push(model.id);
          if (ids.length >= MAX_MODELS) break;
        }
        return ids;
      });
    },

    async embed(creds) {
      throw new WalletError(ErrorCode.unsupported, messages.providerNoEmbeddings(creds.label));
    },
  };
}

/** The adapter the wallet uses (global `fetch`). */
export const anthropicAdapter: ProviderAdapter = createAnthropicAdapter();
