// @ts-check
/**
 * Deterministic embeddings: each input's SHA-256 spread over `dimensions` (default 8) numbers,
 * normalized to length 1 and rounded to float32 so that the `float` and `base64` encodings
 * (https://platform.openai.com/docs/api-reference/embeddings/create) carry the same values.
 */
import { createHash } from 'node:crypto';

export const DEFAULT_DIMENSIONS = 8;

/**
 * The vector for one input.
 * @param {string} input
 * @param {number} [dimensions]
 * @returns {number[]}
 */
export function embed(input, dimensions = DEFAULT_DIMENSIONS) {
  const raw = [];
  for (let block = 0; raw.length < dimensions; block += 1) {
    const digest = createHash('sha256').update(`${block}:${input}`).digest();
    for (let i = 0; i + 1 < digest.length && raw.length < dimensions; i += 2) raw.push(digest.readInt16LE(i) / 32768);
  }
  const norm = Math.hypot(...raw) || 1;
  return raw.map((x) => Math.fround(x / norm));
}

/**
 * A vector as OpenAI's `encoding_format: 'base64'` sends it: little-endian float32 bytes.
 * @param {number[]} vector
 */
export function toBase64(vector) {
  const bytes = Buffer.alloc(vector.length * 4);
  vector.forEach((x, i) => bytes.writeFloatLE(x, i * 4));
  return bytes.toString('base64');
}

/**
 * The inputs of an embeddings request as strings (token arrays are hashed as their JSON), or
 * null when `input` has none of the accepted shapes.
 * @param {unknown} input
 * @returns {string[] | null}
 */
export function embeddingInputs(input) {
  if (typeof input === 'string') return [input];
  if (!Array.isArray(input) || input.length === 0) return null;
  if (input.every((x) => typeof x === 'number')) return [JSON.stringify(input)];
  if (input.every((x) => typeof x === 'string')) return input;
  if (input.every((x) => Array.isArray(x) && x.every((n) => typeof n === 'number'))) return input.map((x) => JSON.stringify(x));
  return null;
}
