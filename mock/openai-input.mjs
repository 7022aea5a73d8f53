// @ts-check
/**
 * Reads and checks the `messages` of an OpenAI Chat Completions request
 * (https://platform.openai.com/docs/api-reference/chat/create), the way the API rejects them.
 */
import { Tally, invalid, isImageUrl } from './conversation.mjs';
import { isObject } from './http.mjs';

const ROLES = ['system', 'developer', 'user', 'assistant', 'tool', 'function'];
const PART_TYPES = ['text', 'image_url', 'input_audio', 'refusal', 'file'];

/**
 * @param {unknown} messages
 * @returns {import('./conversation.mjs').ParsedConversation}
 */
export function parseOpenAIMessages(messages) {
  if (messages === undefined) return invalid("Missing required parameter: 'messages'.", 'messages');
  if (!Array.isArray(messages)) return invalid("Invalid type for 'messages': expected an array.", 'messages');
  if (messages.length === 0) {
    return invalid("Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.", 'messages');
  }
  const tally = new Tally();
  let userText = '';
  /** @type {Set<string>} tool call ids still waiting for their `tool` message */
  let pending = new Set();
  for (const [i, message] of messages.entries()) {
    const at = `messages[${i}]`;
    if (!isObject(message)) return invalid(`Invalid type for '${at}': expected an object.`, at);
    const role = message.role;
    if (typeof role !== 'string' || !ROLES.includes(role)) {
      return invalid(`Invalid value: '${String(role)}'. Supported values are: ${ROLES.map((r) => `'${r}'`).join(', ')}.`, `${at}.role`);
    }
    if (role === 'tool') {
      const id = message.tool_call_id;
      if (typeof id !== 'string' || !pending.has(id)) {
        return invalid("Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.", `${at}.role`);
      }
      pending.delete(id);
    } else if (pending.size > 0) {
      return unanswered(pending, `${at}.role`);
    }
    const content = readContent(message.content, at, tally);
    if (typeof content !== 'string') return content;
    if (role === 'assistant' && message.tool_calls !== undefined) {
      const ids = readToolCalls(message.tool_calls, at, tally);
      if (!(ids instanceof Set)) return ids;
      pending = ids;
    }
    tally.messages += 1;
    if (role === 'user' && content !== '') userText = content;
  }
  if (pending.size > 0) return unanswered(pending, 'messages');
  const last = messages.at(-1);
  return {
    ok: true,
    value: { userText, images: tally.images, toolResults: last?.role === 'tool' ? trailingToolResults(messages) : null, inputTokens: tally.inputTokens },
  };
}

/**
 * @param {Set<string>} pending
 * @param {string} param
 */
function unanswered(pending, param) {
  return invalid(
    `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${[...pending].join(', ')}`,
    param,
  );
}

/**
 * The text of a message's content; counts its text and images.
 * @param {unknown} content
 * @param {string} at
 * @param {Tally} tally
 * @returns {string | import('./conversation.mjs').ParsedConversation}
 */
function readContent(content, at, tally) {
  if (content === undefined || content === null) return '';
  if (typeof content === 'string') {
    tally.text(content);
    return content;
  }
  if (!Array.isArray(content)) return invalid(`Invalid type for '${at}.content': expected one of a string or array of objects.`, `${at}.content`);
  /** @type {string[]} */
  const texts = [];
  for (const [j, part] of content.entries()) {
    const where = `${at}.content[${j}]`;
    const type = isObject(part) ? part.type : undefined;
    if (!isObject(part) || typeof type !== 'string' || !PART_TYPES.includes(type)) {
      return invalid(`Invalid value: '${String(type)}'. Supported values are: ${PART_TYPES.map((t) => `'${t}'`).join(', ')}.`, `${where}.type`);
    }
    if (type === 'text' || type === 'refusal') {
      const text = type === 'text' ? part.text : part.refusal;
      if (typeof text !== 'string') return invalid(`Invalid type for '${where}.${type}': expected a string.`, `${where}.${type}`);
      tally.text(text);
      texts.push(text);
    } else if (type === 'image_url') {
      const url = isObject(part.image_url) ? part.image_url.url : undefined;
      if (!isImageUrl(url)) {
        return invalid(`Invalid '${where}.image_url.url'. Expected a valid URL, but got a value with an invalid format.`, `${where}.image_url.url`);
      }
      tally.images += 1;
    }
  }
  return texts.join('\n');
}

/**
 * Checks an assistant message's `tool_calls`; returns their ids.
 * @param {unknown} toolCalls
 * @param {string} at
 * @param {Tally} tally
 * @returns {Set<string> | import('./conversation.mjs').ParsedConversation}
 */
function readToolCalls(toolCalls, at, tally) {
  if (!Array.isArray(toolCalls)) return invalid(`Invalid type for '${at}.tool_calls': expected an array.`, `${at}.tool_calls`);
  const ids = new Set();
  for (const [j, call] of toolCalls.entries()) {
    const where = `${at}.tool_calls[${j}]`;
    const fn = isObject(call) ? call.function : undefined;
    if (!isObject(call) || typeof call.id !== 'string' || !isObject(fn) || typeof fn.name !== 'string' || typeof fn.arguments !== 'string') {
      return invalid(`Invalid '${where}': expected { id, type: 'function', function: { name, arguments } } with string fields.`, where);
    }
    tally.text(fn.arguments);
    ids.add(call.id);
  }
  return ids;
}

/**
 * The contents of the `tool` messages that end the conversation.
 * @param {unknown[]} messages already checked
 */
function trailingToolResults(messages) {
  /** @type {string[]} */
  const results = [];
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const message = /** @type {Record<string, unknown>} */ (messages[i]);
    if (message.role !== 'tool') break;
    const content = message.content;
    results.unshift(typeof content === 'string' ? content : Array.isArray(content) ? content.map((p) => (isObject(p) && typeof p.text === 'string' ? p.text : '')).join('') : '');
  }
  return results;
}
