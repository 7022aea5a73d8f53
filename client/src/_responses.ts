/**
 * OpenAI's Responses API (https://platform.openai.com/docs/api-reference/responses), stateless:
 * a `/v1/responses` body to a `ChatRequest`, and the result back as a `response` object or as
 * its streaming events. What the Vercel AI SDK's `openai(model)` sends by default.
 */
import { newId, sse, type Mapped, type StreamEncoder } from './_http.js';
import { anyValue, bad, checkKeys, compact, isObj, noValue, nowSeconds, optInt, optNumber, parseArgs, refuse, str, type Obj, type TranslateOptions } from './_translate.js';
import { badJson } from './messages.js';
import type { ChatMessage, ChatRequest, ChatResult, Content, Part, ResponseFormat, Tool, ToolCall, ToolChoice } from './types.js';

const KNOWN = new Set(['model', 'input', 'instructions', 'max_output_tokens', 'temperature', 'top_p', 'tools', 'tool_choice', 'text', 'stream', 'stream_options']);

const OTHERS: Record<string, (v: unknown) => boolean> = {
  metadata: anyValue,
  user: anyValue,
  store: anyValue,
  service_tier: anyValue,
  safety_identifier: anyValue,
  prompt_cache_key: anyValue,
  prompt_cache_retention: anyValue,
  prompt_cache_options: anyValue,
  parallel_tool_calls: anyValue,
  include: anyValue,
  truncation: anyValue,
  max_tool_calls: anyValue,
  access_programs: anyValue,
  top_logprobs: (v) => v === 0,
  background: (v) => v === false,
  reasoning: (v) => isObj(v) && v.effort == null,
  previous_response_id: noValue,
  conversation: noValue,
  prompt: noValue,
  context_management: noValue,
  moderation: noValue,
  image: noValue,
};

function content(v: unknown, path: string, opts: TranslateOptions): Content {
  if (typeof v === 'string') return v;
  if (!Array.isArray(v)) bad(path, 'a string or an array of content parts');
  return v.flatMap((p: unknown, j): Part[] => {
    const at = `${path}[${j}]`;
    if (!isObj(p)) bad(at, 'a content part');
    if (p.type === 'input_text' || p.type === 'output_text') return [{ type: 'text', text: str(p.text, `${at}.text`) }];
    if (p.type === 'refusal') return [{ type: 'text', text: str(p.refusal, `${at}.refusal`) }];
    if (p.type === 'input_image' && typeof p.image_url === 'string') return [{ type: 'image', url: p.image_url }];
    return refuse(opts, `${at}.type`, `byok takes no '${String(p.type)}' part here`) || [];
  });
}

const textOf = (c: Content) => (typeof c === 'string' ? c : c.map((p) => (p.type === 'text' ? p.text : '')).join(''));

function input(v: unknown, opts: TranslateOptions): ChatMessage[] {
  if (typeof v === 'string') return [{ role: 'user', content: v }];
  if (!Array.isArray(v) || v.length === 0) bad('input', 'a string or a non-empty array of input items');
  const out: ChatMessage[] = [];
  v.forEach((item: unknown, i) => {
    const at = `input[${i}]`;
    if (!isObj(item)) bad(at, 'an input item');
    const type = item.type ?? 'message';
    if (type === 'message') {
      const c = content(item.content, `${at}.content`, opts);
      if (item.role === 'system' || item.role === 'developer') out.push({ role: 'system', content: c });
      else if (item.role === 'user') out.push({ role: 'user', content: c });
      else if (item.role === 'assistant') out.push({ role: 'assistant', content: textOf(c) });
      else bad(`${at}.role`, "'system', 'developer', 'user' or 'assistant'");
    } else if (type === 'function_call') {
      const call: ToolCall = { id: str(item.call_id, `${at}.call_id`), name: str(item.name, `${at}.name`), arguments: parseArgs(item.arguments, `${at}.arguments`) };
      const last = out.at(-1);
      if (last?.role === 'assistant') last.toolCalls = [...(last.toolCalls ?? []), call];
      else out.push({ role: 'assistant', content: null, toolCalls: [call] });
    } else if (type === 'function_call_output') {
      const output = typeof item.output === 'string' ? item.output : content(item.output, `${at}.output`, opts);
      out.push({ role: 'tool', toolCallId: str(item.call_id, `${at}.call_id`), content: output });
    } else if (type !== 'reasoning') {
      refuse(opts, `${at}.type`, `byok takes no '${String(type)}' item`);
    }
  });
  return out;
}

function tools(v: unknown, opts: TranslateOptions): Tool[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) bad('tools', 'an array');
  const out = v.flatMap((t: unknown, i): Tool[] => {
    const at = `tools[${i}]`;
    if (!isObj(t)) bad(at, 'a tool');
    if (t.type !== 'function') return refuse(opts, `${at}.type`, 'byok takes function tools only') || [];
    const description = t.description == null ? undefined : str(t.description, `${at}.description`);
    return [compact({ name: str(t.name, `${at}.name`), description, parameters: isObj(t.parameters) ? t.parameters : { type: 'object', properties: {} } })];
  });
  return out.length ? out : undefined;
}

function toolChoice(v: unknown, opts: TranslateOptions): ToolChoice | undefined {
  if (v === undefined || v === null) return undefined;
  if (v === 'auto' || v === 'none' || v === 'required') return v;
  if (isObj(v) && v.type === 'function') return { name: str(v.name, 'tool_choice.name') };
  if (isObj(v)) return refuse(opts, 'tool_choice.type') || undefined;
  bad('tool_choice', "'auto', 'none', 'required' or a function choice");
}

function format(v: unknown, opts: TranslateOptions): ResponseFormat | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObj(v)) bad('text', 'an object');
  if (v.verbosity != null && v.verbosity !== 'medium') refuse(opts, 'text.verbosity');
  const f = v.format;
  if (f === undefined || f === null || (isObj(f) && f.type === 'text')) return undefined;
  if (isObj(f) && f.type === 'json_object') return { type: 'json' };
  if (isObj(f) && f.type === 'json_schema') return compact<ResponseFormat>({ type: 'json_schema', name: typeof f.name === 'string' ? f.name : undefined, schema: isObj(f.schema) ? f.schema : {} });
  bad('text.format.type', "'text', 'json_object' or 'json_schema'");
}

/** A `/v1/responses` body as a byok `ChatRequest`. */
export function fromResponses(body: unknown, opts: TranslateOptions): ChatRequest {
  if (!isObj(body)) bad('(body)', badJson());
  checkKeys(body, KNOWN, OTHERS, opts);
  const instructions = body.instructions == null ? [] : [{ role: 'system', content: str(body.instructions, 'instructions') } as ChatMessage];
  return compact({
    messages: [...instructions, ...input(body.input, opts)],
    model: opts.model(body.model),
    maxTokens: optInt(body.max_output_tokens, 'max_output_tokens'),
    temperature: optNumber(body.temperature, 'temperature'),
    topP: optNumber(body.top_p, 'top_p'),
    tools: tools(body.tools, opts),
    toolChoice: toolChoice(body.tool_choice, opts),
    responseFormat: format(body.text, opts),
  });
}

const messageItem = (id: string, text: string, status: string) => ({
  id,
  type: 'message',
  status,
  role: 'assistant',
  content: status === 'completed' ? [{ type: 'output_text', text, annotations: [], logprobs: [] }] : [],
});

const callItem = (tc: ToolCall, status: string, args = JSON.stringify(tc.arguments)) => ({ id: `fc_${tc.id}`, type: 'function_call', status, call_id: tc.id, name: tc.name, arguments: args });

function outputItems(r: ChatResult, msgId: string): Obj[] {
  const items: Obj[] = r.text || !r.toolCalls?.length ? [messageItem(msgId, r.text, 'completed')] : [];
  return [...items, ...(r.toolCalls ?? []).map((tc) => callItem(tc, 'completed'))];
}

const incomplete = (r: ChatResult) => (r.finishReason === 'length' ? 'max_output_tokens' : r.finishReason === 'content_filter' ? 'content_filter' : null);

/** The `response` object; `r` absent while it is in progress. */
function responseObject(id: string, created: number, model: string, body: Obj, output: Obj[], r?: ChatResult): Obj {
  const reason = r ? incomplete(r) : null;
  return {
    id,
    object: 'response',
    created_at: created,
    status: !r ? 'in_progress' : reason ? 'incomplete' : 'completed',
    error: null,
    incomplete_details: reason ? { reason } : null,
    instructions: body.instructions ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    model: r?.model ?? model,
    output,
    parallel_tool_calls: body.parallel_tool_calls ?? true,
    previous_response_id: null,
    reasoning: { effort: null, summary: null },
    temperature: body.temperature ?? null,
    text: body.text ?? { format: { type: 'text' } },
    tool_choice: body.tool_choice ?? 'auto',
    tools: body.tools ?? [],
    top_p: body.top_p ?? null,
    truncation: 'disabled',
    metadata: body.metadata ?? {},
    usage: r
      ? {
          input_tokens: r.usage.inputTokens,
          input_tokens_details: { cached_tokens: 0 },
          output_tokens: r.usage.outputTokens,
          output_tokens_details: { reasoning_tokens: 0 },
          total_tokens: r.usage.inputTokens + r.usage.outputTokens,
        }
      : null,
    ...(r ? { byok: { provider: r.provider, costUsd: r.costUsd } } : {}),
  };
}

/** A chat result as a `response`. */
export function toResponse(r: ChatResult, id: string, body: Obj): Obj {
  return responseObject(id, nowSeconds(), r.model, body, outputItems(r, newId('msg_')), r);
}

/** The Responses streaming events, from `response.created` to `response.completed`. */
export function responsesEvents(id: string, body: Obj, req: ChatRequest): StreamEncoder {
  const created = nowSeconds();
  const model = req.model ?? String(body.model ?? 'byok');
  const msgId = newId('msg_');
  let seq = 0;
  let started = false;
  let textOpen = false;
  const ev = (type: string, data: Obj) => sse({ type, sequence_number: seq++, ...data }, type);
  const head = () => {
    if (started) return '';
    started = true;
    const response = responseObject(id, created, model, body, []);
    return ev('response.created', { response }) + ev('response.in_progress', { response });
  };
  const part = { item_id: msgId, output_index: 0, content_index: 0 };
  const openText = () => {
    if (textOpen) return '';
    textOpen = true;
    return (
      ev('response.output_item.added', { output_index: 0, item: messageItem(msgId, '', 'in_progress') }) +
      ev('response.content_part.added', { ...part, part: { type: 'output_text', text: '', annotations: [], logprobs: [] } })
    );
  };
  return {
    delta: (text) => head() + openText() + ev('response.output_text.delta', { ...part, delta: text, logprobs: [] }),
    end: (r) => {
      let out = head();
      if (!r.toolCalls?.length) out += openText();
      let index = 0;
      if (textOpen) {
        out += ev('response.output_text.done', { ...part, text: r.text, logprobs: [] });
        out += ev('response.content_part.done', { ...part, part: { type: 'output_text', text: r.text, annotations: [], logprobs: [] } });
        out += ev('response.output_item.done', { output_index: index++, item: messageItem(msgId, r.text, 'completed') });
      }
      for (const tc of r.toolCalls ?? []) {
        const args = JSON.stringify(tc.arguments);
        const item_id = `fc_${tc.id}`;
        out += ev('response.output_item.added', { output_index: index, item: callItem(tc, 'in_progress', '') });
        out += ev('response.function_call_arguments.delta', { item_id, output_index: index, delta: args });
        out += ev('response.function_call_arguments.done', { item_id, output_index: index, name: tc.name, arguments: args });
        out += ev('response.output_item.done', { output_index: index++, item: callItem(tc, 'completed') });
      }
      const done = responseObject(id, created, model, body, textOpen ? [messageItem(msgId, r.text, 'completed'), ...(r.toolCalls ?? []).map((tc) => callItem(tc, 'completed'))] : outputItems(r, msgId), r);
      return out + ev(done.status === 'incomplete' ? 'response.incomplete' : 'response.completed', { response: done });
    },
    error: (m: Mapped) => ev('error', { code: m.code, message: m.message, param: m.param }),
  };
}
