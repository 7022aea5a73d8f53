/** Leaky errors (docs/THREAT_MODEL.md): every encoding of the key a provider may echo is removed. */
import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scrub } from '../../lib/providers/scrub';
import { coreOfKey, leakedPieces } from '../support/key-leaks';

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

/** Made-up keys in the shapes of OpenAI and Anthropic keys (a `-` and `_` inside, for the entities). */
const KEYS = ['sk-proj-Xq3vR8tLm2Np7Kd4Wz9Bc6_Hf1Jy5Ta0Ue8Gs2Lo4Vi7Qw', 'sk-ant-api03-Zr7Yp2Lk9Qm4Xv1Nb6Hc3-Jd8Wf5Gt0SaBcDeFgHiJkLmAA'];

const bytesOf = (s: string) => [...Buffer.from(s)];
const hex2 = (b: number) => b.toString(16).padStart(2, '0');
const everyChar = (s: string, f: (code: number) => string) => [...s].map((c) => f(c.charCodeAt(0))).join('');
const splitEvery = (s: string, n: number, by: string) => s.match(new RegExp(`[^]{1,${n}}`, 'g'))!.join(by);
const base64 = (s: string) => Buffer.from(s).toString('base64');

/** Every variant a provider, a proxy or a log line could echo the key in. */
const VARIANTS: Array<[string, (key: string) => string]> = [
  ['as is', (k) => k],
  ['without its prefix', (k) => k.slice(k.length - coreOfKey(k).length)],
  ['upper case', (k) => k.toUpperCase()],
  ['lower case', (k) => k.toLowerCase()],
  ['mixed case', (k) => [...k].map((c, i) => (i % 2 ? c.toUpperCase() : c.toLowerCase())).join('')],
  ['percent-encoded, every byte', (k) => bytesOf(k).map((b) => `%${hex2(b).toUpperCase()}`).join('')],
  ['percent-encoded, every byte, lower-case hex', (k) => bytesOf(k).map((b) => `%${hex2(b)}`).join('')],
  ['percent-encoded, every other byte', (k) => [...k].map((c, i) => (i % 2 ? `%${hex2(c.charCodeAt(0))}` : c)).join('')],
  ['percent-encoded twice', (k) => bytesOf(k).map((b) => `%25${hex2(b)}`).join('')],
  ['HTML named entities for - and _', (k) => k.replace(/-/g, '&hyphen;').replace(/_/g, '&lowbar;')],
  ['HTML decimal entities', (k) => everyChar(k, (c) => `&#${c};`)],
  ['HTML hex entities', (k) => everyChar(k, (c) => `&#x${c.toString(16)};`)],
  ['\\uXXXX escapes', (k) => everyChar(k, (c) => `\\u${c.toString(16).padStart(4, '0')}`)],
  ['\\xXX escapes', (k) => everyChar(k, (c) => `\\x${hex2(c)}`)],
  ['JSON-escaped inside a JSON string', (k) => JSON.stringify(JSON.stringify({ key: k }))],
  ['base64', (k) => base64(k)],
  ['base64 without padding', (k) => base64(k).replace(/=+$/, '')],
  ['base64url', (k) => Buffer.from(k).toString('base64url')],
  ['base64 of user:key (Basic auth)', (k) => `Basic ${base64(`user:${k}`)}`],
  ['base64 in 16-character lines', (k) => splitEvery(base64(k), 16, '\r\n')],
  ['hex', (k) => Buffer.from(k).toString('hex')],
  ['hex, upper case', (k) => Buffer.from(k).toString('hex').toUpperCase()],
  ['split by \\n', (k) => splitEvery(k, 10, '\n')],
  ['split by \\r\\n', (k) => splitEvery(k, 7, '\r\n')],
  ['split by a JSON \\n escape', (k) => splitEvery(k, 9, '\\n')],
  ['a space between every character', (k) => [...k].join(' ')],
  ['the last 12 characters alone', (k) => k.slice(-12)],
  ['the first 12 characters of the core alone', (k) => coreOfKey(k).slice(0, 12)],
  ['the prefix and the first 12 characters of the core', (k) => k.slice(0, k.length - coreOfKey(k).length + 12)],
  ['8 characters from the middle alone', (k) => k.slice(20, 28)],
  ['the last 12 characters after a line break', (k) => `${k.slice(0, -12)}\n${k.slice(-12)}`],
];

describe('scrub: variants of a key', () => {
  describe.each(KEYS)('key %s', (key) => {
    it.each(VARIANTS)('%s: no 8 characters of the core survive, and the words around stay', (_name, variant) => {
      const before = 'Incorrect API key provided: ';
      const after = '. You can find your API key at https://platform.example.com/account/api-keys.';
      const out = scrub(`${before}${variant(key)}${after}`, [key]);
      expect(leakedPieces(out, key)).toEqual([]);
      expect(out.startsWith(before.trimEnd())).toBe(true);
      expect(out.endsWith(after)).toBe(true);
    });
  });

  it('keeps ordinary text that shares no 8 characters with the key', () => {
    const text = 'HTTP 503 overloaded_error: Overloaded. Retry after 30 s; request id req_011CV2tX. Keys look like sk-proj-…';
    expect(scrub(text, KEYS)).toBe(text);
  });
});

const keyChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-');
const randomKey = fc
  .tuple(fc.constantFrom('sk-', 'sk-proj-', 'sk-ant-api03-', 'sk-or-v1-', 'gsk_', 'xai-'), fc.string({ unit: keyChar, minLength: 24, maxLength: 64 }))
  .map(([prefix, body]) => prefix + body);

/** A random wrapping: a piece of the key (or all of it), a case, an encoding, line breaks. */
const wrapping = fc.record({
  piece: fc.option(fc.tuple(fc.nat(), fc.integer({ min: 8, max: 64 })), { nil: undefined }),
  upper: fc.boolean(),
  encoding: fc.nat(VARIANTS.length - 1),
  breaks: fc.array(fc.tuple(fc.nat(), fc.constantFrom('\n', '\r\n', ' ', '\t')), { maxLength: 3 }),
});

describe('scrub: random keys in random wrappings', () => {
  it('property: no 8 characters of the core survive in any decoded form of the output', () => {
    fc.assert(
      fc.property(randomKey, wrapping, fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), (key, wrap, before, after) => {
        let shown = key;
        if (wrap.piece) shown = key.slice(wrap.piece[0] % key.length, (wrap.piece[0] % key.length) + wrap.piece[1]);
        if (wrap.upper) shown = shown.toUpperCase();
        shown = VARIANTS[wrap.encoding]![1](shown);
        for (const [at, by] of wrap.breaks) shown = shown.slice(0, at % (shown.length + 1)) + by + shown.slice(at % (shown.length + 1));
        const out = scrub(`${before} ${shown} ${after}`, [key]);
        expect(leakedPieces(out, key)).toEqual([]);
      }),
      { numRuns: 600 },
    );
  });
});
