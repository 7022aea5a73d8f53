/**
 * Removes secrets from text that may leave the background context (error messages above all).
 *
 * Three passes, all marking spans of the original text, cut at the end:
 * 1. every exact secret the caller knows, raw and in the encodings it could be echoed in whole;
 * 2. any piece of at least 8 characters of a known secret's core, in every form that can be
 *    decoded from the text: percent-encoded, HTML entities, `\u` / `\x` / JSON escapes, base64,
 *    base64url, hex, any case, split by spaces or line breaks (scrub-views.ts, scrub-fragments.ts);
 * 3. anything shaped like a provider key or a bearer token, raw or decoded.
 * A final check guarantees the result holds none of the given secrets and no piece of one.
 */
import { binaryViews, decodedLayers, type View } from './scrub-views';
import { findFragments, fragmentsOf, type FragmentSet } from './scrub-fragments';

export const REDACTED = '[redacted]';

/** Key shapes of the providers byok knows, and tokens after `Bearer`. */
const KEY_PATTERNS: readonly RegExp[] = [
  /(?<=\bBearer\s+)[A-Za-z0-9._~+/=-]{8,}/g, // Authorization header values (the word stays)
  /\bsk-[A-Za-z0-9_-]{8,}/g, // OpenAI (sk-, sk-proj-, sk-svcacct-), Anthropic (sk-ant-), OpenRouter (sk-or-), DeepSeek
  /\bgsk_[A-Za-z0-9_-]{8,}/g, // Groq
  /\bxai-[A-Za-z0-9_-]{8,}/g, // xAI
  /\bAIza[0-9A-Za-z_-]{20,}/g, // Google
  /\b(?:tgp_v1_|key_)[A-Za-z0-9_-]{16,}/g, // Together
];

/** The forms a secret takes when a server echoes it inside a URL or a JSON string. */
function variants(secret: string): string[] {
  const out = new Set([secret]);
  try {
    out.add(encodeURIComponent(secret));
  } catch {
    // a lone surrogate cannot be URL-encoded; the raw form is still covered
  }
  out.add(JSON.stringify(secret).slice(1, -1));
  // Base64 and hex, as a server may echo credentials it decoded or logged (docs/THREAT_MODEL.md).
  const bytes = new TextEncoder().encode(secret);
  const base64 = btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join('')).replace(/=+$/, '');
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  for (const v of [base64, base64.replace(/\+/g, '-').replace(/\//g, '_'), hex, hex.toUpperCase()]) out.add(v);
  return [...out].filter((v) => v.length > 0).sort((a, b) => b.length - a.length);
}

/** Every [start, end) range where one of `needles` occurs in `text`, overlaps included. */
function ranges(text: string, needles: readonly string[]): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  for (const needle of needles) {
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
      found.push([at, at + needle.length]);
    }
  }
  return found;
}

/** Replaces the union of `found` ranges by one marker each. */
function cut(text: string, found: Array<[number, number]>): string {
  found.sort((a, b) => a[0] - b[0]);
  let out = '';
  let pos = 0;
  let i = 0;
  while (i < found.length) {
    const first = found[i];
    if (!first) break;
    const start = Math.max(first[0], pos);
    let end = first[1];
    for (i += 1; i < found.length; i += 1) {
      const next = found[i];
      if (!next || next[0] > end) break;
      end = Math.max(end, next[1]);
    }
    if (end <= start) continue;
    out += text.slice(pos, start) + REDACTED;
    pos = end;
  }
  return out + text.slice(pos);
}

/** The spans of anything key-shaped in `view`, mapped back to the original text. */
function keyShapes(view: View, found: Array<[number, number]>): void {
  for (const pattern of KEY_PATTERNS) {
    for (const match of view.bytes.matchAll(pattern)) {
      const start = view.start[match.index];
      const end = view.end[match.index + match[0].length - 1];
      if (start !== undefined && end !== undefined) found.push([start, end]);
    }
  }
}

/** Every span of `text` to remove: the three passes of the module comment. */
function secretSpans(text: string, known: readonly string[], sets: readonly FragmentSet[]): Array<[number, number]> {
  const found = known.length > 0 ? ranges(text, known.flatMap(variants)) : [];
  if (sets.length > 0) {
    for (const layer of decodedLayers(text, true)) {
      for (const view of [layer, ...binaryViews(layer)]) for (const set of sets) findFragments(view, set, found);
    }
  }
  for (const layer of decodedLayers(text, false)) keyShapes(layer, found);
  return found;
}

/**
 * `text` without any of `secrets` (whole or any 8-character piece, in any encoding that can be
 * decoded from the text) and without anything that looks like a provider key or a bearer token;
 * each removal becomes `[redacted]`.
 */
export function scrub(text: string, secrets: readonly string[] = []): string {
  const known = secrets.filter((s) => typeof s === 'string' && s.length > 0);
  const sets = known.map(fragmentsOf).filter((s): s is FragmentSet => s !== undefined);
  let out = text;
  // A second pass catches what the first cut could have joined (a marker between two halves).
  for (let pass = 0; pass < 2; pass += 1) {
    const found = secretSpans(out, known, sets);
    if (found.length === 0) return out;
    out = cut(out, found);
  }
  // The marker next to ordinary text could, in theory, still spell a secret: never return it.
  if (secretSpans(out, known, sets).length === 0) return out;
  return secretSpans(REDACTED, known, sets).length === 0 ? REDACTED : '';
}
