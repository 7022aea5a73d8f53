/**
 * Reads a Chat Completions stream (`chat.completion.chunk` events) into a {@link ChatOutcome}:
 * text deltas go to `onDelta` as they come, tool-call pieces are joined by their `index`, and the
 * usage chunk that `stream_options.include_usage` adds is reported through `onUsage`.
 * Reference: https://platform.openai.com/docs/api-reference/chat-streaming
 */
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { FinishReason, Usage } from '../protocol/chat';
import { ErrorCode, WalletError } from '../protocol/errors';
import { messages } from '../protocol/messages';
import { finishToolCalls, type ToolCallDraft } from './_intent';
import { readOpenAIChunks } from './openai-events';
import { TextBuilder } from '../stream/text-builder';
import type { ChatCallbacks, ChatOutcome } from './types';

export interface ReadOptions {
  label: string;
  /** The requested model, used when the stream names none. */
  model: string;
  /** Called on every read of the network (progress for the idle timeout). */
  onProgress?: () => void;
}

function finishReason(raw: string): FinishReason {
  switch (raw.toLowerCase()) {
    case 'length':
    case 'max_tokens':
      return 'length';
    case 'tool_calls':
    case 'function_call':
      return 'tool_calls';
    case 'content_filter':
      return 'content_filter';
    default:
      return 'stop';
  }
}

function toUsage(usage: NonNullable<ChatCompletionChunk['usage']>): Usage {
  return { inputTokens: Math.max(0, usage.prompt_tokens ?? 0), outputTokens: Math.max(0, usage.completion_tokens ?? 0) };
}

/**
 * The choice with index 0 (servers that send no index mean the first). A loop, not `find`: this
 * runs once per streamed token, and a closure per call is garbage the worker must collect.
 */
function firstChoice(choices: ChatCompletionChunk['choices'] | undefined): ChatCompletionChunk.Choice | undefined {
  if (!choices) return undefined;
  for (let i = 0; i < choices.length; i++) if ((choices[i]!.index ?? 0) === 0) return choices[i];
  return undefined;
}

/** Tool-call pieces keyed by their stream index (servers that omit it get one slot per new id). */
class ToolCallJoiner {
  readonly #slots = new Map<number, ToolCallDraft>();
  #last = -1;

  add(piece: NonNullable<ChatCompletionChunk.Choice.Delta['tool_calls']>[number]): void {
    let index = typeof piece.index === 'number' ? piece.index : this.#last;
    if (typeof piece.index !== 'number' && piece.id && this.#slots.get(index)?.id !== piece.id) index = this.#slots.size;
    this.#last = index;
    const slot = this.#slots.get(index) ?? { id: '', name: '', arguments: '' };
    if (piece.id) slot.id = piece.id;
    if (piece.function?.name && !slot.name) slot.name = piece.function.name;
    if (piece.function?.arguments) slot.arguments += piece.function.arguments;
    this.#slots.set(index, slot);
  }

  get size(): number {
    return this.#slots.size;
  }

  drafts(): ToolCallDraft[] {
    return [...this.#slots.entries()].sort(([a], [b]) => a - b).map(([index, d]) => ({ ...d, id: d.id || `call_${index}` }));
  }
}

/**
 * Reads the body of `response` (a Chat Completions stream). Resolves when it ends; if it ends
 * without a finish reason (cut off, or stopped by an abort the caller then reports), the
 * outcome's `finishReason` is `'error'`.
 */
export async function readOpenAIStream(response: Response, callbacks: ChatCallbacks, opts: ReadOptions): Promise<ChatOutcome> {
  const text = new TextBuilder();
  let model = '';
  let usage: Usage | null = null;
  let reason: FinishReason | null = null;
  const tools = new ToolCallJoiner();

  const onChunk = (chunk: ChatCompletionChunk) => {
    if (!model && typeof chunk.model === 'string' && chunk.model) model = chunk.model;
    if (chunk.usage) {
      usage = toUsage(chunk.usage);
      callbacks.onUsage?.(usage);
    }
    const choice = firstChoice(chunk.choices);
    if (!choice) return;
    if (choice.delta) {
      const { content, refusal, tool_calls: calls } = choice.delta;
      const piece = refusal ? (content ?? '') + refusal : content;
      if (piece) {
        text.append(piece);
        callbacks.onDelta(piece);
      }
      if (calls) for (const call of calls) tools.add(call);
    }
    if (choice.finish_reason) reason = finishReason(choice.finish_reason);
  };
  await readOpenAIChunks(response, onChunk, opts.onProgress);

  const onBad = (tool: string) =>
    new WalletError(ErrorCode.provider, messages.providerToolArguments(opts.label, tool), { kind: 'server', status: null });
  const toolCalls = reason !== null && tools.size > 0 ? finishToolCalls(tools.drafts(), onBad, reason === 'length') : [];
  for (const call of toolCalls) {
    if (!call.name) throw new WalletError(ErrorCode.provider, messages.providerMalformed(opts.label, 'a tool call without a name'), { kind: 'server', status: null });
  }
  // Some servers say 'stop' after tool calls; the contract says 'tool_calls'.
  if (toolCalls.length > 0 && reason === 'stop') reason = 'tool_calls';
  return {
    text: text.toString(),
    model: model || opts.model,
    usage,
    finishReason: reason ?? 'error',
    ...(toolCalls.length > 0 ? { toolCalls } : {}),
  };
}
