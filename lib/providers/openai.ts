/**
 * The adapter for OpenAI and every OpenAI-compatible server, over the official `openai` SDK.
 * Runs in the background only (MV3 service worker / Firefox background page): hence
 * `dangerouslyAllowBrowser`. No SDK retries: the wallet decides what to retry and charge.
 */
import { ErrorCode, WalletError } from '../protocol/errors';
import { messages } from '../protocol/messages';
import { withCall } from './_call';
import { errorContext, makeClient, malformed, type AdapterOptions } from './openai-client';
import { maxTokensFieldFor, toOpenAIChatRequest } from './openai-request';
import { readOpenAIStream } from './openai-stream';
import { openaiMedia } from './openai-media';
import type { ProviderAdapter } from './types';

export { OPENAI_BASE_URL, type AdapterOptions } from './openai-client';

/** `listModels` stops after this many ids (a runaway server cannot fill memory). */
const MAX_MODELS = 2_000;

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

    ...openaiMedia(opts),
  };
}

/** The adapter the wallet uses (global `fetch`). */
export const openaiAdapter: ProviderAdapter = createOpenAIAdapter();
