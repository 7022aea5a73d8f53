/** The `chat` capability: a streamed completion, bounded by its input and its max tokens. */
import type { ChatRequest, ChatResult } from '../../protocol/chat';
import type { ChatOutcome, ResolvedChatRequest } from '../../providers/types';
import { inputTokenBound, inputTokenEstimate, tokensForChars } from '../../budget/estimate';
import type { Capability } from '../capability';
import type { PipelineDeps } from '../deps';
import { runRequest, type RequestCall } from '../pipeline';

export const chat: Capability<ChatRequest, ResolvedChatRequest, ChatOutcome, ChatResult> = {
  kind: 'chat',
  // A stream's answer follows its last text at once; the settlement commits meanwhile.
  answersBeforeSettling: true,
  model: (request) => request.model,
  priceInput: (request, model) => inputTokenBound(request, model),
  bound(request, model, limits) {
    // The wallet always sends a max-tokens: what bounds the output it can be billed.
    const maxTokens = Math.min(request.maxTokens ?? limits.defaultMaxTokens, limits.maxOutputTokens ?? Number.MAX_SAFE_INTEGER);
    const inputTokens = inputTokenBound(request, model);
    return { sent: { ...request, model, maxTokens }, upperBound: { inputTokens, outputTokens: maxTokens }, inputEstimate: inputTokenEstimate(request) };
  },
  call: ({ adapter, creds, request, signal, readyToSend, onDelta, onUsage }) => adapter.chat(creds, request, { readyToSend, onDelta, onUsage }, signal),
  count: (outcome, bound) => ({
    billed: outcome.usage,
    counted: outcome.usage ?? { inputTokens: bound.inputEstimate, outputTokens: tokensForChars(outcome.text.length) },
  }),
  result: (outcome, { model, provider, usage, costUsd }) => ({
    text: outcome.text,
    model: outcome.model || model,
    provider,
    usage,
    costUsd,
    finishReason: outcome.finishReason,
    ...(outcome.toolCalls?.length ? { toolCalls: outcome.toolCalls } : {}),
  }),
};

export interface ChatCall extends RequestCall<ChatRequest> {
  onDelta(text: string): void;
}

export const runChat = (deps: PipelineDeps, call: ChatCall): Promise<ChatResult> => runRequest(deps, chat, call);
