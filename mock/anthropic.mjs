// @ts-check
/**
 * `POST /v1/messages` as api.anthropic.com answers it (https://docs.anthropic.com/en/api/messages,
 * https://docs.anthropic.com/en/docs/build-with-claude/streaming): a `message` object, or named
 * SSE events message_start, content_block_start, ping, content_block_delta..., content_block_stop,
 * message_delta (stop_reason, usage.output_tokens), message_stop.
 */
import { readMessagesRequest } from './anthropic-request.mjs';
import { anthropicError, directiveErrorMessage } from './errors.mjs';
import { randomId, sendJson } from './http.mjs';
import { billedTokens, planReply } from './reply.mjs';
import { eventSink, openSse, untilGone, waitOrGone } from './sse.mjs';
import { trackReply } from './stats.mjs';

/** @type {Record<import('./reply.mjs').Finish, string>} */
const STOP_REASON = { end: 'end_turn', stop: 'stop_sequence', length: 'max_tokens', tool: 'tool_use' };

/**
 * @param {import('./http.mjs').HandlerContext} ctx
 * @param {import('./errors.mjs').ErrorReply} error
 */
export function sendAnthropicError(ctx, error) {
  sendJson(ctx.res, error.status, error.body, { ...error.headers, 'request-id': ctx.requestId });
}

/**
 * Handles one Messages call.
 * @param {import('./http.mjs').HandlerContext} ctx
 */
export async function handleMessages(ctx) {
  const read = readMessagesRequest(ctx.body);
  if (!read.ok) return sendAnthropicError(ctx, anthropicError(400, read.message, ctx.requestId));
  const { request } = read;
  const plan = planReply(request);
  if (plan.kind === 'error') return sendAnthropicError(ctx, anthropicError(plan.status, directiveErrorMessage('anthropic', plan.status), ctx.requestId));
  if (plan.kind === 'echo-key') {
    return sendAnthropicError(ctx, anthropicError(400, `The API key ${ctx.key} is not allowed to use model ${request.model} (mock echo-key).`, ctx.requestId));
  }
  trackReply(ctx.res, ctx.stats);
  const billed = billedTokens(plan, request.conversation);
  const reply = { ...plan, id: randomId('msg_01', 11), toolId: randomId('toolu_01', 11), model: request.model, inputTokens: billed.input, outputTokens: billed.output };
  if (read.stream) await streamMessage(ctx, reply);
  else await answerMessage(ctx, reply);
}

/**
 * @typedef {import('./reply.mjs').ReplyPlan & { kind: 'reply' } & { id: string, toolId: string, model: string, inputTokens: number, outputTokens: number }} MessageReply
 */

/**
 * Tool input as an object (the API always sends one); raw text that is not a JSON object gives `{}`.
 * @param {string} json
 */
function toolInput(json) {
  try {
    const value = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
  } catch {
    return {};
  }
}

/**
 * @param {MessageReply} reply
 * @param {number} outputTokens
 */
function usage(reply, outputTokens) {
  return { input_tokens: reply.inputTokens, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: outputTokens };
}

/**
 * Non-streaming: waits as long as the stream would have, then answers.
 * @param {import('./http.mjs').HandlerContext} ctx
 * @param {MessageReply} reply
 */
async function answerMessage(ctx, reply) {
  if (reply.hang) return untilGone(ctx.res);
  if (reply.delayMs > 0 && !(await waitOrGone(ctx.res, reply.delayMs * reply.chunks.length))) return;
  const text = reply.chunks.join('');
  const content = reply.tool ? [{ type: 'tool_use', id: reply.toolId, name: reply.tool.name, input: toolInput(text) }] : [{ type: 'text', text }];
  sendJson(
    ctx.res,
    200,
    {
      id: reply.id,
      type: 'message',
      role: 'assistant',
      model: reply.model,
      content,
      stop_reason: STOP_REASON[reply.finish],
      stop_sequence: reply.stopSequence,
      usage: usage(reply, reply.outputTokens),
    },
    { 'request-id': ctx.requestId },
  );
}

/**
 * Streaming, with `event:` lines (the SDK ignores events without one).
 * @param {import('./http.mjs').HandlerContext} ctx
 * @param {MessageReply} reply
 */
async function streamMessage(ctx, reply) {
  const { res } = ctx;
  openSse(res, { 'request-id': ctx.requestId });
  // (A hanging stream's first event must still go out.)
  const out = eventSink(res, reply.burst && !reply.hang);
  /**
   * @param {string} type
   * @param {Record<string, unknown>} [fields]
   */
  const send = (type, fields = {}) => out.write({ type, ...fields }, type);
  const message = { id: reply.id, type: 'message', role: 'assistant', model: reply.model, content: [], stop_reason: null, stop_sequence: null, usage: usage(reply, 0) };
  if (!(await send('message_start', { message }))) return;
  if (reply.hang) return untilGone(res);
  const block = reply.tool ? { type: 'tool_use', id: reply.toolId, name: reply.tool.name, input: {} } : { type: 'text', text: '' };
  if (!(await send('content_block_start', { index: 0, content_block: block }))) return;
  if (!(await send('ping'))) return;
  for (const piece of reply.chunks) {
    if (reply.delayMs > 0 && !(await waitOrGone(res, reply.delayMs))) return;
    const delta = reply.tool ? { type: 'input_json_delta', partial_json: piece } : { type: 'text_delta', text: piece };
    if (!(await send('content_block_delta', { index: 0, delta }))) return;
  }
  if (!(await send('content_block_stop', { index: 0 }))) return;
  const delta = { stop_reason: STOP_REASON[reply.finish], stop_sequence: reply.stopSequence };
  if (!(await send('message_delta', { delta, usage: { output_tokens: reply.outputTokens } }))) return;
  if (await send('message_stop')) out.end();
}
