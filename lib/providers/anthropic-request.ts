/**
 * The chat intent as an Anthropic Messages request (POST /v1/messages, streaming), for the API
 * version the installed SDK sends (`anthropic-version: 2026-10-21`).
 * Reference: https://platform.claude.com/docs/en/api/messages
 *
 * Decisions (see also tests/support/providers/README.md):
 * - System messages before the first user/assistant message become the top-level `system`
 *   (joined by a blank line). A later system message stays where it is, as a `role: 'system'`
 *   message, which this API version accepts; a model that cannot take it answers with a 400.
 * - Consecutive messages of one role are merged (the API wants alternating turns); tool messages
 *   become `tool_result` blocks of a user turn, placed before any other block of that turn.
 * - `seed`, `temperature` and `topP` are refused with 4200: the API has no seed, and this API
 *   version answers 400 to any sampling parameter (the SDK no longer has them).
 * - `responseFormat: json_schema` uses the API's structured outputs (`output_config.format`).
 *   `responseFormat: json` (any JSON object) is emulated: a forced tool whose input schema is
 *   `{ type: 'object' }`; its input streams as the text. It cannot be combined with tools.
 */
import type {
  ContentBlockParam,
  ImageBlockParam,
  MessageCreateParamsStreaming,
  MessageParam,
  TextBlockParam,
  Tool as AnthropicTool,
  ToolChoice as AnthropicToolChoice,
} from '@anthropic-ai/sdk/resources/messages';
import type { Message, Part, ToolChoice } from '../protocol/chat';
import { checkToolChoice, invalid, partsOf, textOnly, unsupported } from './_intent';
import type { ResolvedChatRequest } from './types';

/** The name of the forced tool that carries a `responseFormat: json` answer. */
export const JSON_TOOL = 'json_response';

const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);
type ImageMediaType = 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp';

export interface AnthropicRequest {
  body: MessageCreateParamsStreaming;
  /** True when the answer comes as the input of {@link JSON_TOOL} (JSON object mode). */
  jsonTool: boolean;
}

function image(label: string, url: string, field: string): ImageBlockParam {
  if (url.startsWith('https://')) return { type: 'image', source: { type: 'url', url } };
  const comma = url.indexOf(',');
  const header = comma > 5 ? url.slice(5, comma).toLowerCase() : '';
  const mediaType = header.endsWith(';base64') ? header.slice(0, -';base64'.length) : '';
  if (!url.startsWith('data:') || !mediaType) throw invalid(field, 'must be an https: or data:image/...;base64 URL');
  if (!IMAGE_TYPES.has(mediaType)) throw unsupported(label, `the image type ${mediaType} (${field}); it takes JPEG, PNG, GIF and WebP`);
  return { type: 'image', source: { type: 'base64', media_type: mediaType as ImageMediaType, data: url.slice(comma + 1) } };
}

function blocks(label: string, parts: readonly Part[], field: string): Array<TextBlockParam | ImageBlockParam> {
  const out: Array<TextBlockParam | ImageBlockParam> = [];
  parts.forEach((part, j) => {
    if (part.type === 'image') out.push(image(label, part.url, `${field}[${j}].url`));
    else if (part.text !== '') out.push({ type: 'text', text: part.text }); // the API refuses empty text blocks
  });
  return out;
}

type Role = 'user' | 'assistant';

/** Builds the alternating turns, merging consecutive messages of one role. */
class Turns {
  readonly list: MessageParam[] = [];

  push(role: Role, content: ContentBlockParam[]): void {
    if (content.length === 0) return;
    const last = this.list.at(-1);
    if (last && last.role === role && Array.isArray(last.content)) last.content.push(...content);
    else this.list.push({ role, content });
  }

  system(text: string): void {
    if (text !== '') this.list.push({ role: 'system', content: text });
  }

  /** Tool results first in each user turn, as the API requires; order otherwise kept. */
  done(): MessageParam[] {
    for (const turn of this.list) {
      if (turn.role !== 'user' || !Array.isArray(turn.content)) continue;
      const results = turn.content.filter((b) => b.type === 'tool_result');
      if (results.length > 0) turn.content = [...results, ...turn.content.filter((b) => b.type !== 'tool_result')];
    }
    return this.list;
  }
}

function addMessage(label: string, turns: Turns, message: Message, i: number): void {
  const field = `messages[${i}].content`;
  switch (message.role) {
    case 'system':
      turns.system(textOnly(label, message.content, field, 'system messages'));
      return;
    case 'user': {
      const content = blocks(label, partsOf(message.content), field);
      if (content.length === 0) throw invalid(field, `${label} needs non-empty content`);
      turns.push('user', content);
      return;
    }
    case 'assistant': {
      const text = textOnly(label, message.content, field, 'assistant messages');
      const content: ContentBlockParam[] = text === '' ? [] : [{ type: 'text', text }];
      for (const call of message.toolCalls ?? []) content.push({ type: 'tool_use', id: call.id, name: call.name, input: call.arguments });
      turns.push('assistant', content); // an empty assistant message carries nothing to send
      return;
    }
    case 'tool': {
      const content = typeof message.content === 'string' ? message.content : blocks(label, message.content, field);
      const empty = content === '' || (Array.isArray(content) && content.length === 0);
      turns.push('user', [{ type: 'tool_result', tool_use_id: message.toolCallId, ...(empty ? {} : { content }) }]);
      return;
    }
  }
}

function toolChoice(choice: ToolChoice): AnthropicToolChoice {
  if (typeof choice === 'object') return { type: 'tool', name: choice.name };
  return { type: choice === 'required' ? 'any' : choice };
}

/**
 * The streaming request for `req`. Throws -32602/4200 for what cannot be expressed; never drops
 * a field of the intent.
 */
export function toAnthropicRequest(req: ResolvedChatRequest, label: string): AnthropicRequest {
  if (req.seed !== undefined) throw unsupported(label, 'seed');
  if (req.temperature !== undefined) throw unsupported(label, 'temperature (the Messages API refuses sampling parameters)');
  if (req.topP !== undefined) throw unsupported(label, 'topP (the Messages API refuses sampling parameters)');
  checkToolChoice(req);
  const tools = req.tools ?? [];
  const jsonTool = req.responseFormat?.type === 'json';
  if (jsonTool && tools.length > 0) throw unsupported(label, 'responseFormat json together with tools');

  // The leading system messages are the top-level system prompt.
  let first = 0;
  const system: string[] = [];
  for (; first < req.messages.length; first += 1) {
    const message = req.messages[first];
    if (!message || message.role !== 'system') break;
    const text = textOnly(label, message.content, `messages[${first}].content`, 'system messages');
    if (text !== '') system.push(text);
  }
  const turns = new Turns();
  req.messages.forEach((message, i) => {
    if (i >= first) addMessage(label, turns, message, i);
  });
  const messages = turns.done();
  if (messages.length === 0) throw invalid('messages', `${label} needs at least one user or assistant message`);

  const body: MessageCreateParamsStreaming = { model: req.model, max_tokens: req.maxTokens, messages, stream: true };
  if (system.length > 0) body.system = system.join('\n\n');
  if (tools.length > 0) {
    body.tools = tools.map(
      (tool): AnthropicTool => ({
        name: tool.name,
        ...(tool.description !== undefined ? { description: tool.description } : {}),
        input_schema: tool.parameters as AnthropicTool.InputSchema,
      }),
    );
    if (req.toolChoice !== undefined) body.tool_choice = toolChoice(req.toolChoice);
  }
  if (jsonTool) {
    body.tools = [{ name: JSON_TOOL, description: 'Give your whole answer as one JSON object.', input_schema: { type: 'object' } }];
    body.tool_choice = { type: 'tool', name: JSON_TOOL };
  } else if (req.responseFormat?.type === 'json_schema') {
    body.output_config = { format: { type: 'json_schema', schema: req.responseFormat.schema } };
  }
  if (req.stop) body.stop_sequences = req.stop;
  return { body, jsonTool };
}
