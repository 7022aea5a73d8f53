// @ts-check
/**
 * Which keys the mock accepts, and the 401s it answers otherwise, in each provider's shape.
 */
import { anthropicError, elevenlabsError, maskKey, openaiError } from './errors.mjs';
import { header } from './http.mjs';

/**
 * @typedef {{ ok: true, key: string } | { ok: false, error: import('./errors.mjs').ErrorReply }} AuthResult
 */

/**
 * A key is valid if it is in `keys`, or, without a `keys` list, if it starts with `sk-test-`; a key
 * revoked at the provider (`revoked`, as `POST /__mock/revoke` makes one) never is.
 * @param {string} key
 * @param {readonly string[] | undefined} keys
 * @param {ReadonlySet<string>} [revoked]
 */
export function isValidKey(key, keys, revoked) {
  if (revoked?.has(key)) return false;
  return keys ? keys.includes(key) : key.startsWith('sk-test-');
}

/**
 * The key of an OpenAI-style request (`Authorization: Bearer K`), or '' when there is none.
 * @param {import('node:http').IncomingMessage} req
 */
export function bearerKey(req) {
  const match = /^Bearer\s+(.*)$/i.exec(header(req, 'authorization').trim());
  return match?.[1]?.trim() ?? '';
}

/**
 * Checks `Authorization: Bearer K` like api.openai.com does.
 * @param {import('node:http').IncomingMessage} req
 * @param {readonly string[] | undefined} keys
 * @param {ReadonlySet<string>} [revoked]
 * @returns {AuthResult}
 */
export function checkOpenAIAuth(req, keys, revoked) {
  const key = bearerKey(req);
  if (!key) {
    return {
      ok: false,
      error: openaiError(
        401,
        "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
      ),
    };
  }
  if (!isValidKey(key, keys, revoked)) {
    return {
      ok: false,
      error: openaiError(
        401,
        `Incorrect API key provided: ${maskKey(key)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
        { code: 'invalid_api_key' },
      ),
    };
  }
  return { ok: true, key };
}

/**
 * Checks an Anthropic key: `x-api-key: K`, or `Authorization: Bearer K`, which is how the official
 * SDK (v1.x) sends `apiKey`. `x-api-key` wins when both are present.
 * @param {import('node:http').IncomingMessage} req
 * @param {readonly string[] | undefined} keys
 * @param {string} requestId
 * @param {ReadonlySet<string>} [revoked]
 * @returns {AuthResult}
 */
export function checkAnthropicAuth(req, keys, requestId, revoked) {
  const apiKey = header(req, 'x-api-key').trim();
  const key = apiKey || bearerKey(req);
  if (!key) return { ok: false, error: anthropicError(401, 'x-api-key header is required', requestId) };
  if (!isValidKey(key, keys, revoked)) return { ok: false, error: anthropicError(401, apiKey ? 'invalid x-api-key' : 'Invalid bearer token', requestId) };
  return { ok: true, key };
}

/**
 * Checks an ElevenLabs key (`xi-api-key: K`). Besides the keys every dialect accepts, a key of
 * ElevenLabs' own shape (`sk_test_...`) is valid when no `keys` list is given.
 * @param {import('node:http').IncomingMessage} req
 * @param {readonly string[] | undefined} keys
 * @param {ReadonlySet<string>} [revoked]
 * @returns {AuthResult}
 */
export function checkElevenLabsAuth(req, keys, revoked) {
  const key = header(req, 'xi-api-key').trim();
  if (!key) return { ok: false, error: elevenlabsError(401, 'Neither authorization header nor xi-api-key received, please provide one.', 'needs_authorization') };
  const valid = isValidKey(key, keys, revoked) || (!keys && !revoked?.has(key) && key.startsWith('sk_test_'));
  if (!valid) return { ok: false, error: elevenlabsError(401, 'Invalid API key', 'invalid_api_key') };
  return { ok: true, key };
}
