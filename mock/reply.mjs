// @ts-check
/**
 * Turns a request (its conversation and options) into a reply plan, provider-neutral:
 * what to send, in which chunks, and why it finishes. openai.mjs and anthropic.mjs render it.
 */
import { parseDirectives } from './directives.mjs';
import { sampleFromSchema } from './schema.mjs';
import { IMAGE_TOKENS } from './conversation.mjs';

/** @typedef {'end' | 'stop' | 'length' | 'tool'} Finish */

/**
 * @typedef {object} ToolSpec
 * @property {string} name
 * @property {unknown} schema JSON Schema of the arguments
 */

/**
 * @typedef {object} ReplyRequest
 * @property {'openai' | 'anthropic'} provider named in the default reply
 * @property {string} model echoed in the default reply
 * @property {import('./conversation.mjs').Conversation} conversation
 * @property {string[]} stop stop sequences
 * @property {number | null} maxTokens the chunk limit
 * @property {boolean} jsonMode reply with a JSON object (OpenAI `response_format`, Anthropic `output_config.format`)
 * @property {ToolSpec[]} tools declared tools
 * @property {'auto' | 'none' | 'required' | { name: string }} toolChoice
 */

/**
 * @typedef {{ kind: 'error', status: number }
 *   | { kind: 'echo-key' }
 *   | { kind: 'reply', hang: boolean, delayMs: number, burst: boolean, tool: { name: string } | null, chunks: string[], finish: Finish, stopSequence: string | null, billed: Billed }} ReplyPlan
 * For a tool call, `chunks` are the pieces of the arguments JSON.
 */

/**
 * @typedef {object} Billed what the usage reports instead of the mock's own count, if anything
 * @property {number | null} imageTokens input tokens for each image (instead of 85)
 * @property {number | null} outputTokens output tokens (instead of the chunks sent)
 */

/**
 * Plans the reply.
 * @param {ReplyRequest} request
 * @returns {ReplyPlan}
 */
export function planReply(request) {
  const { conversation } = request;
  const directives = parseDirectives(conversation.userText);
  if (directives.errorStatus !== null) return { kind: 'error', status: directives.errorStatus };
  if (directives.echoKey) return { kind: 'echo-key' };
  const billed = { imageTokens: directives.imageTokens, outputTokens: directives.outputTokens };
  const base = { hang: directives.hang, delayMs: directives.delayMs, burst: directives.burst, billed };
  if (conversation.toolResults === null) {
    const tool = chooseTool(request, directives.tool);
    if (tool) return limit({ ...base, kind: 'reply', tool: { name: tool.name }, chunks: splitPieces(tool.arguments), finish: 'tool', stopSequence: null }, request.maxTokens);
  }
  const chunks = directives.chunks !== null && conversation.toolResults === null ? numberedChunks(directives.chunks) : splitWords(replyText(request, directives.text));
  const stopped = applyStop(chunks, request.stop);
  const plan = { ...base, kind: /** @type {const} */ ('reply'), tool: null, chunks: stopped.chunks, finish: stopped.stopSequence === null ? 'end' : 'stop', stopSequence: stopped.stopSequence };
  return limit(/** @type {ReplyPlan & { kind: 'reply' }} */ (plan), request.maxTokens);
}

/**
 * The usage a reply reports: the mock's own count, or what `[[image-tokens:N]]` and
 * `[[output-tokens:N]]` ask for (a provider billing its worst case, or more than was sent).
 * @param {ReplyPlan & { kind: 'reply' }} plan
 * @param {import('./conversation.mjs').Conversation} conversation
 * @returns {{ input: number, output: number }}
 */
export function billedTokens(plan, conversation) {
  const { imageTokens, outputTokens } = plan.billed;
  const images = imageTokens === null ? 0 : conversation.images * (imageTokens - IMAGE_TOKENS);
  return { input: conversation.inputTokens + images, output: outputTokens ?? plan.chunks.length };
}

/**
 * The tool to call, if any: the `[[tool:...]]` directive, else the one `tool_choice` forces.
 * `tool_choice: 'none'` suppresses both.
 * @param {ReplyRequest} request
 * @param {{ name: string, arguments: string } | null} directive
 */
function chooseTool(request, directive) {
  const choice = request.toolChoice;
  if (choice === 'none') return null;
  if (directive) return directive;
  if (choice === 'auto' || request.tools.length === 0) return null;
  const tool = choice === 'required' ? request.tools[0] : request.tools.find((t) => t.name === choice.name);
  if (!tool) return null;
  return { name: tool.name, arguments: JSON.stringify(sampleFromSchema(tool.schema)) };
}

/**
 * The text of a non-tool reply.
 * @param {ReplyRequest} request
 * @param {string} userText the user text without directives
 */
function replyText(request, userText) {
  const { conversation } = request;
  if (conversation.toolResults !== null) return `Tool said: ${conversation.toolResults.join('\n')}`;
  if (request.jsonMode) return JSON.stringify({ ok: true, echo: userText });
  const seen = conversation.images > 0 ? `I see ${conversation.images} image(s). ` : '';
  return `${seen}Hello from the mock ${request.provider} (${request.model}). You said: ${userText}`;
}

/**
 * `w0 `, `w1 `, ... `w${n-1} `.
 * @param {number} n
 */
export function numberedChunks(n) {
  return Array.from({ length: n }, (_, i) => `w${i} `);
}

/**
 * One word with its trailing whitespace per chunk (leading whitespace is a chunk of its own).
 * @param {string} text
 */
export function splitWords(text) {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

/**
 * Splits tool-call arguments into at least two pieces (about 8 characters each).
 * @param {string} json
 */
export function splitPieces(json) {
  const chars = Array.from(json);
  const count = Math.max(2, Math.ceil(chars.length / 8));
  const size = Math.max(1, Math.ceil(chars.length / count));
  /** @type {string[]} */
  const pieces = [];
  for (let i = 0; i < chars.length; i += size) pieces.push(chars.slice(i, i + size).join(''));
  while (pieces.length < 2) pieces.push('');
  return pieces;
}

/**
 * Cuts the chunks before the earliest stop sequence.
 * @param {string[]} chunks
 * @param {string[]} stop
 * @returns {{ chunks: string[], stopSequence: string | null }}
 */
export function applyStop(chunks, stop) {
  if (stop.length === 0) return { chunks, stopSequence: null };
  const text = chunks.join('');
  let at = -1;
  /** @type {string | null} */
  let found = null;
  for (const sequence of stop) {
    const index = sequence === '' ? -1 : text.indexOf(sequence);
    if (index !== -1 && (at === -1 || index < at)) {
      at = index;
      found = sequence;
    }
  }
  if (found === null) return { chunks, stopSequence: null };
  /** @type {string[]} */
  const kept = [];
  let used = 0;
  for (const chunk of chunks) {
    if (used >= at) break;
    kept.push(chunk.slice(0, at - used));
    used += chunk.length;
  }
  return { chunks: kept.filter((c) => c !== ''), stopSequence: found };
}

/**
 * Applies the max-tokens limit (one chunk = one token).
 * @template {ReplyPlan & { kind: 'reply' }} P
 * @param {P} plan
 * @param {number | null} maxTokens
 * @returns {P}
 */
function limit(plan, maxTokens) {
  if (maxTokens === null || plan.chunks.length <= maxTokens) return plan;
  return { ...plan, chunks: plan.chunks.slice(0, maxTokens), finish: 'length', stopSequence: null };
}
