// @ts-check
/**
 * `POST /v1/chat/completions` as api.openai.com answers it
 * (https://platform.openai.com/docs/api-reference/chat): a `chat.completion` object, or SSE
 * `chat.completion.chunk`s ending with `data: [DONE]`; with `stream_options.include_usage`,
 * every chunk has `usage: null` and a last chunk with empty `choices` carries the usage.
 */
import { directiveErrorMessage, openaiError } from './errors.mjs';
import { randomId, sendJson } from './http.mjs';
import { readChatRequest } from './openai-request.mjs';
import { billedTokens, planReply } from './reply.mjs';
import { eventSink, openSse, untilGone, waitOrGone } from './sse.mjs';
import { trackReply } from './stats.mjs';

/** @type {Record<import('./reply.mjs').Finish, string>} */
const FINISH = { end: 'stop', stop: 'stop', length: 'length', tool: 'tool_calls' };
const FINGERPRINT = 'fp_mock0001';

/**
 * @param {import('./http.mjs').HandlerContext} ctx
 * @param {import('./errors.mjs').ErrorReply} error
 */
export function sendOpenAIError(ctx, error) {
  sendJson(ctx.res, error.status, error.body, { ...error.headers, 'x-request-id': ctx.requestId });
}

/**
 * Handles one chat completion.
 * @param {import('./http.mjs').HandlerContext} ctx
 */
export async function handleChatCompletions(ctx) {
  const read = readChatRequest(ctx.body);
  if (!read.ok) return sendOpenAIError(ctx, openaiError(400, read.message, { param: read.param }));
  const { request, options } = read;
  const plan = planReply(request);
  if (plan.kind === 'error') {
    const code = plan.status === 429 ? 'rate_limit_exceeded' : null;
    return sendOpenAIError(ctx, openaiError(plan.status, directiveErrorMessage('openai', plan.status), { code }));
  }
  if (plan.kind === 'echo-key') {
    return sendOpenAIError(ctx, openaiError(400, `The API key ${ctx.key} is not allowed to use model ${request.model} (mock echo-key).`, { code: 'model_not_allowed' }));
  }
  trackReply(ctx.res, ctx.stats);
  const billed = billedTokens(plan, request.conversation);
  const usage = makeUsage(billed.input, billed.output);
  const reply = { ...plan, id: randomId('chatcmpl-'), created: Math.floor(Date.now() / 1000), model: request.model, usage };
  if (options.stream) await streamChat(ctx, reply, options.includeUsage);
  else await answerChat(ctx, reply);
}

/**
 * @typedef {import('./reply.mjs').ReplyPlan & { kind: 'reply' } & { id: string, created: number, model: string, usage: ReturnType<typeof makeUsage> }} ChatReply
 */

/**
 * The usage object, with the detail fields the API sends.
 * @param {number} input
 * @param {number} output
 */
function makeUsage(input, output) {
  return {
    prompt_tokens: input,
    completion_tokens: output,
    total_tokens: input + output,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
}

/**
 * Non-streaming: waits as long as the stream would have, then answers.
 * @param {import('./http.mjs').HandlerContext} ctx
 * @param {ChatReply} reply
 */
async function answerChat(ctx, reply) {
  if (reply.hang) return untilGone(ctx.res);
  if (reply.delayMs > 0 && !(await waitOrGone(ctx.res, reply.delayMs * reply.chunks.length))) return;
  const text = reply.chunks.join('');
  const message = reply.tool
    ? { role: 'assistant', content: null, tool_calls: [{ id: randomId('call_', 12), type: 'function', function: { name: reply.tool.name, arguments: text } }], refusal: null, annotations: [] }
    : { role: 'assistant', content: text, refusal: null, annotations: [] };
  sendJson(
    ctx.res,
    200,
    {
      id: reply.id,
      object: 'chat.completion',
      created: reply.created,
      model: reply.model,
      choices: [{ index: 0, message, logprobs: null, finish_reason: FINISH[reply.finish] }],
      usage: reply.usage,
      service_tier: 'default',
      system_fingerprint: FINGERPRINT,
    },
    { 'x-request-id': ctx.requestId },
  );
}

/**
 * Streaming: a role chunk, one chunk per piece, the finish chunk, the usage chunk, `[DONE]`.
 * @param {import('./http.mjs').HandlerContext} ctx
 * @param {ChatReply} reply
 * @param {boolean} includeUsage
 */
async function streamChat(ctx, reply, includeUsage) {
  const { res } = ctx;
  openSse(res, { 'x-request-id': ctx.requestId });
  if (reply.hang) return untilGone(res);
  const out = eventSink(res, reply.burst);
  const base = { id: reply.id, object: 'chat.completion.chunk', created: reply.created, model: reply.model, service_tier: 'default', system_fingerprint: FINGERPRINT };
  /**
   * @param {Record<string, unknown>} delta
   * @param {string | null} [finish]
   */
  const chunk = (delta, finish = null) => ({ ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], ...(includeUsage ? { usage: null } : {}) });
  const first = reply.tool
    ? { role: 'assistant', content: null, tool_calls: [{ index: 0, id: randomId('call_', 12), type: 'function', function: { name: reply.tool.name, arguments: '' } }], refusal: null }
    : { role: 'assistant', content: '', refusal: null };
  if (!(await out.write(chunk(first)))) return;
  for (const piece of reply.chunks) {
    if (reply.delayMs > 0 && !(await waitOrGone(res, reply.delayMs))) return;
    const delta = reply.tool ? { tool_calls: [{ index: 0, function: { arguments: piece } }] } : { content: piece };
    if (!(await out.write(chunk(delta)))) return;
  }
  if (!(await out.write(chunk({}, FINISH[reply.finish])))) return;
  if (includeUsage && !(await out.write({ ...base, choices: [], usage: reply.usage }))) return;
  if (await out.write('[DONE]')) out.end();
}
