/**
 * Finding a known secret, or any piece of it, in the decoded views of a text (scrub-views.ts).
 *
 * A key is matched by its distinctive core: the key without the public prefix every key of its
 * provider shares (`sk-proj-`, `sk-ant-api03-`, …), folded to lower case. Any run of at least
 * {@link MIN_FRAGMENT} characters of the core counts: a server that cuts, wraps or splits the key
 * still leaks no more than 7 characters of it in a row. 8 characters of a random key cannot occur
 * by chance in an error message (36^8 ≈ 3·10^12 combinations even case-folded), and public
 * prefixes are left out, so ordinary text and other keys' prefixes are not over-scrubbed.
 */
import type { View } from './scrub-views';

/** The shortest piece of a key's core that is removed wherever it appears. */
export const MIN_FRAGMENT = 8;

/** Public prefixes of provider keys, longest first (docs/THREAT_MODEL.md, leaky errors). */
const PUBLIC_PREFIXES: readonly RegExp[] = [
  /^sk-ant-(?:api|admin|oat|sid)\d*-/i, // Anthropic
  /^sk-(?:proj|svcacct|admin|None)-/i, // OpenAI project, service-account and admin keys
  /^sk-or-v\d+-/i, // OpenRouter
  /^sk-ant-/i,
  /^sk-/i, // OpenAI legacy, DeepSeek, and most OpenAI-compatible servers
  /^gsk_/i, // Groq
  /^xai-/i, // xAI
  /^AIzaSy/, // Google API keys all start with these six characters
  /^AIza/,
  /^tgp_v\d+_/i, // Together
  /^(?:key|pplx|csk|hf|r8|fw)[-_]/i, // Together (old), Perplexity, Cerebras, Hugging Face, Replicate, Fireworks
];

/** `A`–`Z` to `a`–`z` only: byte strings keep their length and other bytes stay as they are. */
export function foldCase(bytes: string): string {
  return bytes.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}

/** The secret without its public prefix and fillers, as folded UTF-8 bytes. */
export function coreOf(secret: string): string {
  let rest = secret.replace(/[\s\u00a0\u00ad\u200b-\u200d\u2028\u2029\ufeff]+/g, '');
  const prefix = PUBLIC_PREFIXES.find((p) => p.test(rest));
  const stripped = prefix ? rest.replace(prefix, '') : rest;
  // A key that is nothing but a prefix is matched whole.
  if (stripped.length > 0) rest = stripped;
  return foldCase(Array.from(new TextEncoder().encode(rest), (b) => String.fromCharCode(b)).join(''));
}

/** What to look for: every `length`-byte piece of one secret's core (the whole core when shorter). */
export interface FragmentSet {
  length: number;
  pieces: Set<string>;
}

export function fragmentsOf(secret: string): FragmentSet | undefined {
  const core = coreOf(secret);
  if (core.length === 0) return undefined;
  const length = Math.min(MIN_FRAGMENT, core.length);
  const pieces = new Set<string>();
  for (let i = 0; i + length <= core.length; i += 1) pieces.add(core.slice(i, i + length));
  return { length, pieces };
}

/** The original-text spans of every piece of `set` found in `view` (case-folded). */
export function findFragments(view: View, set: FragmentSet, found: Array<[number, number]>): void {
  const folded = foldCase(view.bytes);
  for (let i = 0; i + set.length <= folded.length; i += 1) {
    if (!set.pieces.has(folded.slice(i, i + set.length))) continue;
    const start = view.start[i];
    const end = view.end[i + set.length - 1];
    if (start !== undefined && end !== undefined) found.push([start, end]);
  }
}
