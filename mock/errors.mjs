// @ts-check
/**
 * Error bodies in each provider's own shape.
 * OpenAI: `{ error: { message, type, param, code } }`.
 * Anthropic: `{ type: 'error', error: { type, message }, request_id }`.
 */

/** @typedef {{ status: number, body: unknown, headers: Record<string, string> }} ErrorReply */

/**
 * @typedef {object} OpenAIErrorFields
 * @property {string} [type] defaults from the status
 * @property {string | null} [code]
 * @property {string | null} [param]
 */

/** @param {number} status */
function openaiType(status) {
  if (status === 429) return 'requests';
  if (status >= 500) return 'server_error';
  return 'invalid_request_error';
}

/**
 * An OpenAI-shaped error.
 * @param {number} status
 * @param {string} message
 * @param {OpenAIErrorFields} [fields]
 * @returns {ErrorReply}
 */
export function openaiError(status, message, fields = {}) {
  const error = {
    message,
    type: fields.type ?? openaiType(status),
    param: fields.param ?? null,
    code: fields.code ?? null,
  };
  return { status, body: { error }, headers: status === 429 ? { 'retry-after': '7' } : {} };
}

/** Anthropic's error types by status (https://docs.anthropic.com/en/api/errors). */
const ANTHROPIC_TYPES = /** @type {Record<number, string>} */ ({
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  504: 'timeout_error',
  529: 'overloaded_error',
});

/** @param {number} status */
export function anthropicType(status) {
  return ANTHROPIC_TYPES[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error');
}

/**
 * An Anthropic-shaped error.
 * @param {number} status
 * @param {string} message
 * @param {string} requestId
 * @returns {ErrorReply}
 */
export function anthropicError(status, message, requestId) {
  const body = { type: 'error', error: { type: anthropicType(status), message }, request_id: requestId };
  return { status, body, headers: status === 429 ? { 'retry-after': '7' } : {} };
}

/**
 * The message for a `[[error:STATUS]]` directive.
 * @param {'openai' | 'anthropic'} provider
 * @param {number} status
 */
export function directiveErrorMessage(provider, status) {
  if (status === 429) {
    return provider === 'openai'
      ? 'Rate limit reached for requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 7s.'
      : 'Number of requests has exceeded your per-minute rate limit. Please try again in 7s.';
  }
  if (status === 503) return provider === 'openai' ? 'The engine is currently overloaded, please try again later.' : 'Service unavailable.';
  if (status === 529) return 'Overloaded';
  if (status >= 500) {
    return provider === 'openai' ? 'The server had an error while processing your request. Sorry about that!' : 'Internal server error';
  }
  return `Invalid request (mock error ${status}).`;
}

/**
 * Masks a key the way OpenAI's 401 message does: `sk-b***xyz`.
 * @param {string} key
 */
export function maskKey(key) {
  return key.length >= 8 ? `${key.slice(0, 4)}***${key.slice(-3)}` : '***';
}

/** ElevenLabs' `detail.status` for the statuses the mock answers with. */
const ELEVENLABS_STATUS = /** @type {Record<number, string>} */ ({
  400: 'invalid_request',
  401: 'invalid_api_key',
  404: 'not_found',
  413: 'file_too_large',
  422: 'invalid_parameters',
  429: 'too_many_concurrent_requests',
  500: 'internal_server_error',
  503: 'system_busy',
});

/**
 * An ElevenLabs-shaped error (https://elevenlabs.io/docs/api-reference): `{ detail: { status, message } }`.
 * @param {number} status
 * @param {string} message
 * @param {string} [detailStatus] defaults from the HTTP status
 * @returns {ErrorReply}
 */
export function elevenlabsError(status, message, detailStatus) {
  const body = { detail: { status: detailStatus ?? ELEVENLABS_STATUS[status] ?? (status >= 500 ? 'internal_server_error' : 'invalid_request'), message } };
  return { status, body, headers: status === 429 ? { 'retry-after': '7' } : {} };
}

/**
 * A 422 as ElevenLabs' request validation sends it: `{ detail: [{ type, loc, msg, input }] }`.
 * @param {string} field
 * @param {string} msg
 * @param {'body' | 'query' | 'path'} [where]
 * @returns {ErrorReply}
 */
export function elevenlabsValidationError(field, msg, where = 'body') {
  return { status: 422, body: { detail: [{ type: 'value_error', loc: [where, field], msg, input: null }] }, headers: {} };
}
