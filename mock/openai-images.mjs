// @ts-check
/**
 * `POST /v1/images/generations` (https://platform.openai.com/docs/api-reference/images/create):
 * `{ created, data: [{ url | b64_json, revised_prompt? }], usage? }`. Each model's own rules:
 * dall-e-2 (the default; 256/512/1024 squares, n up to 10), dall-e-3 (n = 1, 1024x1024,
 * 1792x1024, 1024x1792, quality standard|hd, style, a `revised_prompt`), gpt-image-1 (always
 * `b64_json`, no `response_format`, quality low|medium|high|auto, background, output_format, and
 * token `usage`). The images are real PNGs at 1/32 of the asked size, coloured from the prompt;
 * a `url` is served by the mock itself (`GET /__mock/images/ID.png`) for an hour.
 * Directives in `prompt`: `[[error:STATUS]]`, `[[echo-key]]`, `[[hang]]`, `[[delay:MS]]`.
 */
import { createHash } from 'node:crypto';
import { parseDirectives } from './directives.mjs';
import { directiveErrorMessage, openaiError } from './errors.mjs';
import { isObject, randomId, sendJson } from './http.mjs';
import { sendOpenAIError } from './openai.mjs';
import { encodePng } from './png.mjs';
import { untilGone, waitOrGone } from './sse.mjs';
import { trackReply } from './stats.mjs';

/**
 * @typedef {object} ImageModelRules
 * @property {string[]} sizes
 * @property {string[]} qualities
 * @property {number} maxN
 * @property {number} maxPrompt
 * @property {boolean} tokens billed in tokens (gpt-image), always b64
 */

/** @type {Record<'dall-e-2' | 'dall-e-3' | 'gpt-image', ImageModelRules>} */
const RULES = {
  'dall-e-2': { sizes: ['256x256', '512x512', '1024x1024'], qualities: ['standard'], maxN: 10, maxPrompt: 1000, tokens: false },
  'dall-e-3': { sizes: ['1024x1024', '1792x1024', '1024x1792'], qualities: ['standard', 'hd'], maxN: 1, maxPrompt: 4000, tokens: false },
  'gpt-image': { sizes: ['1024x1024', '1536x1024', '1024x1536', 'auto'], qualities: ['low', 'medium', 'high', 'auto'], maxN: 10, maxPrompt: 32_000, tokens: true },
};

/** gpt-image-1's output tokens per image, by quality and size (its pricing guide's table). */
const IMAGE_TOKENS = /** @type {Record<string, Record<string, number>>} */ ({
  low: { '1024x1024': 272, '1536x1024': 408, '1024x1536': 400 },
  medium: { '1024x1024': 1056, '1536x1024': 1584, '1024x1536': 1568 },
  high: { '1024x1024': 4160, '1536x1024': 6240, '1024x1536': 6208 },
});

/** The URLs' images, by id, with when they expire. */
const served = /** @type {Map<string, { png: Buffer, expires: number }>} */ (new Map());
const URL_LIFETIME_MS = 60 * 60 * 1000;
const MAX_SERVED = 500;

/** @param {string} model */
function rulesOf(model) {
  if (model.startsWith('gpt-image')) return RULES['gpt-image'];
  return model === 'dall-e-3' ? RULES['dall-e-3'] : RULES['dall-e-2'];
}

/**
 * @param {import('./http.mjs').HandlerContext} ctx
 */
export async function handleImages(ctx) {
  const { body } = ctx;
  const fail = (/** @type {string} */ message, /** @type {string | null} */ param, /** @type {string | null} */ code = null) => sendOpenAIError(ctx, openaiError(400, message, { param, code }));
  if (!isObject(body)) return fail('The request body must be a JSON object.', null);
  const model = body.model ?? 'dall-e-2';
  if (typeof model !== 'string' || model === '') return fail("Invalid type for 'model': expected a string.", 'model', 'invalid_type');
  const rules = rulesOf(model);
  if (typeof body.prompt !== 'string') return fail("Missing required parameter: 'prompt'.", 'prompt', 'missing_required_parameter');
  if (body.prompt.length === 0) return fail("Invalid 'prompt': string too short. Expected a string with minimum length 1, but got an empty string instead.", 'prompt', 'string_below_min_length');
  if (body.prompt.length > rules.maxPrompt) {
    return fail(`Invalid 'prompt': string too long. Expected a string with maximum length ${rules.maxPrompt}, but got a string with length ${body.prompt.length} instead.`, 'prompt', 'string_above_max_length');
  }
  const n = body.n ?? 1;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) return fail("Invalid 'n': expected an integer of at least 1.", 'n', 'invalid_value');
  if (n > rules.maxN) return fail(`Invalid 'n': integer above maximum value. Expected a value <= ${rules.maxN}, but got ${n} instead.`, 'n', 'integer_above_max_value');
  const size = body.size ?? (rules.tokens ? 'auto' : '1024x1024');
  if (typeof size !== 'string' || !rules.sizes.includes(size)) {
    return fail(`Invalid value: '${String(size)}'. Supported values are: ${rules.sizes.map((s) => `'${s}'`).join(', ')}.`, 'size', 'invalid_value');
  }
  const quality = body.quality ?? (rules.tokens ? 'auto' : 'standard');
  if (typeof quality !== 'string' || !rules.qualities.includes(quality)) {
    return fail(`Invalid value: '${String(quality)}'. Supported values are: ${rules.qualities.map((q) => `'${q}'`).join(', ')}.`, 'quality', 'invalid_value');
  }
  if (rules.tokens && body.response_format !== undefined) return fail("Unknown parameter: 'response_format'.", 'response_format', 'unknown_parameter');
  const responseFormat = body.response_format ?? 'url';
  if (responseFormat !== 'url' && responseFormat !== 'b64_json') return fail(`Invalid value: '${String(responseFormat)}'. Supported values are: 'url' and 'b64_json'.`, 'response_format', 'invalid_value');
  if (body.style !== undefined && (model !== 'dall-e-3' || (body.style !== 'vivid' && body.style !== 'natural'))) {
    return fail(model === 'dall-e-3' ? `Invalid value: '${String(body.style)}'. Supported values are: 'vivid' and 'natural'.` : "Unknown parameter: 'style'.", 'style', 'invalid_value');
  }
  if (!rules.tokens && (body.background !== undefined || body.output_format !== undefined)) {
    return fail(`Unknown parameter: '${body.background !== undefined ? 'background' : 'output_format'}'.`, body.background !== undefined ? 'background' : 'output_format', 'unknown_parameter');
  }
  const directives = parseDirectives(body.prompt);
  if (directives.errorStatus !== null) {
    const status = directives.errorStatus;
    return sendOpenAIError(ctx, openaiError(status, directiveErrorMessage('openai', status), { code: status === 429 ? 'rate_limit_exceeded' : null }));
  }
  if (directives.echoKey) return fail(`The API key ${ctx.key} is not allowed to use model ${model} (mock echo-key).`, null);
  if (directives.hang || directives.delayMs > 0) {
    trackReply(ctx.res, ctx.stats);
    if (directives.hang) return untilGone(ctx.res);
    if (!(await waitOrGone(ctx.res, directives.delayMs))) return;
  }
  const actualSize = size === 'auto' ? '1024x1024' : size;
  const transparent = body.background === 'transparent';
  const data = Array.from({ length: n }, (_, i) => {
    const png = drawImage(`${i}:${body.prompt}`, actualSize, transparent);
    /** @type {Record<string, string>} */
    const image = {};
    if (rules.tokens || responseFormat === 'b64_json') image.b64_json = png.toString('base64');
    else image.url = serve(ctx.origin, png);
    if (model === 'dall-e-3') image.revised_prompt = `A mock rendering of: ${directives.text || body.prompt}`;
    return image;
  });
  /** @type {Record<string, unknown>} */
  const answer = { created: Math.floor(Date.now() / 1000), data };
  if (rules.tokens) {
    const tier = quality === 'auto' ? 'medium' : quality;
    const perImage = IMAGE_TOKENS[tier]?.[actualSize] ?? 1056;
    const textTokens = Math.ceil(body.prompt.length / 4);
    Object.assign(answer, {
      background: transparent ? 'transparent' : 'opaque',
      output_format: 'png',
      quality: tier,
      size: actualSize,
      usage: { input_tokens: textTokens, input_tokens_details: { text_tokens: textTokens, image_tokens: 0 }, output_tokens: perImage * n, total_tokens: textTokens + perImage * n },
    });
  }
  sendJson(ctx.res, 200, answer, { 'x-request-id': ctx.requestId });
}

/**
 * A PNG at 1/32 of `size` (1024x1024 is 32x32), a two-colour gradient from the seed's hash.
 * @param {string} seed
 * @param {string} size `WxH`
 * @param {boolean} transparent
 */
export function drawImage(seed, size, transparent) {
  const [w = 1024, h = 1024] = size.split('x').map(Number);
  const width = Math.max(1, Math.round(w / 32));
  const height = Math.max(1, Math.round(h / 32));
  const hash = createHash('sha256').update(seed).digest();
  return encodePng(
    width,
    height,
    (x, y) => {
      const t = (x + y) / Math.max(1, width + height - 2);
      const rgb = [0, 1, 2].map((c) => Math.round((hash[c] ?? 0) * (1 - t) + (hash[c + 3] ?? 0) * t));
      return transparent ? [...rgb, x < width / 2 ? 255 : 0] : rgb;
    },
    transparent,
  );
}

/**
 * Keeps `png` for an hour and returns its URL on this server.
 * @param {string} origin
 * @param {Buffer} png
 */
function serve(origin, png) {
  const now = Date.now();
  for (const [id, entry] of served) if (entry.expires < now || served.size >= MAX_SERVED) served.delete(id);
  const id = randomId('img-', 12);
  served.set(id, { png, expires: now + URL_LIFETIME_MS });
  return `${origin}/__mock/images/${id}.png`;
}

/**
 * The PNG behind a `/__mock/images/ID.png` URL, or null once it is gone.
 * @param {string} id
 */
export function servedImage(id) {
  const entry = served.get(id);
  return entry && entry.expires >= Date.now() ? entry.png : null;
}
