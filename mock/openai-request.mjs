// @ts-check
/**
 * Checks an OpenAI Chat Completions request body and turns it into a provider-neutral
 * ReplyRequest (see reply.mjs). Rejections carry the API's own wording and `param`.
 */
import { isObject } from './http.mjs';
import { parseOpenAIMessages } from './openai-input.mjs';

/**
 * @typedef {object} ChatOptions
 * @property {boolean} stream
 * @property {boolean} includeUsage `stream_options.include_usage`
 */

/**
 * @typedef {{ ok: true, request: import('./reply.mjs').ReplyRequest, options: ChatOptions }
 *   | { ok: false, message: string, param: string | null }} ReadChat
 */

/**
 * @param {unknown} body
 * @param {'openai' | 'anthropic'} provider
 * @returns {ReadChat}
 */
export function readChatRequest(body, provider = 'openai') {
  if (!isObject(body)) return fail('The request body must be a JSON object.', null);
  if (typeof body.model !== 'string' || body.model === '') return fail('you must provide a model parameter', 'model');
  const parsed = parseOpenAIMessages(body.messages);
  if (!parsed.ok) return parsed;
  const maxTokens = readMaxTokens(body);
  if (typeof maxTokens === 'object' && maxTokens !== null) return maxTokens;
  const stop = body.stop === undefined || body.stop === null ? [] : typeof body.stop === 'string' ? [body.stop] : body.stop;
  if (!Array.isArray(stop) || stop.length > 4 || !stop.every((s) => typeof s === 'string')) {
    return fail("Invalid 'stop': expected a string or an array of at most 4 strings.", 'stop');
  }
  const tools = readTools(body.tools);
  if (!Array.isArray(tools)) return tools;
  const toolChoice = readToolChoice(body.tool_choice, tools);
  if (typeof toolChoice === 'object' && 'ok' in toolChoice) return toolChoice;
  const format = isObject(body.response_format) ? body.response_format.type : undefined;
  if (body.response_format !== undefined && !['text', 'json_object', 'json_schema'].includes(String(format))) {
    return fail(`Invalid value: '${String(format)}'. Supported values are: 'text', 'json_object', and 'json_schema'.`, 'response_format.type');
  }
  if (format === 'json_object' && !JSON.stringify(body.messages).toLowerCase().includes('json')) {
    return fail("'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.", 'messages');
  }
  const streamOptions = isObject(body.stream_options) ? body.stream_options : {};
  if (body.stream_options !== undefined && body.stream_options !== null && body.stream !== true) {
    return fail("The 'stream_options' parameter is only allowed when 'stream' is enabled.", 'stream_options');
  }
  return {
    ok: true,
    request: { provider, model: body.model, conversation: parsed.value, stop, maxTokens, jsonMode: format === 'json_object' || format === 'json_schema', tools, toolChoice },
    options: { stream: body.stream === true, includeUsage: streamOptions.include_usage === true },
  };
}

/**
 * @param {string} message
 * @param {string | null} param
 * @returns {{ ok: false, message: string, param: string | null }}
 */
function fail(message, param) {
  return { ok: false, message, param };
}

/**
 * `max_completion_tokens` (or the older `max_tokens`): an integer >= 1, or null when absent.
 * @param {Record<string, unknown>} body
 */
function readMaxTokens(body) {
  const name = body.max_completion_tokens !== undefined && body.max_completion_tokens !== null ? 'max_completion_tokens' : 'max_tokens';
  const value = body[name];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value)) return fail(`Invalid type for '${name}': expected an integer.`, name);
  if (value < 1) return fail(`Invalid '${name}': integer below minimum value. Expected a value >= 1, but got ${value} instead.`, name);
  return value;
}

/**
 * @param {unknown} tools
 * @returns {import('./reply.mjs').ToolSpec[] | { ok: false, message: string, param: string | null }}
 */
function readTools(tools) {
  if (tools === undefined || tools === null) return [];
  if (!Array.isArray(tools)) return fail("Invalid type for 'tools': expected an array.", 'tools');
  /** @type {import('./reply.mjs').ToolSpec[]} */
  const specs = [];
  for (const [i, tool] of tools.entries()) {
    const fn = isObject(tool) ? tool.function : undefined;
    if (!isObject(tool) || tool.type !== 'function' || !isObject(fn) || typeof fn.name !== 'string' || !/^[a-zA-Z0-9_-]{1,64}$/.test(fn.name)) {
      return fail(`Invalid 'tools[${i}]': expected { type: 'function', function: { name } } with a name of letters, digits, '_' or '-' (at most 64).`, `tools[${i}]`);
    }
    specs.push({ name: fn.name, schema: fn.parameters ?? { type: 'object', properties: {} } });
  }
  return specs;
}

/**
 * @param {unknown} choice
 * @param {import('./reply.mjs').ToolSpec[]} tools
 * @returns {import('./reply.mjs').ReplyRequest['toolChoice'] | { ok: false, message: string, param: string | null }}
 */
function readToolChoice(choice, tools) {
  if (choice === undefined || choice === null) return 'auto';
  if (tools.length === 0) return fail("Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.", 'tool_choice');
  if (choice === 'auto' || choice === 'none' || choice === 'required') return choice;
  const name = isObject(choice) && choice.type === 'function' && isObject(choice.function) ? choice.function.name : undefined;
  if (typeof name !== 'string') return fail("Invalid value for 'tool_choice': expected 'none', 'auto', 'required' or { type: 'function', function: { name } }.", 'tool_choice');
  if (!tools.some((t) => t.name === name)) return fail(`Tool choice '${name}' not found in 'tools' parameter.`, 'tool_choice');
  return { name };
}
