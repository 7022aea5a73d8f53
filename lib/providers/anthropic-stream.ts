/**
 * Reads a Messages stream (message_start, content_block_start/delta/stop, message_delta,
 * message_stop) into a {@link ChatOutcome}. Usage is cumulative: input from message_start, output
 * from message_delta; every report through `onUsage` is the running total, never an increment.
 * Reference: https://platform.claude.com/docs/en/build-with-claude/streaming
 */
import type { RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages';
import type { FinishReason, Usage } from '../protocol/chat';
import { ErrorCode, WalletError } from '../protocol/errors';
import { messages } from '../protocol/messages';
import { finishToolCalls, type ToolCallDraft } from './_intent';
import { JSON_TOOL } from './anthropic-request';
import { readAnthropicEvents } from './anthropic-events';
import { TextBuilder } from '../stream/text-builder';
import type { ChatCallbacks, ChatOutcome } from './types';

export interface ReadOptions {
  label: string;
  /** The requested model, used when the stream names none. */
  model: string;
  /** The answer is the input of {@link JSON_TOOL} (JSON object mode). */
  jsonTool: boolean;
  /** Called on every read of the network (progress for the idle timeout). */
  onProgress?: () => void;
}

function finishReason(raw: string | null | undefined, jsonTool: boolean): FinishReason {
  switch (raw) {
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'tool_use':
      return jsonTool ? 'stop' : 'tool_calls';
    case 'refusal':
      return 'content_filter';
    default:
      return 'stop'; // end_turn, stop_sequence, pause_turn
  }
}

interface UsageCounts {
  input_tokens?: number | null;
  output_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
}

const n = (value: number | null | undefined) => (typeof value === 'number' && value > 0 ? value : 0);

/** Input counts every input token the provider bills, cache writes and reads included. */
function inputOf(u: UsageCounts): number | undefined {
  if (typeof u.input_tokens !== 'number') return undefined;
  return n(u.input_tokens) + n(u.cache_creation_input_tokens) + n(u.cache_read_input_tokens);
}

/**
 * Reads the body of `response` (a Messages stream). Resolves when it ends; an outcome whose
 * `finishReason` is `'error'` means the stream ended without `message_stop` (cut off, or stopped
 * by an abort the caller then reports).
 */
export async function readAnthropicStream(response: Response, callbacks: ChatCallbacks, opts: ReadOptions): Promise<ChatOutcome> {
  const text = new TextBuilder();
  let model = '';
  let usage = null as Usage | null; // assigned in `report`; the cast keeps TS from narrowing it to null
  let stopReason: string | null | undefined;
  let stopped = false;
  const tools = new Map<number, ToolCallDraft & { start: unknown }>();
  let jsonIndex = -1;

  const emit = (piece: string) => {
    if (!piece) return;
    text.append(piece);
    callbacks.onDelta(piece);
  };
  const report = (next: Usage) => {
    usage = next;
    callbacks.onUsage?.(next);
  };

  const onEvent = (event: RawMessageStreamEvent) => {
    switch (event.type) {
      case 'message_start': {
        if (event.message.model) model = event.message.model;
        const u = event.message.usage as UsageCounts | undefined;
        if (u) report({ inputTokens: inputOf(u) ?? 0, outputTokens: n(u.output_tokens) });
        break;
      }
      case 'content_block_start': {
        const block = event.content_block;
        if (block.type === 'text' && !opts.jsonTool) emit(block.text);
        else if (block.type === 'tool_use') {
          tools.set(event.index, { id: block.id, name: block.name, arguments: '', start: block.input });
          if (opts.jsonTool && block.name === JSON_TOOL) jsonIndex = event.index;
        }
        break;
      }
      case 'content_block_delta': {
        const delta = event.delta;
        if (delta.type === 'text_delta' && !opts.jsonTool) emit(delta.text);
        else if (delta.type === 'input_json_delta') {
          const draft = tools.get(event.index);
          if (draft) draft.arguments += delta.partial_json;
          if (event.index === jsonIndex) emit(delta.partial_json);
        }
        break; // thinking, signature and citation deltas are not part of the answer text
      }
      case 'message_delta': {
        stopReason = event.delta.stop_reason;
        const u = event.usage as UsageCounts | undefined;
        if (u) report({ inputTokens: inputOf(u) ?? usage?.inputTokens ?? 0, outputTokens: n(u.output_tokens) });
        break;
      }
      case 'message_stop':
        stopped = true;
        break;
      default:
        break;
    }
  };
  await readAnthropicEvents(response, onEvent, opts.onProgress);

  // A tool whose whole input came in content_block_start (no deltas) keeps that input.
  for (const draft of tools.values()) {
    if (draft.arguments === '' && draft.start && typeof draft.start === 'object' && Object.keys(draft.start).length > 0) {
      draft.arguments = JSON.stringify(draft.start);
      if (opts.jsonTool && draft.name === JSON_TOOL) emit(draft.arguments);
    }
  }
  const onBad = (tool: string) =>
    new WalletError(ErrorCode.provider, messages.providerToolArguments(opts.label, tool), { kind: 'server', status: null });
  const drafts = [...tools.entries()].sort(([a], [b]) => a - b).map(([, d]) => ({ id: d.id, name: d.name, arguments: d.arguments }));

  const reason = stopped ? finishReason(stopReason, opts.jsonTool) : 'error';
  if (opts.jsonTool) {
    const answer = drafts.find((d) => d.name === JSON_TOOL);
    // The answer must be a JSON object, unless it was cut off by max tokens.
    if (reason === 'stop' && answer) finishToolCalls([answer], onBad);
    if (reason === 'stop' && answer && text.length === 0) emit('{}');
    return { text: text.toString(), model: model || opts.model, usage, finishReason: reason };
  }
  const toolCalls = stopped && drafts.length > 0 ? finishToolCalls(drafts, onBad, reason === 'length') : [];
  return { text: text.toString(), model: model || opts.model, usage, finishReason: reason, ...(toolCalls.length > 0 ? { toolCalls } : {}) };
}
