// @ts-check
/**
 * What the reply depends on, in a form shared by both providers, and the mock's token count:
 * input tokens = ceil(characters of all message text / 4) + 4 per message + 85 per image.
 */

/**
 * @typedef {object} Conversation
 * @property {string} userText the text of the last user message that has text (directives included)
 * @property {number} images images in the whole request
 * @property {string[] | null} toolResults the tool results that end the conversation, or null
 * @property {number} inputTokens
 */

/**
 * @typedef {{ ok: true, value: Conversation } | { ok: false, message: string, param: string | null }} ParsedConversation
 */

/** The input tokens the mock counts for an image, unless a directive says otherwise. */
export const IMAGE_TOKENS = 85;

/** Collects the counts while a provider module walks its messages. */
export class Tally {
  chars = 0;
  messages = 0;
  images = 0;

  /** @param {string} text */
  text(text) {
    this.chars += text.length;
  }

  get inputTokens() {
    return Math.ceil(this.chars / 4) + 4 * this.messages + IMAGE_TOKENS * this.images;
  }
}

/**
 * A validation failure.
 * @param {string} message
 * @param {string | null} [param]
 * @returns {ParsedConversation}
 */
export function invalid(message, param = null) {
  return { ok: false, message, param };
}

/**
 * Whether a URL is one a provider accepts for an image: http(s) or a `data:image/...` URL.
 * @param {unknown} url
 */
export function isImageUrl(url) {
  return typeof url === 'string' && (/^https?:\/\/\S+$/i.test(url) || /^data:image\/[a-z.+-]+;base64,/i.test(url));
}
