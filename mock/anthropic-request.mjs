// @ts-check
/**
 * Checks an Anthropic Messages request body and turns it into a provider-neutral ReplyRequest
 * (see reply.mjs). Rejections carry the API's own wording (`field: problem`). Structured outputs
 * (`output_config.format: { type: 'json_schema', schema }`) get the JSON reply, like OpenAI's
 * `response_format`.
 */
import { parseAnthropicMessages } from './anthropic-input.mjs';
import { isObject } from './http.mjs';

/**
 * @typedef {{ ok: true, request: import('./reply.mjs').ReplyRequest, stream: boolean }
 *   | { ok: false, message: string }} ReadMessages
 */

/**
 * @param {unknown} body
 * @returns {ReadMessages}
 */
export function readMessagesRequest(body) {
  if (!isObject(body)) return fail('body: Input should be a valid dictionary');
  if (typeof body.model !== 'string' || body.model === '') return fail('model: Field required');
  if (body.max_tokens === undefined || body.max_tokens === null) return fail('max_tokens: Field required');
  if (typeof body.max_tokens !== 'number' || !Number.isInteger(body.max_tokens)) return fail('max_tokens: Input should be a valid integer');
  // 0 is allowed: it pre-warms the prompt cache without generating anything.
  if (body.max_tokens < 0) return fail('max_tokens: Input should be greater than or equal to 0');
  const parsed = parseAnthropicMessages(body.system, body.messages);
  if (!parsed.ok) return fail(parsed.message);
  const stop = body.stop_sequences ?? [];
  if (!Array.isArray(stop) || !stop.every((s) => typeof s === 'string')) return fail('stop_sequences: Input should be a valid list of strings');
  const tools = readTools(body.tools);
  if (!Array.isArray(tools)) return tools;
  const toolChoice = readToolChoice(body.tool_choice, tools);
  if (typeof toolChoice === 'object' && 'ok' in toolChoice) return toolChoice;
  const format = isObject(body.output_config) && isObject(body.output_config.format) ? body.output_config.format : null;
  if (format && (format.type !== 'json_schema' || !isObject(format.schema))) return fail("output_config.format: expected { type: 'json_schema', schema: {...} }");
  return {
    ok: true,
    request: { provider: 'anthropic', model: body.model, conversation: parsed.value, stop, maxTokens: body.max_tokens, jsonMode: format !== null, tools, toolChoice },
    stream: body.stream === true,
  };
}

/**
 * @param {string} message
 * @returns {{ ok: false, message: string }}
 */
function fail(message) {
  return { ok: false, message };
}

/**
 * Client tools (`{ name, description?, input_schema }`); server tools (with a `type`) are kept by name.
 * @param {unknown} tools
 * @returns {import('./reply.mjs').ToolSpec[] | { ok: false, message: string }}
 */
function readTools(tools) {
  if (tools === undefined || tools === null) return [];
  if (!Array.isArray(tools)) return fail('tools: Input should be a valid list');
  /** @type {import('./reply.mjs').ToolSpec[]} */
  const specs = [];
  for (const [i, tool] of tools.entries()) {
    if (!isObject(tool) || typeof tool.name !== 'string' || !/^[a-zA-Z0-9_-]{1,128}$/.test(tool.name)) {
      return fail(`tools.${i}.name: String should match pattern '^[a-zA-Z0-9_-]{1,128}$'`);
    }
    const custom = tool.type === undefined || tool.type === null || tool.type === 'custom';
    if (custom && !isObject(tool.input_schema)) return fail(`tools.${i}.custom.input_schema: Field required`);
    specs.push({ name: tool.name, schema: tool.input_schema ?? {} });
  }
  return specs;
}

/**
 * `{ type: 'auto' | 'any' | 'none' }` or `{ type: 'tool', name }`.
 * @param {unknown} choice
 * @param {import('./reply.mjs').ToolSpec[]} tools
 * @returns {import('./reply.mjs').ReplyRequest['toolChoice'] | { ok: false, message: string }}
 */
function readToolChoice(choice, tools) {
  if (choice === undefined || choice === null) return 'auto';
  const type = isObject(choice) ? choice.type : undefined;
  if (type === 'auto') return 'auto';
  if (type === 'none') return 'none';
  if (type === 'any') return 'required';
  if (type === 'tool' && isObject(choice) && typeof choice.name === 'string') {
    if (!tools.some((t) => t.name === choice.name)) return fail(`tool_choice: Tool '${choice.name}' not found in tools`);
    return { name: choice.name };
  }
  return fail("tool_choice: Input tag found using 'type' does not match any of the expected tags: 'auto', 'any', 'tool', 'none'");
}
