/**
 * Checks and helpers both adapters share when they map the chat intent (docs/API.md, "The page API") to a
 * provider's wire format. Every refusal happens here, before a request is built or sent.
 */
import type { Message, Part, ToolCall } from '../protocol/chat';
import { ErrorCode, WalletError } from '../protocol/errors';
import { messages } from '../protocol/messages';
import type { ResolvedChatRequest } from './types';

/** -32602 naming `field`. */
export function invalid(field: string, problem: string): WalletError {
  return new WalletError(ErrorCode.invalidParams, messages.invalidParams(field, problem));
}

/** 4200: `provider` cannot do `feature` (the feature names the request field). */
export function unsupported(provider: string, feature: string): WalletError {
  return new WalletError(ErrorCode.unsupported, messages.unsupportedFeature(provider, feature));
}

/** The content of a message as parts; `null` and `''` are no parts. */
export function partsOf(content: Message['content'] | null): Part[] {
  if (content == null) return [];
  if (typeof content === 'string') return content === '' ? [] : [{ type: 'text', text: content }];
  return content;
}

/** Text parts only, joined; refuses an image part with 4200 naming its field. */
export function textOnly(provider: string, content: Message['content'] | null, field: string, where: string): string {
  return partsOf(content)
    .map((part, j) => {
      if (part.type !== 'text') throw unsupported(provider, `images in ${where} (${field}[${j}])`);
      return part.text;
    })
    .join('');
}

/** `toolChoice` needs `tools`, and a named choice must name one of them. */
export function checkToolChoice(req: Pick<ResolvedChatRequest, 'tools' | 'toolChoice'>): void {
  const choice = req.toolChoice;
  if (choice === undefined) return;
  const tools = req.tools ?? [];
  if (tools.length === 0 && choice !== 'none') throw invalid('toolChoice', 'needs tools');
  if (typeof choice === 'object' && !tools.some((t) => t.name === choice.name)) {
    throw invalid('toolChoice.name', `'${choice.name}' is not one of the tools`);
  }
}

/** A streamed tool call as it accumulates. */
export interface ToolCallDraft {
  id: string;
  name: string;
  arguments: string;
}

/**
 * The finished tool calls: arguments parsed to an object (`''` is `{}`). Anything else is a 5000
 * error naming the tool, thrown by `onBad`, unless `truncated` (the answer hit max tokens): then
 * the cut-off call is left out, and the finish reason `length` tells the caller why.
 */
export function finishToolCalls(drafts: readonly ToolCallDraft[], onBad: (tool: string) => Error, truncated = false): ToolCall[] {
  const calls: ToolCall[] = [];
  for (const draft of drafts) {
    const text = draft.arguments.trim();
    let parsed: unknown;
    try {
      parsed = text === '' ? {} : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      if (truncated) continue;
      throw onBad(draft.name);
    }
    calls.push({ id: draft.id, name: draft.name, arguments: parsed as Record<string, unknown> });
  }
  return calls;
}
