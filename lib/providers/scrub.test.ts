import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REDACTED, scrub } from './scrub';

describe('scrub', () => {
  it('removes a known secret and its URL-encoded and JSON-escaped forms', () => {
    const secret = 'k3y/with+odd"chars';
    const text = `raw ${secret}, url ${encodeURIComponent(secret)}, json ${JSON.stringify(secret).slice(1, -1)}`;
    const out = scrub(text, [secret]);
    expect(out).toBe(`raw ${REDACTED}, url ${REDACTED}, json ${REDACTED}`);
  });

  it.each([
    ['sk-proj-AbCdEf0123456789_-xyz', 'OpenAI project key'],
    ['sk-ant-api03-AbCdEf0123456789-xyzAA', 'Anthropic key'],
    ['sk-or-v1-0123456789abcdef0123', 'OpenRouter key'],
    ['sk-0123456789abcdefABCDEF', 'plain sk- key'],
    ['gsk_0123456789abcdefABCDEF', 'Groq key'],
    ['xai-0123456789abcdefABCDEF', 'xAI key'],
    ['AIzaSyA0123456789abcdefghijklmnopqrs', 'Google key'],
  ])('removes an unknown %s (%s)', (key) => {
    expect(scrub(`invalid key ${key} given`)).toBe(`invalid key ${REDACTED} given`);
  });

  it('removes bearer tokens but keeps the word', () => {
    expect(scrub('Authorization: Bearer abc.def-ghi_jkl~mno')).toBe(`Authorization: Bearer ${REDACTED}`);
  });

  it('merges overlapping secrets into one marker and ignores empty secrets', () => {
    expect(scrub('xxABCDEFyy', ['ABCD', 'CDEF', ''])).toBe(`xx${REDACTED}yy`);
    expect(scrub('nothing here', [''])).toBe('nothing here');
  });

  it('keeps ordinary text', () => {
    expect(scrub('HTTP 500 server_error: Sorry about that!', ['sk-secret-123456789'])).toBe('HTTP 500 server_error: Sorry about that!');
  });

  it('never returns a secret that the marker and its neighbours could spell', () => {
    // `]tail` glued after the marker would spell the secret again.
    expect(scrub(']tail]tail', [']tail'])).not.toContain(']tail');
    expect(scrub('red', ['red'])).toBe('');
  });

  it('property: the output never contains a secret embedded in random text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.string({ maxLength: 30 }), { minLength: 1, maxLength: 6 }),
        (secrets, fillers) => {
          let text = fillers[0] ?? '';
          fillers.slice(1).forEach((filler, i) => {
            const secret = secrets[i % secrets.length] ?? '';
            text += [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)][i % 3] + filler;
          });
          const out = scrub(text, secrets);
          for (const secret of secrets) expect(out.includes(secret)).toBe(false);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('property: realistic keys (any provider shape) never survive, known or not', () => {
    const keyChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-');
    const key = fc.tuple(fc.constantFrom('sk-', 'sk-proj-', 'sk-ant-api03-', 'gsk_', 'xai-'), fc.string({ unit: keyChar, minLength: 20, maxLength: 60 }));
    fc.assert(
      fc.property(key, fc.string(), fc.string(), ([prefix, body], before, after) => {
        const secret = prefix + body.replace(/^[_-]+/, 'a');
        const text = `${before} ${secret} ${after}`;
        expect(scrub(text, [secret])).not.toContain(secret);
        expect(scrub(text)).not.toContain(secret);
      }),
      { numRuns: 1_000 },
    );
  });
});
