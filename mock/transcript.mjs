// @ts-check
/**
 * What the mock "hears" in an upload: a deterministic transcript derived from the bytes (their
 * length and SHA-256), so a test can assert it, and its timing spread over the audio's duration.
 */
import { createHash } from 'node:crypto';

/**
 * The transcript of an upload: `Mock transcript of N bytes, sha256 XXXXXXXXXXXX.`
 * @param {Buffer} data
 */
export function transcriptOf(data) {
  return `Mock transcript of ${data.length} bytes, sha256 ${sha256(data).slice(0, 12)}.`;
}

/** @param {Buffer} data */
export function sha256(data) {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The words of a text, each with its share of the duration.
 * @param {string} text
 * @param {number} seconds
 */
export function timedWords(text, seconds) {
  const words = text.split(/\s+/).filter(Boolean);
  const each = seconds / Math.max(1, words.length);
  return words.map((word, i) => ({ word, start: round(i * each), end: round((i + 1) * each) }));
}

/** @param {number} x */
export function round(x) {
  return Math.round(x * 1000) / 1000;
}

/**
 * `HH:MM:SS,mmm` (SRT) or `HH:MM:SS.mmm` (WebVTT).
 * @param {number} seconds
 * @param {',' | '.'} separator
 */
export function timestamp(seconds, separator) {
  const ms = Math.round(seconds * 1000);
  const pad = (/** @type {number} */ n, /** @type {number} */ width = 2) => String(n).padStart(width, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}${separator}${pad(ms % 1000, 3)}`;
}

/** The language names verbose_json reports for the codes a request may give. */
const LANGUAGE_NAMES = /** @type {Record<string, string>} */ ({
  en: 'english', de: 'german', fr: 'french', es: 'spanish', it: 'italian', pt: 'portuguese', nl: 'dutch', ja: 'japanese', zh: 'chinese', ko: 'korean', ru: 'russian', pl: 'polish',
});

/**
 * @param {string} code ISO-639-1
 */
export function languageName(code) {
  return LANGUAGE_NAMES[code.toLowerCase()] ?? code.toLowerCase();
}
