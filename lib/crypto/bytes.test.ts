import { describe, expect, it } from 'vitest';
import { HOSTILE, bytesRefusal, expectRefusal, got, integerRefusal, loadVectors, stringRefusal, type Refusal } from '../../tests/support/crypto';
import { equalBytes, fromBase64, fromUtf8, MAX_RANDOM_BYTES, randomBytes, toBase64, utf8, wipe } from './bytes';

const base64 = loadVectors<{ text: string; base64: string }>('base64.json');

describe('base64 (RFC 4648 §10 vectors)', () => {
  it.each(base64.vectors)('$text <-> $base64', ({ text, base64: b64 }) => {
    expect(toBase64(utf8(text))).toBe(b64);
    expect(fromUtf8(fromBase64(b64))).toBe(text);
  });

  it('round-trips every length 0..100 and every byte value', () => {
    for (let n = 0; n <= 100; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 255);
      expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    }
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(fromBase64(toBase64(all))).toEqual(all);
  });

  it('encodes only the bytes of a subarray view', () => {
    const backing = utf8('xxfoobarxx');
    expect(toBase64(backing.subarray(2, 8))).toBe('Zm9vYmFy');
  });

  it.each([
    ['Zg=', 'invalid base64: length 3 is not a multiple of 4'],
    ['Zg', 'invalid base64: length 2 is not a multiple of 4'],
    ['Zm9vY', 'invalid base64: length 5 is not a multiple of 4'],
    ['Zh==', 'invalid base64: non-zero padding bits'],
    ['Zm9=', 'invalid base64: non-zero padding bits'],
    ['Zm 9', 'invalid base64: unexpected character at index 2'],
    ['Zm9v\n===', 'invalid base64: unexpected character at index 4'],
    ['-_8=', 'invalid base64: unexpected character at index 0'],
    ['=Zg=', 'invalid base64: unexpected character at index 0'],
    ['Zg==Zg==', 'invalid base64: unexpected character at index 2'],
    ['Z===', 'invalid base64: unexpected character at index 1'],
    ['====', 'invalid base64: unexpected character at index 0'],
    ['Zm9\u00fc', 'invalid base64: unexpected character at index 3'],
    ['Zm9\uD800', 'invalid base64: unexpected character at index 3'],
  ])('refuses %j', (input, message) => {
    expect(() => fromBase64(input)).toThrow(new RangeError(message));
  });

  it('accepts the empty string', () => {
    expect(fromBase64('')).toEqual(new Uint8Array(0));
  });
});

describe('utf8', () => {
  it('round-trips text, keeping a BOM and NUL', () => {
    for (const s of ['', 'sk-proj-abc123', 'pässwörd ✓ 🔑', '\uFEFFbom', 'a\u0000b']) {
      expect(fromUtf8(utf8(s))).toBe(s);
    }
    expect(utf8('€')).toEqual(Uint8Array.of(0xe2, 0x82, 0xac));
  });

  it('refuses a lone surrogate instead of encoding U+FFFD', () => {
    expect(() => utf8('a\uD800b')).toThrow(new RangeError('"string" expected well-formed string, got a lone surrogate'));
    expect(() => utf8('\uDC00')).toThrow(RangeError);
  });

  it.each([
    ['0xff', [0xff]],
    ['overlong "/"', [0xc0, 0xaf]],
    ['truncated 3-byte sequence', [0xe2, 0x82]],
    ['UTF-16 surrogate encoded in UTF-8', [0xed, 0xa0, 0x80]],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
  ])('fromUtf8 refuses %s', (_label, bytes) => {
    expect(() => fromUtf8(Uint8Array.from(bytes))).toThrow(new RangeError('"bytes" expected valid UTF-8'));
  });
});

describe('randomBytes', () => {
  it('returns n fresh bytes from crypto.getRandomValues', () => {
    expect(randomBytes(0)).toEqual(new Uint8Array(0));
    const a = randomBytes(32);
    const b = randomBytes(32);
    expect(a).toHaveLength(32);
    expect(equalBytes(a, b)).toBe(false);
    expect(a.some((x) => x !== 0)).toBe(true);
    expect(randomBytes(MAX_RANDOM_BYTES)).toHaveLength(65536);
  });

  it('refuses a request getRandomValues would refuse', () => {
    expect(() => randomBytes(65537)).toThrow(new RangeError('"n" expected integer in 0..65536, got 65537'));
  });
});

describe('wipe', () => {
  it('zeroes every buffer', () => {
    const a = Uint8Array.of(1, 2, 3);
    const b = randomBytes(32);
    wipe(a, b);
    expect(a).toEqual(new Uint8Array(3));
    expect(b).toEqual(new Uint8Array(32));
    wipe();
  });

  it('zeroes a subarray view within its bounds only', () => {
    const backing = Uint8Array.of(1, 2, 3, 4, 5);
    wipe(backing.subarray(1, 4));
    expect(backing).toEqual(Uint8Array.of(1, 0, 0, 0, 5));
  });

  it('checks all arguments before touching any', () => {
    const a = Uint8Array.of(9, 9);
    expect(() => wipe(a, null as unknown as Uint8Array)).toThrow(new TypeError('"bufs[1]" expected Uint8Array, got type=null'));
    expect(a).toEqual(Uint8Array.of(9, 9));
  });
});

describe('equalBytes', () => {
  it('compares contents, not identity', () => {
    expect(equalBytes(Uint8Array.of(1, 2, 3), Uint8Array.of(1, 2, 3))).toBe(true);
    expect(equalBytes(new Uint8Array(0), new Uint8Array(0))).toBe(true);
    expect(equalBytes(Uint8Array.of(0, 2, 3), Uint8Array.of(1, 2, 3))).toBe(false);
    expect(equalBytes(Uint8Array.of(1, 2, 3), Uint8Array.of(1, 2, 4))).toBe(false);
    expect(equalBytes(Uint8Array.of(1, 2), Uint8Array.of(1, 2, 3))).toBe(false);
    const backing = Uint8Array.of(7, 1, 2, 3, 7);
    expect(equalBytes(backing.subarray(1, 4), Uint8Array.of(1, 2, 3))).toBe(true);
  });
});

describe('hostile inputs', () => {
  const base64Refusal = (v: unknown): Refusal | null =>
    typeof v !== 'string'
      ? { type: TypeError, message: `"base64" expected string, got ${got(v)}` }
      : v.length % 4 !== 0
        ? { type: RangeError, message: `invalid base64: length ${v.length} is not a multiple of 4` }
        : null;
  const cases: Array<[fn: string, call: (v: unknown) => unknown, refusal: (v: unknown) => Refusal | null]> = [
    ['utf8(s)', (v) => utf8(v as string), (v) => stringRefusal('string', v, false)],
    ['fromUtf8(bytes)', (v) => fromUtf8(v as Uint8Array), (v) => bytesRefusal('bytes', v)],
    ['toBase64(bytes)', (v) => toBase64(v as Uint8Array), (v) => bytesRefusal('bytes', v)],
    ['fromBase64(s)', (v) => fromBase64(v as string), base64Refusal],
    ['randomBytes(n)', (v) => randomBytes(v as number), (v) => integerRefusal('n', v, 0, 65536)],
    ['wipe(x)', (v) => wipe(v as Uint8Array), (v) => bytesRefusal('bufs[0]', v)],
    ['wipe(ok, x)', (v) => wipe(new Uint8Array(1), v as Uint8Array), (v) => bytesRefusal('bufs[1]', v)],
    ['equalBytes(x, ok)', (v) => equalBytes(v as Uint8Array, new Uint8Array(1)), (v) => bytesRefusal('a', v)],
    ['equalBytes(ok, x)', (v) => equalBytes(new Uint8Array(1), v as Uint8Array), (v) => bytesRefusal('b', v)],
  ];

  for (const [fn, call, refusal] of cases) {
    it.each(HOSTILE.map(([label, value]) => ({ label, value })))(`${fn} with $label`, async ({ value }) => {
      const expected = refusal(value);
      if (expected === null) {
        // A valid value of the right type: it must work, synchronously, without throwing.
        expect(call(value)).not.toBeInstanceOf(Promise);
        return;
      }
      await expectRefusal(() => call(value), expected);
    });
  }
});
