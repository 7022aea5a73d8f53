/**
 * When a provider's rate limit resets, from its headers, for a 429 that gave no `retry-after`:
 * OpenAI (and Groq) send `x-ratelimit-reset-requests` / `-tokens` as durations (`1s`, `6m0s`,
 * `20ms`) beside `x-ratelimit-remaining-*`; Anthropic sends `anthropic-ratelimit-*-reset` as
 * RFC 3339 times beside `anthropic-ratelimit-*-remaining`. A key rate-limited is passed over
 * until then (lib/pipeline/fallback.ts).
 */

const LIMITS = ['requests', 'tokens'] as const;
const ANTHROPIC_LIMITS = ['requests', 'tokens', 'input-tokens', 'output-tokens'] as const;
const UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1 };

/** Milliseconds of a Go-style duration (`1h2m3.5s`, `20ms`), or undefined when it is not one. */
export function durationMs(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^(\d+(\.\d+)?(h|ms|m|s))+$/.test(trimmed)) return undefined;
  let total = 0;
  for (const [, amount, unit] of trimmed.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s)/g)) total += Number(amount) * UNIT_MS[unit!]!;
  return Math.round(total);
}

/**
 * Milliseconds until the provider's exhausted limit resets: the latest reset of the limits whose
 * remaining count is 0, else the latest reset given; undefined when the headers say none.
 */
export function rateLimitResetMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const limits: { remaining: number; resetMs: number }[] = [];
  for (const limit of LIMITS) {
    const reset = headers.get(`x-ratelimit-reset-${limit}`);
    const resetMs = reset === null ? undefined : durationMs(reset);
    if (resetMs !== undefined) limits.push({ remaining: Number(headers.get(`x-ratelimit-remaining-${limit}`) ?? NaN), resetMs });
  }
  for (const limit of ANTHROPIC_LIMITS) {
    const at = Date.parse(headers.get(`anthropic-ratelimit-${limit}-reset`) ?? '');
    if (!Number.isNaN(at)) limits.push({ remaining: Number(headers.get(`anthropic-ratelimit-${limit}-remaining`) ?? NaN), resetMs: Math.max(0, at - now) });
  }
  const exhausted = limits.filter((l) => l.remaining === 0);
  const chosen = exhausted.length ? exhausted : limits;
  return chosen.length ? Math.max(...chosen.map((l) => l.resetMs)) : undefined;
}
