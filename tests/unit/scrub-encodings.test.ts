/** Leaky errors (docs/THREAT_MODEL.md): every encoding of the key a provider may echo is removed. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scrub } from '../../lib/providers/scrub';

const KEY = 'lk/+=&"%:SECRET-0123456789-abcdef';

function encodings(key: string): string[] {
  const bytes = Buffer.from(key);
  return [
    key,
    encodeURIComponent(key),
    JSON.stringify(key).slice(1, -1),
    bytes.toString('base64'),
    bytes.toString('base64').replace(/=+$/, ''),
    bytes.toString('base64url'),
    bytes.toString('hex'),
    bytes.toString('hex').toUpperCase(),
  ];
}

describe('scrub: every encoding of the key', () => {
  it.each(encodings(KEY))('removes %s', (encoded) => {
    const out = scrub(`Incorrect API key provided: ${encoded}. See the docs.`, [KEY]);
    expect(out).toBe('Incorrect API key provided: [redacted]. See the docs.');
  });

  it('removes any key in any encoding, whatever surrounds it', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 8, maxLength: 64 }), fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), fc.nat(7), (key, before, after, which) => {
        const encoded = encodings(key)[which]!;
        const out = scrub(`${before}${encoded}${after}`, [key]);
        expect(out.includes(encoded)).toBe(false);
        expect(out.includes(key)).toBe(false);
      }),
      { numRuns: 2_000 },
    );
  });
});
