/**
 * The chat intent as an OpenAI Chat Completions request (POST /v1/chat/completions, streaming).
 * Reference: https://platform.openai.com/docs/api-reference/chat/create
 */
import type {
  ChatCompletionAssistantMessageParam,
  ChatCompletionContentPart,
  ChatCompletionCreateParamsStreaming,
  ChatCompletionMessageParam,
  ChatCompletionToolChoiceOption,
} from 'openai/resources/chat/completions';
import type { Message, ResponseFormat, ToolChoice } from '../protocol/chat';
import { checkToolChoice, textOnly } from './_intent';
import type { ResolvedChatRequest } from './types';

/** Which field carries the output cap; see {@link maxTokensFieldFor}. */
export type MaxTokensField = 'max_completion_tokens' | 'max_tokens';

/**
 * OpenAI's own API takes `max_completion_tokens` (its reasoning models refuse `max_tokens`);
 * OpenAI-compatible servers (Groq, Together, DeepSeek, Ollama, vLLM, ...) are safest with the
 * older `max_tokens`, which some of them still require. Decided by the base URL's host.
 */
export function maxTokensFieldFor(baseUrl: string | undefined): MaxTokensField {
  if (baseUrl === undefined) return 'max_completion_tokens';
  try {
    return new URL(baseUrl).hostname === 'api.openai.com' ? 'max_completion_tokens' : 'max_tokens';
  } catch {
    return 'max_tokens';
  }
}

function userContent(message: Extract<Message, { role: 'user' }>): string | ChatCompletionContentPart[] {
  if (typeof message.content === 'string') return message.content;
  return message.content.map((part): ChatCompletionContentPart =>
    part.type === 'text' ? { type: 'text', text: part.text } : { type: 'image_url', image_url: { url: part.url } },
  );
}

function assistantMessage(provider: string, message: Extract<Message, { role: 'assistant' }>, i: number): ChatCompletionAssistantMessageParam {
  const text = textOnly(provider, message.content, `messages[${i}].content`, 'assistant messages');
  const calls = message.toolCalls ?? [];
  if (calls.length === 0) return { role: 'assistant', content: text };
  return {
    role: 'assistant',
    content: text === '' ? null : text,
    tool_calls: calls.map((call) => ({
      id: call.id,
      type: 'function',
      function: { name: call.name, arguments: JSON.stringify(call.arguments) },
    })),
  };
}

function toMessage(provider: string, message: Message, i: number): ChatCompletionMessageParam {
  const field = `messages[${i}].content`;
  switch (message.role) {
    case 'system':
      return { role: 'system', content: textOnly(provider, message.content, field, 'system messages') };
    case 'user':
      return { role: 'user', content: userContent(message) };
    case 'assistant':
      return assistantMessage(provider, message, i);
    case 'tool':
      return { role: 'tool', tool_call_id: message.toolCallId, content: textOnly(provider, message.content, field, 'tool messages') };
  }
}

function toolChoice(choice: ToolChoice): ChatCompletionToolChoiceOption {
  return typeof choice === 'string' ? choice : { type: 'function', function: { name: choice.name } };
}

function responseFormat(format: ResponseFormat): ChatCompletionCreateParamsStreaming['response_format'] {
  if (format.type === 'json') return { type: 'json_object' };
  // `strict` is left out: OpenAI's strict mode needs a restricted schema most apps do not write.
  return { type: 'json_schema', json_schema: { name: format.name ?? 'response', schema: format.schema } };
}

export const JSON_MODE_INSTRUCTION = 'Respond with a single JSON object.';

function mentionsJson(req: ResolvedChatRequest): boolean {
  return req.messages.some((m) =>
    typeof m.content === 'string' ? /json/i.test(m.content) : (m.content ?? []).some((p) => p.type === 'text' && /json/i.test(p.text)),
  );
}

export interface OpenAIRequestOptions {
  /** The provider's name in refusals. */
  label: string;
  maxTokensField: MaxTokensField;
}

/**
 * The streaming request for `req`. Throws -32602/4200 for what cannot be expressed; never drops
 * a field of the intent.
 */
export function toOpenAIChatRequest(req: ResolvedChatRequest, opts: OpenAIRequestOptions): ChatCompletionCreateParamsStreaming {
  checkToolChoice(req);
  const tools = req.tools ?? [];
  const body: ChatCompletionCreateParamsStreaming = {
    model: req.model,
    messages: req.messages.map((m, i) => toMessage(opts.label, m, i)),
    stream: true,
    stream_options: { include_usage: true },
    [opts.maxTokensField]: req.maxTokens,
  };
  if (tools.length > 0) {
    body.tools = tools.map((tool) => ({
      type: 'function',
      function: { name: tool.name, ...(tool.description !== undefined ? { description: tool.description } : {}), parameters: tool.parameters },
    }));
  }
  // 'none' without tools means the same as no tools; OpenAI refuses tool_choice without tools.
  if (req.toolChoice !== undefined && tools.length > 0) body.tool_choice = toolChoice(req.toolChoice);
  if (req.responseFormat) body.response_format = responseFormat(req.responseFormat);
  // OpenAI refuses JSON mode unless a message says "JSON"; say it, rather than fail the intent.
  if (req.responseFormat?.type === 'json' && !mentionsJson(req)) {
    body.messages = [{ role: 'system', content: JSON_MODE_INSTRUCTION }, ...body.messages];
  }
  if (req.stop) body.stop = req.stop;
  if (req.temperature !== undefined) body.temperature = req.temperature;
  if (req.topP !== undefined) body.top_p = req.topP;
  if (req.seed !== undefined) body.seed = req.seed;
  return body;
}
