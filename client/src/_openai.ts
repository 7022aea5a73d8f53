/**
 * The OpenAI REST API (https://platform.openai.com/docs/api-reference/chat) as byok intents:
 * Chat Completions bodies to a `ChatRequest` and back (whole, or as `chat.completion.chunk`
 * events), embeddings and the model list.
 */
import { sse, type StreamEncoder } from './_http.js';
import { anyValue, bad, bytesToBase64, checkKeys, compact, isObj, noValue, nowSeconds, optInt, optNumber, optStop, parseArgs, refuse, str, type Obj, type TranslateOptions } from './_translate.js';
import { badJson } from './messages.js';
import type { ChatMessage, ChatRequest, ChatResult, Content, EmbedRequest, EmbedResult, ModelInfo, Part, ResponseFormat, Tool, ToolCall, ToolChoice } from './types.js';

const CHAT_KNOWN = new Set(['model', 'messages', 'max_tokens', 'max_completion_tokens', 'temperature', 'top_p', 'seed', 'stop', 'tools', 'tool_choice', 'response_format', 'stream', 'stream_options']);

/** Parameters byok honours by doing nothing, when they hold these values; others are refused. */
const CHAT_OTHERS: Record<string, (v: unknown) => boolean> = {
  user: anyValue,
  store: anyValue,
  metadata: anyValue,
  service_tier: anyValue,
  parallel_tool_calls: anyValue,
  prompt_cache_key: anyValue,
  prompt_cache_retention: anyValue,
  prompt_cache_options: anyValue,
  safety_identifier: anyValue,
  n: (v) => v === 1,
  logprobs: (v) => v === false,
  top_logprobs: (v) => v === 0,
  frequency_penalty: (v) => v === 0,
  presence_penalty: (v) => v === 0,
  logit_bias: (v) => isObj(v) && Object.keys(v).length === 0,
  modalities: (v) => Array.isArray(v) && v.every((m) => m === 'text'),
  verbosity: (v) => v === 'medium',
  reasoning_effort: noValue,
  audio: noValue,
  functions: noValue,
  function_call: noValue,
  prediction: noValue,
  web_search_options: noValue,
  moderation: noValue,
};

function content(v: unknown, path: string, images: boolean, opts: TranslateOptions): Content {
  if (typeof v === 'string') return v;
  if (!Array.isArray(v)) bad(path, 'a string or an array of content parts');
  return v.flatMap((p: unknown, j): Part[] => {
    const at = `${path}[${j}]`;
    if (!isObj(p)) bad(at, 'a content part');
    if (p.type === 'text') return [{ type: 'text', text: str(p.text, `${at}.text`) }];
    if (p.type === 'refusal') return [{ type: 'text', text: str(p.refusal, `${at}.refusal`) }];
    if (p.type === 'image_url' && images) {
      const url = isObj(p.image_url) ? p.image_url.url : undefined;
      return [{ type: 'image', url: str(url, `${at}.image_url.url`) }];
    }
    if (p.type === 'image_url' || p.type === 'input_audio' || p.type === 'file') return refuse(opts, `${at}.type`, `byok takes no '${String(p.type)}' part here`) || [];
    bad(`${at}.type`, "'text' or 'image_url'");
  });
}

function toolCalls(v: unknown, path: string, opts: TranslateOptions): ToolCall[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) bad(path, 'an array of tool calls');
  const calls = v.flatMap((tc: unknown, k): ToolCall[] => {
    const at = `${path}[${k}]`;
    if (!isObj(tc) || !isObj(tc.function)) {
      if (isObj(tc) && tc.type !== 'function') return refuse(opts, `${at}.type`, 'byok calls function tools only') || [];
      bad(at, 'a function tool call');
    }
    const f = tc.function;
    return [{ id: str(tc.id, `${at}.id`), name: str(f.name, `${at}.function.name`), arguments: parseArgs(f.arguments, `${at}.function.arguments`) }];
  });
  return calls.length ? calls : undefined;
}

function message(m: unknown, path: string, opts: TranslateOptions): ChatMessage[] {
  if (!isObj(m)) bad(path, 'a message object');
  switch (m.role) {
    case 'system':
    case 'developer':
      return [{ role: 'system', content: content(m.content, `${path}.content`, false, opts) }];
    case 'user':
      return [{ role: 'user', content: content(m.content, `${path}.content`, true, opts) }];
    case 'assistant': {
      if (m.function_call != null) refuse(opts, `${path}.function_call`, 'use tool_calls');
      if (m.audio != null) refuse(opts, `${path}.audio`);
      const calls = toolCalls(m.tool_calls, `${path}.tool_calls`, opts);
      const text = m.content === undefined || m.content === null ? null : content(m.content, `${path}.content`, false, opts);
      return [calls ? { role: 'assistant', content: text, toolCalls: calls } : { role: 'assistant', content: text ?? '' }];
    }
    case 'tool':
      return [{ role: 'tool', toolCallId: str(m.tool_call_id, `${path}.tool_call_id`), content: content(m.content, `${path}.content`, false, opts) }];
    case 'function':
      return refuse(opts, `${path}.role`, "use 'tool' messages") || [];
    default:
      bad(`${path}.role`, "'system', 'developer', 'user', 'assistant' or 'tool'");
  }
}

function tools(v: unknown, opts: TranslateOptions): Tool[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) bad('tools', 'an array');
  const out = v.flatMap((t: unknown, i): Tool[] => {
    const at = `tools[${i}]`;
    if (!isObj(t)) bad(at, 'a tool');
    if (t.type !== 'function' || !isObj(t.function)) return refuse(opts, `${at}.type`, 'byok takes function tools only') || [];
    const f = t.function;
    const description = f.description == null ? undefined : str(f.description, `${at}.function.description`);
    const parameters = isObj(f.parameters) ? f.parameters : { type: 'object', properties: {} };
    return [compact({ name: str(f.name, `${at}.function.name`), description, parameters })];
  });
  return out.length ? out : undefined;
}

function toolChoice(v: unknown, opts: TranslateOptions): ToolChoice | undefined {
  if (v === undefined || v === null) return undefined;
  if (v === 'auto' || v === 'none' || v === 'required') return v;
  if (isObj(v) && v.type === 'function' && isObj(v.function)) return { name: str(v.function.name, 'tool_choice.function.name') };
  if (isObj(v) && typeof v.type === 'string') return refuse(opts, 'tool_choice.type') || undefined;
  bad('tool_choice', "'auto', 'none', 'required' or a function choice");
}

function responseFormat(v: unknown): ResponseFormat | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObj(v)) bad('response_format', 'an object');
  if (v.type === 'text') return undefined;
  if (v.type === 'json_object') return { type: 'json' };
  if (v.type === 'json_schema' && isObj(v.json_schema)) {
    const js = v.json_schema;
    return compact<ResponseFormat>({ type: 'json_schema', name: typeof js.name === 'string' ? js.name : undefined, schema: isObj(js.schema) ? js.schema : {} });
  }
  bad('response_format.type', "'text', 'json_object' or 'json_schema'");
}

/** A Chat Completions body as a byok `ChatRequest`. */
export function fromOpenAIChat(body: unknown, opts: TranslateOptions): ChatRequest {
  if (!isObj(body)) bad('(body)', badJson());
  checkKeys(body, CHAT_KNOWN, CHAT_OTHERS, opts);
  if (!Array.isArray(body.messages) || body.messages.length === 0) bad('messages', 'a non-empty array of messages');
  return compact({
    messages: body.messages.flatMap((m: unknown, i) => message(m, `messages[${i}]`, opts)),
    model: opts.model(body.model),
    maxTokens: optInt(body.max_completion_tokens ?? body.max_tokens, body.max_completion_tokens != null ? 'max_completion_tokens' : 'max_tokens'),
    temperature: optNumber(body.temperature, 'temperature'),
    topP: optNumber(body.top_p, 'top_p'),
    seed: optInt(body.seed, 'seed'),
    stop: optStop(body.stop, 'stop'),
    tools: tools(body.tools, opts),
    toolChoice: toolChoice(body.tool_choice, opts),
    responseFormat: responseFormat(body.response_format),
  });
}

/** Whether the body asks for a stream, and for the final usage chunk. */
export function openaiStreamFlags(body: Obj): { stream: boolean; includeUsage: boolean } {
  const so = body.stream_options;
  return { stream: body.stream === true, includeUsage: isObj(so) && so.include_usage === true };
}

const finishReason = (r: ChatResult) =>
  r.toolCalls?.length ? 'tool_calls' : r.finishReason === 'length' || r.finishReason === 'content_filter' || r.finishReason === 'tool_calls' ? r.finishReason : 'stop';

const usage = (r: ChatResult) => ({
  prompt_tokens: r.usage.inputTokens,
  completion_tokens: r.usage.outputTokens,
  total_tokens: r.usage.inputTokens + r.usage.outputTokens,
});

const toolCall = (tc: ToolCall) => ({ id: tc.id, type: 'function', function: { name: tc.name, arguments: JSON.stringify(tc.arguments) } });

/** A chat result as a `chat.completion`. */
export function toOpenAICompletion(r: ChatResult, id: string): Obj {
  const calls = r.toolCalls?.length ? r.toolCalls.map(toolCall) : undefined;
  return {
    id,
    object: 'chat.completion',
    created: nowSeconds(),
    model: r.model,
    choices: [
      {
        index: 0,
        message: compact({ role: 'assistant', content: r.text || (calls ? null : ''), refusal: null, annotations: [], tool_calls: calls }),
        logprobs: null,
        finish_reason: finishReason(r),
      },
    ],
    usage: usage(r),
    system_fingerprint: null,
    byok: { provider: r.provider, costUsd: r.costUsd },
  };
}

/** `chat.completion.chunk` events exactly as OpenAI streams them, ending with `[DONE]`. */
export function openaiChunks(id: string, requestedModel: string, includeUsage: boolean): StreamEncoder {
  const created = nowSeconds();
  let model = requestedModel;
  let started = false;
  const chunk = (delta: Obj, finish: string | null = null) =>
    sse({ id, object: 'chat.completion.chunk', created, model, system_fingerprint: null, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], ...(includeUsage ? { usage: null } : {}) });
  const head = () => (started ? '' : ((started = true), chunk({ role: 'assistant', content: '', refusal: null })));
  return {
    delta: (text) => head() + chunk({ content: text }),
    end: (r) => {
      model = r.model;
      let out = head();
      r.toolCalls?.forEach((tc, index) => (out += chunk({ tool_calls: [{ index, ...toolCall(tc) }] })));
      out += chunk({}, finishReason(r));
      if (includeUsage) out += sse({ id, object: 'chat.completion.chunk', created, model, system_fingerprint: null, choices: [], usage: usage(r), byok: { provider: r.provider, costUsd: r.costUsd } });
      return out + sse('[DONE]');
    },
  };
}

/** An embeddings body as a byok `EmbedRequest`; `base64` when the app asked for base64 vectors. */
export function fromOpenAIEmbed(body: unknown, opts: TranslateOptions): { req: EmbedRequest; base64: boolean } {
  if (!isObj(body)) bad('(body)', badJson());
  checkKeys(body, new Set(['input', 'model', 'encoding_format']), { user: anyValue, dimensions: noValue }, opts);
  const input = body.input;
  const texts = typeof input === 'string' || (Array.isArray(input) && input.length > 0 && input.every((s) => typeof s === 'string'));
  if (!texts) {
    if (Array.isArray(input) && input.length > 0) refuse({ ...opts, unsupported: 'reject' }, 'input', 'byok embeds text, not token arrays');
    bad('input', 'a string or a non-empty array of strings');
  }
  if (body.encoding_format != null && body.encoding_format !== 'float' && body.encoding_format !== 'base64') bad('encoding_format', "'float' or 'base64'");
  return { req: compact({ input: input as string | string[], model: opts.model(body.model) }), base64: body.encoding_format === 'base64' };
}

/** A vector as base64 of little-endian float32, the way OpenAI sends `encoding_format: 'base64'`. */
export function vectorToBase64(v: number[]): string {
  const view = new DataView(new ArrayBuffer(v.length * 4));
  v.forEach((x, i) => view.setFloat32(i * 4, x, true));
  return bytesToBase64(new Uint8Array(view.buffer));
}

export function toOpenAIEmbeddings(r: EmbedResult, base64: boolean): Obj {
  return {
    object: 'list',
    data: r.vectors.map((v, index) => ({ object: 'embedding', index, embedding: base64 ? vectorToBase64(v) : v })),
    model: r.model,
    usage: { prompt_tokens: r.usage.inputTokens, total_tokens: r.usage.inputTokens },
    byok: { costUsd: r.costUsd },
  };
}

export const toOpenAIModel = (m: ModelInfo): Obj => ({ id: m.id, object: 'model', created: 0, owned_by: m.provider });
