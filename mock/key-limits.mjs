// @ts-check
/**
 * Limits a test sets on one key at the provider, for the wallet's fallback between keys: the key
 * is rate-limited until its reset (a 429 that says when in the provider's reset headers, without
 * `retry-after`), or out of credit (OpenAI: 429 `insufficient_quota`; Anthropic: 400 "credit
 * balance is too low"). Only completion routes answer so; listing models still works, as at the
 * real providers.
 */
import { anthropicError, openaiError } from './errors.mjs';

/** @typedef {{ kind: 'rate', until: number } | { kind: 'credit' }} KeyLimit */

export function createKeyLimits() {
  /** @type {Map<string, KeyLimit>} */
  const limits = new Map();
  return {
    /**
     * @param {string} key
     * @param {'rate' | 'credit'} kind
     * @param {number} [resetSeconds] how long a rate limit lasts
     */
    set(key, kind, resetSeconds = 30) {
      limits.set(key, kind === 'rate' ? { kind, until: Date.now() + resetSeconds * 1000 } : { kind });
    },
    /**
     * The refusal of a completion request made with `key`, or null when it has no limit (a rate
     * limit past its reset is gone).
     * @param {string} key
     * @param {'openai' | 'anthropic' | string} dialect
     * @param {string} requestId
     * @returns {import('./errors.mjs').ErrorReply | null}
     */
    refusal(key, dialect, requestId) {
      const limit = limits.get(key);
      if (!limit) return null;
      if (limit.kind === 'credit') {
        return dialect === 'anthropic'
          ? anthropicError(400, 'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.', requestId)
          : openaiError(429, 'You exceeded your current quota, please check your plan and billing details.', { type: 'insufficient_quota', code: 'insufficient_quota' });
      }
      const waitMs = limit.until - Date.now();
      if (waitMs <= 0) {
        limits.delete(key);
        return null;
      }
      const seconds = Math.ceil(waitMs / 1000);
      if (dialect === 'anthropic') {
        const error = anthropicError(429, 'Number of requests has exceeded your per-minute rate limit.', requestId);
        return { ...error, headers: { 'anthropic-ratelimit-requests-remaining': '0', 'anthropic-ratelimit-requests-reset': new Date(limit.until).toISOString() } };
      }
      const error = openaiError(429, `Rate limit reached for requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in ${seconds}s.`, { type: 'requests', code: 'rate_limit_exceeded' });
      return { ...error, headers: { 'x-ratelimit-limit-requests': '3', 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': `${seconds}s` } };
    },
  };
}
