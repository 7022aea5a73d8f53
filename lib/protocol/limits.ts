/**
 * How large a page message may be, per method: one table, checked where a message enters, before
 * it is parsed or validated: by the content script on the JSON text the page sent
 * (lib/relay/size-gate.ts), and again by the worker on the message it received
 * (lib/background/size-gate.ts), since a compromised content script skips the first check.
 *
 * A size is counted in characters (UTF-16 code units) of the message's JSON text, as
 * `JSON.stringify(m).length` would count them; for text that is ASCII, bytes. A Blob the message
 * carries (lib/protocol/binary.ts) counts its bytes and 2, the quotes of the reference it stands for. Each limit is at
 * least the method's largest valid message with its largest field at its schema maximum, even if
 * every character of that field must be escaped in JSON (`\u0001` is 6 characters), so a
 * request refused here would not have been valid anyway. The limit caps the sum of the fields,
 * which the schemas do not (2 000 messages of 256 parts of 4 M characters are each within bounds).
 *
 * This file has no runtime imports: the content script includes it.
 */

const KiB = 1024;
const MiB = 1024 * KiB;

/**
 * The smallest limit: a method without params, a method the wallet does not know, and every
 * message that is not a request (`cancel`, `sub`, `lane`). Their largest valid form is under 100
 * characters (`{"t":"req","id":2147483648,"method":"getGrant","stream":false}`).
 */
export const SMALLEST_LIMIT = 4 * KiB;

/**
 * Per method, in characters of JSON (a Blob counting its bytes). A new method adds its row; a
 * method with no row gets {@link SMALLEST_LIMIT}.
 */
export const REQUEST_LIMITS: Readonly<Record<string, number>> = Object.freeze({
  getGrant: SMALLEST_LIMIT,
  disconnect: SMALLEST_LIMIT,
  models: SMALLEST_LIMIT,
  // 200 model ids of 256 characters and a 500-character reason, all escaped: under 320 K.
  connect: 512 * KiB,
  // 4 M characters of text escaped (24 M), or a 20 MB image URL, with room for the rest. Also
  // Anthropic's own cap on a Messages request (32 MB): a larger one would be refused there.
  chat: 32 * MiB,
  // One input of 4 M characters, escaped (24 M), with room for the rest.
  embed: 32 * MiB,
  // The audio (at most 25 MiB, MAX_AUDIO_BYTES in media.ts) and a 4 000-character prompt, escaped.
  transcribe: 25 * MiB + 64 * KiB,
  // 40 000 characters of text and 4 096 of instructions, escaped (265 K).
  speak: 512 * KiB,
  // A 32 000-character prompt, escaped (192 K).
  generateImage: 512 * KiB,
});

/** The largest limit of any method: a message over it is refused whatever its method. */
export const LARGEST_LIMIT = Math.max(...Object.values(REQUEST_LIMITS));

/** The limit of a request for `method` (any value a message may carry there). */
export function requestLimit(method: unknown): number {
  return typeof method === 'string' && Object.prototype.hasOwnProperty.call(REQUEST_LIMITS, method) ? REQUEST_LIMITS[method]! : SMALLEST_LIMIT;
}

/**
 * The -32602 message for a request over its limit (listed in messages.ts; written here so the
 * content script need not bundle every message). A method the wallet does not know is not
 * repeated back: it may be the oversized part; nor is a message that is not a request.
 */
export function requestTooLarge(method: unknown): string {
  const known = typeof method === 'string' && Object.prototype.hasOwnProperty.call(REQUEST_LIMITS, method);
  return `Invalid request: message: too large: ${known ? method : 'this message'} allows at most ${requestLimit(method)} characters of JSON`;
}
