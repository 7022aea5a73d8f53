// @ts-check
/**
 * Reads and checks the `system` and `messages` of an Anthropic Messages request
 * (https://docs.anthropic.com/en/api/messages), the way the API rejects them.
 */
import { Tally, invalid, isImageUrl } from './conversation.mjs';
import { isObject } from './http.mjs';

const BLOCK_TYPES = ['text', 'image', 'document', 'tool_use', 'tool_result', 'thinking', 'redacted_thinking'];
const MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];

/**
 * @param {unknown} system
 * @param {unknown} messages
 * @returns {import('./conversation.mjs').ParsedConversation}
 */
export function parseAnthropicMessages(system, messages) {
  const tally = new Tally();
  const systemText = readSystem(system);
  if (systemText === null) return invalid('system: Input should be a valid string or a list of text blocks', 'system');
  if (systemText) {
    tally.text(systemText);
    tally.messages += 1;
  }
  if (!Array.isArray(messages)) return invalid('messages: Field required', 'messages');
  if (messages.length === 0) return invalid('messages: at least one message is required', 'messages');
  let userText = '';
  /** @type {Set<string>} tool_use ids of the previous assistant message */
  let toolUses = new Set();
  for (const [i, message] of messages.entries()) {
    const at = `messages.${i}`;
    if (!isObject(message)) return invalid(`${at}: Input should be a valid dictionary`, at);
    // `system` messages inside `messages` are part of the current API version (SystemMessageParam).
    if (message.role !== 'user' && message.role !== 'assistant' && message.role !== 'system') {
      return invalid(`${at}.role: Input should be 'user', 'assistant' or 'system'`, `${at}.role`);
    }
    const blocks = typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : message.content;
    if (!Array.isArray(blocks)) return invalid(`${at}.content: Input should be a valid string or list`, `${at}.content`);
    const read = readBlocks(blocks, at, tally, toolUses);
    if ('ok' in read) return read;
    if (read.unanswered.size > 0) {
      return invalid(
        `${at}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${[...read.unanswered].join(', ')}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`,
        at,
      );
    }
    toolUses = message.role === 'assistant' ? read.toolUses : new Set();
    tally.messages += 1;
    if (message.role === 'user' && read.text !== '') userText = read.text;
  }
  const last = messages.at(-1);
  /** @type {Record<string, unknown>[]} */
  const results = last?.role === 'user' && Array.isArray(last.content) ? last.content.filter((/** @type {unknown} */ b) => isObject(b) && b.type === 'tool_result') : [];
  return {
    ok: true,
    value: { userText, images: tally.images, toolResults: results.length > 0 ? results.map((b) => resultText(b.content)) : null, inputTokens: tally.inputTokens },
  };
}

/**
 * @param {unknown} system
 * @returns {string | null} null when malformed
 */
function readSystem(system) {
  if (system === undefined || system === null) return '';
  if (typeof system === 'string') return system;
  if (!Array.isArray(system)) return null;
  /** @type {string[]} */
  const texts = [];
  for (const block of system) {
    if (!isObject(block) || block.type !== 'text' || typeof block.text !== 'string') return null;
    texts.push(block.text);
  }
  return texts.join('\n');
}

/**
 * @typedef {{ text: string, toolUses: Set<string>, unanswered: Set<string> }} ReadBlocks
 */

/**
 * Checks one message's blocks; counts text and images.
 * @param {unknown[]} blocks
 * @param {string} at
 * @param {Tally} tally
 * @param {Set<string>} previousToolUses tool_use ids the previous message asked for
 * @returns {ReadBlocks | import('./conversation.mjs').ParsedConversation}
 */
function readBlocks(blocks, at, tally, previousToolUses) {
  /** @type {string[]} */
  const texts = [];
  const toolUses = new Set();
  const unanswered = new Set(previousToolUses);
  for (const [j, block] of blocks.entries()) {
    const where = `${at}.content.${j}`;
    const type = isObject(block) ? block.type : undefined;
    if (!isObject(block) || typeof type !== 'string' || !BLOCK_TYPES.includes(type)) {
      return invalid(`${where}: Input tag '${String(type)}' found using 'type' does not match any of the expected tags: ${BLOCK_TYPES.map((t) => `'${t}'`).join(', ')}`, `${where}.type`);
    }
    if (type === 'text') {
      if (typeof block.text !== 'string') return invalid(`${where}.text: Input should be a valid string`, `${where}.text`);
      tally.text(block.text);
      texts.push(block.text);
    } else if (type === 'image') {
      const problem = imageProblem(block.source, `${where}.source`);
      if (problem) return invalid(problem, `${where}.source`);
      tally.images += 1;
    } else if (type === 'tool_use') {
      if (typeof block.id !== 'string' || typeof block.name !== 'string' || !isObject(block.input)) {
        return invalid(`${where}: tool_use blocks need a string id, a string name and an object input`, where);
      }
      tally.text(JSON.stringify(block.input));
      toolUses.add(block.id);
    } else if (type === 'tool_result') {
      const id = block.tool_use_id;
      if (typeof id !== 'string' || !unanswered.has(id)) {
        return invalid(
          `${where}: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${String(id)}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`,
          where,
        );
      }
      unanswered.delete(id);
      tally.text(resultText(block.content));
    }
  }
  return { text: texts.join('\n'), toolUses, unanswered };
}

/**
 * What is wrong with an image source, or '' when it is fine.
 * @param {unknown} source
 * @param {string} at
 */
function imageProblem(source, at) {
  if (!isObject(source)) return `${at}: Field required`;
  if (source.type === 'base64') {
    if (typeof source.media_type !== 'string' || !MEDIA_TYPES.includes(source.media_type)) {
      return `${at}.base64.media_type: Input should be ${MEDIA_TYPES.map((t) => `'${t}'`).join(', ')}`;
    }
    if (typeof source.data !== 'string' || source.data === '') return `${at}.base64.data: Field required`;
    return '';
  }
  if (source.type === 'url') return isImageUrl(source.url) && !String(source.url).startsWith('data:') ? '' : `${at}.url.url: Input should be a valid URL`;
  return `${at}: Input tag '${String(source.type)}' found using 'type' does not match any of the expected tags: 'base64', 'url'`;
}

/**
 * The text of a tool_result's content (a string or text blocks).
 * @param {unknown} content
 */
function resultText(content) {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((b) => (isObject(b) && typeof b.text === 'string' ? b.text : '')).join('');
}
