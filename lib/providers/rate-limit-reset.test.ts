import { describe, expect, it } from 'vitest';
import { durationMs, rateLimitResetMs } from './rate-limit-reset';

describe('when a rate limit resets', () => {
  it.each([
    ['1s', 1_000],
    ['6m0s', 360_000],
    ['20ms', 20],
    ['1h2m3.5s', 3_723_500],
    ['2m59.56s', 179_560],
  ])('reads the duration %s', (text, ms) => expect(durationMs(text)).toBe(ms));

  it.each(['', 's', '1d', '10', 'soon', '1s and more'])('refuses %j', (text) => expect(durationMs(text)).toBeUndefined());

  it('takes the limit that ran out (OpenAI, Groq)', () => {
    const headers = new Headers({ 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '30s', 'x-ratelimit-remaining-tokens': '900', 'x-ratelimit-reset-tokens': '6m0s' });
    expect(rateLimitResetMs(headers)).toBe(30_000);
  });

  it('without a limit at 0, the latest reset', () => {
    expect(rateLimitResetMs(new Headers({ 'x-ratelimit-reset-requests': '1s', 'x-ratelimit-reset-tokens': '2s' }))).toBe(2_000);
  });

  it('reads Anthropic’s reset times', () => {
    const now = Date.parse('2026-12-06T12:00:00Z');
    const headers = new Headers({ 'anthropic-ratelimit-requests-remaining': '0', 'anthropic-ratelimit-requests-reset': '2026-12-06T12:00:45Z', 'anthropic-ratelimit-tokens-reset': '2026-12-06T12:05:00Z', 'anthropic-ratelimit-tokens-remaining': '10' });
    expect(rateLimitResetMs(headers, now)).toBe(45_000);
  });

  it('none given: undefined', () => {
    expect(rateLimitResetMs(new Headers())).toBeUndefined();
    expect(rateLimitResetMs(undefined)).toBeUndefined();
  });
});
