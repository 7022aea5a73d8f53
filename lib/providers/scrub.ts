/**
 * Removes secrets from text that may leave the background context (error messages above all).
 *
 * Two passes: every exact secret the caller knows (and its URL- and JSON-escaped forms), then
 * anything shaped like a provider key or a bearer token. A final check guarantees the result
 * contains none of the given secrets, whatever the surrounding text.
 */

export const REDACTED = '[redacted]';

/** Key shapes of the providers byok knows, and tokens after `Bearer`. */
const KEY_PATTERNS: readonly RegExp[] = [
  /\bBearer\s+[A-Za-z0-9._~+/=-]{8,}/g, // Authorization header values
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
  return found.sort((a, b) => a[0] - b[0]);
}

/** Replaces the union of `found` ranges by one marker each. */
function cut(text: string, found: ReadonlyArray<[number, number]>): string {
  let out = '';
  let pos = 0;
  let i = 0;
  while (i < found.length) {
    const first = found[i];
    if (!first) break;
    const start = first[0];
    let end = first[1];
    for (i += 1; i < found.length; i += 1) {
      const next = found[i];
      if (!next || next[0] > end) break;
      end = Math.max(end, next[1]);
    }
    out += text.slice(pos, start) + REDACTED;
    pos = end;
  }
  return out + text.slice(pos);
}

/**
 * `text` without any of `secrets` (exact, URL-encoded or JSON-escaped) and without anything that
 * looks like a provider key or a bearer token; each removal becomes `[redacted]`.
 */
export function scrub(text: string, secrets: readonly string[] = []): string {
  const known = secrets.filter((s) => typeof s === 'string' && s.length > 0);
  const needles = known.flatMap(variants);
  let out = needles.length > 0 ? cut(text, ranges(text, needles)) : text;
  for (const pattern of KEY_PATTERNS) out = out.replace(pattern, (m) => (m.startsWith('Bearer') ? `Bearer ${REDACTED}` : REDACTED));
  // The marker next to ordinary text could, in theory, spell a secret again: never return it.
  if (known.some((s) => out.includes(s))) {
    return known.some((s) => REDACTED.includes(s)) ? '' : REDACTED;
  }
  return out;
}
