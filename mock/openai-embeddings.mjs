// @ts-check
/**
 * `POST /v1/embeddings` (https://platform.openai.com/docs/api-reference/embeddings/create).
 * The official SDK asks for `encoding_format: 'base64'` unless told otherwise, so both
 * encodings are served. `[[error:STATUS]]`, `[[echo-key]]` and `[[hang]]` work in the input too.
 */
import { parseDirectives } from './directives.mjs';
import { DEFAULT_DIMENSIONS, embed, embeddingInputs, toBase64 } from './embeddings.mjs';
import { directiveErrorMessage, openaiError } from './errors.mjs';
import { isObject, sendJson } from './http.mjs';
import { sendOpenAIError } from './openai.mjs';
import { untilGone } from './sse.mjs';
import { trackReply } from './stats.mjs';

/**
 * @param {import('./http.mjs').HandlerContext} ctx
 */
export async function handleEmbeddings(ctx) {
  const { body } = ctx;
  if (!isObject(body)) return sendOpenAIError(ctx, openaiError(400, 'The request body must be a JSON object.'));
  if (typeof body.model !== 'string' || body.model === '') return sendOpenAIError(ctx, openaiError(400, 'you must provide a model parameter', { param: 'model' }));
  const inputs = embeddingInputs(body.input);
  if (!inputs) return sendOpenAIError(ctx, openaiError(400, "'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.", { param: 'input' }));
  const dimensions = body.dimensions ?? DEFAULT_DIMENSIONS;
  if (typeof dimensions !== 'number' || !Number.isInteger(dimensions) || dimensions < 1 || dimensions > 4096) {
    return sendOpenAIError(ctx, openaiError(400, "Invalid 'dimensions': expected an integer between 1 and 4096.", { param: 'dimensions' }));
  }
  const encoding = body.encoding_format ?? 'float';
  if (encoding !== 'float' && encoding !== 'base64') {
    return sendOpenAIError(ctx, openaiError(400, `Invalid value: '${String(encoding)}'. Supported values are: 'float' and 'base64'.`, { param: 'encoding_format' }));
  }
  const directives = parseDirectives(inputs.join('\n'));
  if (directives.errorStatus !== null) {
    const status = directives.errorStatus;
    return sendOpenAIError(ctx, openaiError(status, directiveErrorMessage('openai', status), { code: status === 429 ? 'rate_limit_exceeded' : null }));
  }
  if (directives.echoKey) return sendOpenAIError(ctx, openaiError(400, `The API key ${ctx.key} is not allowed to use model ${body.model} (mock echo-key).`));
  if (directives.hang) {
    trackReply(ctx.res, ctx.stats);
    return untilGone(ctx.res);
  }
  const tokens = inputs.reduce((sum, text) => sum + Math.ceil(text.length / 4), 0);
  const data = inputs.map((text, index) => {
    const vector = embed(text, dimensions);
    return { object: 'embedding', index, embedding: encoding === 'base64' ? toBase64(vector) : vector };
  });
  sendJson(ctx.res, 200, { object: 'list', data, model: body.model, usage: { prompt_tokens: tokens, total_tokens: tokens } }, { 'x-request-id': ctx.requestId });
}
