/**
 * A site's `reason` for connect(), as the approval window shows it (docs/THREAT_MODEL.md,
 * "keystrokes"). It is the site's own text, shown in the wallet's window: bidi controls could
 * make it read differently from what it is (an `https://…` that is not in the text), invisible
 * characters could hide text, and a long one could push the wallet's own words off screen. It is
 * cleaned when connect() accepts it and again when it is shown.
 */
export const REASON_MAX_CHARS = 200;

/** U+061C, U+200E/U+200F, U+202A–U+202E, U+2066–U+2069: the bidi marks, embeddings, overrides, isolates. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** Other invisible format characters (zero-width spaces, tag characters), but the joiners that scripts and emoji need. */
const INVISIBLE = /(?![\u200C\u200D])\p{Cf}/gu;
/** Control characters and line breaks: the reason is one line. */
const BREAKS = /[\p{Cc}\u2028\u2029\s]+/gu;

/** The reason without bidi controls or invisible characters, on one line, at most REASON_MAX_CHARS characters (code points). */
export function sanitizeReason(reason: string): string {
  const clean = reason.replace(BIDI_CONTROLS, '').replace(INVISIBLE, '').replace(BREAKS, ' ').trim();
  const chars = Array.from(clean);
  return chars.length <= REASON_MAX_CHARS ? clean : `${chars.slice(0, REASON_MAX_CHARS - 1).join('').trimEnd()}…`;
}
