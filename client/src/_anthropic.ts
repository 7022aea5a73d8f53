/**
 * Anthropic's Messages API (https://docs.anthropic.com/en/api/messages) as byok intents: a
 * `/v1/messages` body to a `ChatRequest` and the result back, whole or as the streaming events
 * (https://docs.anthropic.com/en/api/messages-streaming), plus the model list.
 */
import { sse, type StreamEncoder } from './_http.js';
import { anyValue, bad, checkKeys, compact, isObj, noValue, optInt, optNumber, optStop, refuse, str, type Obj, type TranslateOptions } from './_translate.js';
import { badJson } from './messages.js';
import type { ChatMessage, ChatRequest, ChatResult, Content, ModelInfo, Part, ResponseFormat, Tool, ToolCall, ToolChoice } from './types.js';

const KNOWN = new Set(['model', 'max_tokens', 'messages', 'system', 'stop_sequences', 'temperature', 'top_p', 'tools', 'tool_choice', 'stream', 'output_config', 'output_format']);

const OTHERS: Record<string, (v: unknown) => boolean> = {
  metadata: anyValue,
  service_tier: anyValue,
  cache_control: anyValue,
  inference_geo: anyValue,
  speed: anyValue,
  diagnostics: anyValue,
  user_profile_id: anyValue,
  workspace_id: anyValue,
  thinking: (v) => isObj(v) && v.type === 'disabled',
  top_k: noValue,
  container: noValue,
  mcp_servers: noValue,
  context_management: noValue,
};

function image(source: unknown, at: string, opts: TranslateOptions): Part[] {
  if (isObj(source) && source.type === 'base64') return [{ type: 'image', url: `data:${str(source.media_type, `${at}.source.media_type`)};base64,${str(source.data, `${at}.source.data`)}` }];
  if (isObj(source) && source.type === 'url') return [{ type: 'image', url: str(source.url, `${at}.source.url`) }];
  return refuse(opts, `${at}.source.type`, 'byok takes base64 and url images') || [];
}

/** Text and image blocks as byok parts (a lone text block becomes a string). */
function parts(v: unknown, path: string, opts: TranslateOptions): Content {
  if (typeof v === 'string') return v;
  if (!Array.isArray(v)) bad(path, 'a string or an array of content blocks');
  const out = v.flatMap((b: unknown, j): Part[] => {
    const at = `${path}[${j}]`;
    if (!isObj(b)) bad(at, 'a content block');
    if (b.type === 'text') return [{ type: 'text', text: str(b.text, `${at}.text`) }];
    if (b.type === 'image') return image(b.source, at, opts);
    return refuse(opts, `${at}.type`, `byok takes no '${String(b.type)}' block here`) || [];
  });
  return out.length === 1 && out[0]?.type === 'text' ? out[0].text : out;
}

function userMessage(content: unknown, path: string, opts: TranslateOptions): ChatMessage[] {
  if (!Array.isArray(content)) return [{ role: 'user', content: parts(content, `${path}.content`, opts) }];
  const out: ChatMessage[] = [];
  const rest: unknown[] = [];
  content.forEach((b: unknown, j) => {
    if (!isObj(b) || b.type !== 'tool_result') return void rest.push(b);
    const at = `${path}.content[${j}]`;
    let c = b.content === undefined ? '' : parts(b.content, `${at}.content`, opts);
    if (b.is_error === true) c = typeof c === 'string' ? `Error: ${c}` : [{ type: 'text', text: 'Error:' }, ...c];
    out.push({ role: 'tool', toolCallId: str(b.tool_use_id, `${at}.tool_use_id`), content: c });
  });
  if (rest.length || !out.length) out.push({ role: 'user', content: parts(rest, `${path}.content`, opts) });
  return out;
}

function assistantMessage(content: unknown, path: string, opts: TranslateOptions): ChatMessage {
  if (!Array.isArray(content)) return { role: 'assistant', content: parts(content, `${path}.content`, opts) };
  const calls: ToolCall[] = [];
  const texts: Part[] = [];
  content.forEach((b: unknown, j) => {
    const at = `${path}.content[${j}]`;
    if (!isObj(b)) bad(at, 'a content block');
    if (b.type === 'text') texts.push({ type: 'text', text: str(b.text, `${at}.text`) });
    else if (b.type === 'tool_use') calls.push({ id: str(b.id, `${at}.id`), name: str(b.name, `${at}.name`), arguments: isObj(b.input) ? b.input : {} });
    // Earlier turns' thinking is not sent back to a model by Anthropic either.
    else if (b.type !== 'thinking' && b.type !== 'redacted_thinking') refuse(opts, `${at}.type`, `byok takes no '${String(b.type)}' block here`);
  });
  const text = texts.map((t) => (t.type === 'text' ? t.text : '')).join('');
  return calls.length ? { role: 'assistant', content: text || null, toolCalls: calls } : { role: 'assistant', content: text };
}

function system(v: unknown): ChatMessage[] {
  if (v === undefined || v === null) return [];
  if (typeof v === 'string') return v ? [{ role: 'system', content: v }] : [];
  if (!Array.isArray(v)) bad('system', 'a string or an array of text blocks');
  const text = v.map((b: unknown, i) => (isObj(b) && b.type === 'text' ? str(b.text, `system[${i}].text`) : bad(`system[${i}]`, 'a text block'))).join('\n');
  return text ? [{ role: 'system', content: text }] : [];
}

function tools(v: unknown, opts: TranslateOptions): Tool[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) bad('tools', 'an array');
  const out = v.flatMap((t: unknown, i): Tool[] => {
    const at = `tools[${i}]`;
    if (!isObj(t)) bad(at, 'a tool');
    if (t.type !== undefined && t.type !== null && t.type !== 'custom') return refuse(opts, `${at}.type`, 'byok takes custom (client) tools only') || [];
    const description = t.description == null ? undefined : str(t.description, `${at}.description`);
    return [compact({ name: str(t.name, `${at}.name`), description, parameters: isObj(t.input_schema) ? t.input_schema : { type: 'object', properties: {} } })];
  });
  return out.length ? out : undefined;
}

function toolChoice(v: unknown): ToolChoice | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObj(v)) bad('tool_choice', 'an object');
  if (v.type === 'auto' || v.type === 'none') return v.type;
  if (v.type === 'any') return 'required';
  if (v.type === 'tool') return { name: str(v.name, 'tool_choice.name') };
  bad('tool_choice.type', "'auto', 'any', 'tool' or 'none'");
}

function responseFormat(body: Obj, opts: TranslateOptions): ResponseFormat | undefined {
  const oc = body.output_config;
  if (isObj(oc) && oc.effort != null) refuse(opts, 'output_config.effort');
  const f = isObj(oc) && oc.format != null ? oc.format : body.output_format;
  if (f === undefined || f === null) return undefined;
  if (isObj(f) && f.type === 'json_schema') return { type: 'json_schema', schema: isObj(f.schema) ? f.schema : {} };
  bad('output_config.format', "{ type: 'json_schema', schema }");
}

/** A `/v1/messages` body as a byok `ChatRequest`. */
export function fromAnthropic(body: unknown, opts: TranslateOptions): ChatRequest {
  if (!isObj(body)) bad('(body)', badJson());
  checkKeys(body, KNOWN, OTHERS, opts);
  if (!Array.isArray(body.messages) || body.messages.length === 0) bad('messages', 'a non-empty array of messages');
  const messages = system(body.system);
  body.messages.forEach((m: unknown, i) => {
    const at = `messages[${i}]`;
    if (!isObj(m)) bad(at, 'a message object');
    if (m.role === 'user') messages.push(...userMessage(m.content, at, opts));
    else if (m.role === 'assistant') messages.push(assistantMessage(m.content, at, opts));
    else bad(`${at}.role`, "'user' or 'assistant'");
  });
  return compact({
    messages,
    model: opts.model(body.model),
    maxTokens: optInt(body.max_tokens, 'max_tokens'),
    temperature: optNumber(body.temperature, 'temperature'),
    topP: optNumber(body.top_p, 'top_p'),
    stop: optStop(body.stop_sequences, 'stop_sequences'),
    tools: tools(body.tools, opts),
    toolChoice: toolChoice(body.tool_choice),
    responseFormat: responseFormat(body, opts),
  });
}

const stopReason = (r: ChatResult) =>
  r.toolCalls?.length ? 'tool_use' : r.finishReason === 'length' ? 'max_tokens' : r.finishReason === 'content_filter' ? 'refusal' : 'end_turn';

const usage = (r: ChatResult) => ({ input_tokens: r.usage.inputTokens, output_tokens: r.usage.outputTokens, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 });

const toolUse = (tc: ToolCall) => ({ type: 'tool_use', id: tc.id, name: tc.name, input: tc.arguments });

/** A chat result as an Anthropic `message`. */
export function toAnthropicMessage(r: ChatResult, id: string): Obj {
  const blocks: Obj[] = r.text || !r.toolCalls?.length ? [{ type: 'text', text: r.text }] : [];
  return {
    id,
    type: 'message',
    role: 'assistant',
    model: r.model,
    content: [...blocks, ...(r.toolCalls ?? []).map(toolUse)],
    stop_reason: stopReason(r),
    stop_sequence: null,
    stop_details: null,
    container: null,
    usage: usage(r),
    byok: { provider: r.provider, costUsd: r.costUsd },
  };
}

/** The Messages streaming events, from `message_start` to `message_stop`. */
export function anthropicEvents(id: string, requestedModel: string): StreamEncoder {
  let started = false;
  let textOpen = false;
  const ev = (data: Obj) => sse(data, data.type as string);
  const head = () => {
    if (started) return '';
    started = true;
    const message = { id, type: 'message', role: 'assistant', model: requestedModel, content: [], stop_reason: null, stop_sequence: null, stop_details: null, container: null, usage: { input_tokens: 0, output_tokens: 0 } };
    return ev({ type: 'message_start', message });
  };
  const openText = () => (textOpen ? '' : ((textOpen = true), ev({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } })));
  return {
    delta: (text) => head() + openText() + ev({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } }),
    end: (r) => {
      let out = head();
      if (!r.toolCalls?.length) out += openText();
      let index = 0;
      if (textOpen) out += ev({ type: 'content_block_stop', index: index++ });
      for (const tc of r.toolCalls ?? []) {
        out += ev({ type: 'content_block_start', index, content_block: { type: 'tool_use', id: tc.id, name: tc.name, input: {} } });
        out += ev({ type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: JSON.stringify(tc.arguments) } });
        out += ev({ type: 'content_block_stop', index: index++ });
      }
      out += ev({ type: 'message_delta', delta: { stop_reason: stopReason(r), stop_sequence: null, stop_details: null }, usage: usage(r), byok: { provider: r.provider, costUsd: r.costUsd } });
      return out + ev({ type: 'message_stop' });
    },
  };
}

const EPOCH = '1970-01-01T00:00:00Z';

export const toAnthropicModel = (m: ModelInfo): Obj => ({ type: 'model', id: m.id, display_name: m.label, created_at: EPOCH });

export function toAnthropicModels(list: ModelInfo[]): Obj {
  return { data: list.map(toAnthropicModel), has_more: false, first_id: list[0]?.id ?? null, last_id: list.at(-1)?.id ?? null };
}
