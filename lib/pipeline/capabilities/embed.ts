/** The `embed` capability: input only, bounded by its bytes; priced, budgeted and logged like chat. */
import type { EmbedRequest, EmbedResult } from '../../protocol/chat';
import type { EmbedOutcome } from '../../providers/types';
import { tokensForChars } from '../../budget/estimate';
import type { Capability } from '../capability';
import type { PipelineDeps } from '../deps';
import { runRequest, type RequestCall } from '../pipeline';

const bytes = (s: string) => new TextEncoder().encode(s).length;
const inputsOf = (request: EmbedRequest) => (typeof request.input === 'string' ? [request.input] : request.input);

export const embed: Capability<EmbedRequest, EmbedRequest & { model: string }, EmbedOutcome, EmbedResult> = {
  kind: 'embed',
  model: (request) => request.model,
  bound(request, model) {
    const inputs = inputsOf(request);
    // A byte-level tokenizer's tokens each cover at least a byte: bytes, plus a few per input, bound the count.
    const inputTokens = inputs.reduce((n, s) => n + bytes(s) + 8, 0);
    return { sent: { ...request, model }, upperBound: { inputTokens, outputTokens: 0 }, inputEstimate: inputs.reduce((n, s) => n + tokensForChars(s.length), 0) };
  },
  // The SDK's embeddings call has no send gate: it is made once the pending entry is written.
  async call({ adapter, creds, request, signal, readyToSend }) {
    await readyToSend;
    return adapter.embed(creds, request, signal);
  },
  count(outcome, bound) {
    const counted = { inputTokens: outcome.usage?.inputTokens ?? bound.inputEstimate, outputTokens: 0 };
    return { billed: outcome.usage ? counted : null, counted };
  },
  result: (outcome, { model, usage, costUsd }) => ({ vectors: outcome.vectors, model: outcome.model || model, usage: { inputTokens: usage.inputTokens }, costUsd }),
};

export const runEmbed = (deps: PipelineDeps, call: RequestCall<EmbedRequest>): Promise<EmbedResult> => runRequest(deps, embed, call);
