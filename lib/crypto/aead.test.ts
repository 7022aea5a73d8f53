import { describe, expect, it } from 'vitest';
import { HOSTILE, bytesRefusal, expectRefusal, flipBit, got, hex, loadVectors, unhex, type Refusal } from '../../tests/support/crypto';
import { _sealWithNonce, KEY_LENGTH, NONCE_LENGTH, open, seal, TAG_LENGTH, type Sealed } from './aead';
import { fromUtf8, randomBytes, utf8 } from './bytes';
import { CryptoError, DECRYPTION_FAILED } from './errors';

interface AeadVector {
  plaintextAscii: string;
  plaintext: string;
  aad: string;
  key: string;
  nonce: string;
  ciphertext: string;
  tag: string;
}

const file = loadVectors<AeadVector>('xchacha20poly1305.json');
const [vector] = file.vectors;
if (!vector) throw new Error('no vector');
const V = {
  key: unhex(vector.key),
  nonce: unhex(vector.nonce),
  aad: unhex(vector.aad),
  plaintext: unhex(vector.plaintext),
  sealed: unhex(vector.ciphertext + vector.tag),
};

const failed = { type: CryptoError, message: DECRYPTION_FAILED } satisfies Refusal;

describe('XChaCha20-Poly1305, draft-irtf-cfrg-xchacha-03 Appendix A.3.1', () => {
  it('reproduces the published ciphertext and tag', () => {
    expect(fromUtf8(V.plaintext)).toBe(vector.plaintextAscii);
    const { ciphertext } = _sealWithNonce(V.key, V.nonce, V.plaintext, V.aad);
    expect(hex(ciphertext.subarray(0, -TAG_LENGTH))).toBe(vector.ciphertext);
    expect(hex(ciphertext.subarray(-TAG_LENGTH))).toBe(vector.tag);
  });

  it('opens the published ciphertext', () => {
    expect(open(V.key, { nonce: V.nonce, ciphertext: V.sealed }, V.aad)).toEqual(V.plaintext);
  });

  it('refuses the vector with any single bit flipped in ciphertext, tag, nonce, aad or key', async () => {
    for (let i = 0; i < V.sealed.length; i++) {
      await expectRefusal(() => open(V.key, { nonce: V.nonce, ciphertext: flipBit(V.sealed, i, i % 8) }, V.aad), failed);
    }
    for (let i = 0; i < NONCE_LENGTH; i++) {
      await expectRefusal(() => open(V.key, { nonce: flipBit(V.nonce, i, 7 - (i % 8)), ciphertext: V.sealed }, V.aad), failed);
    }
    for (let i = 0; i < V.aad.length; i++) {
      await expectRefusal(() => open(V.key, { nonce: V.nonce, ciphertext: V.sealed }, flipBit(V.aad, i)), failed);
    }
    for (let i = 0; i < KEY_LENGTH; i++) {
      await expectRefusal(() => open(flipBit(V.key, i, 3), { nonce: V.nonce, ciphertext: V.sealed }, V.aad), failed);
    }
  });

  it('refuses a truncated, extended or emptied aad / ciphertext', async () => {
    const nonce = V.nonce;
    await expectRefusal(() => open(V.key, { nonce, ciphertext: V.sealed.subarray(0, -1) }, V.aad), failed);
    await expectRefusal(() => open(V.key, { nonce, ciphertext: V.sealed.subarray(1) }, V.aad), failed);
    await expectRefusal(() => open(V.key, { nonce, ciphertext: Uint8Array.of(...V.sealed, 0) }, V.aad), failed);
    await expectRefusal(() => open(V.key, { nonce, ciphertext: V.sealed.subarray(-TAG_LENGTH) }, V.aad), failed);
    await expectRefusal(() => open(V.key, { nonce, ciphertext: V.sealed }, new Uint8Array(0)), failed);
    await expectRefusal(() => open(V.key, { nonce, ciphertext: V.sealed }, Uint8Array.of(...V.aad, 0)), failed);
  });
});

describe('seal / open', () => {
  it('round-trips with a fresh 24-byte nonce each time', () => {
    const key = randomBytes(32);
    const aad = utf8('byok:test');
    const plaintext = utf8('sk-ant-api03-secret');
    const a = seal(key, plaintext, aad);
    const b = seal(key, plaintext, aad);
    expect(a.nonce).toHaveLength(NONCE_LENGTH);
    expect(a.ciphertext).toHaveLength(plaintext.length + TAG_LENGTH);
    expect(hex(a.nonce)).not.toBe(hex(b.nonce));
    expect(hex(a.ciphertext)).not.toBe(hex(b.ciphertext));
    expect(open(key, a, aad)).toEqual(plaintext);
    expect(open(key, b, aad)).toEqual(plaintext);
  });

  it('seals an empty plaintext with an empty aad (tag only)', () => {
    const key = randomBytes(32);
    const sealed = seal(key, new Uint8Array(0), new Uint8Array(0));
    expect(sealed.ciphertext).toHaveLength(TAG_LENGTH);
    expect(open(key, sealed, new Uint8Array(0))).toEqual(new Uint8Array(0));
  });

  it('reads subarray views within their bounds only', () => {
    const pad = (b: Uint8Array) => Uint8Array.of(0xee, ...b, 0xee).subarray(1, b.length + 1);
    const { ciphertext } = _sealWithNonce(pad(V.key), pad(V.nonce), pad(V.plaintext), pad(V.aad));
    expect(ciphertext).toEqual(V.sealed);
    expect(open(pad(V.key), { nonce: pad(V.nonce), ciphertext: pad(V.sealed) }, pad(V.aad))).toEqual(V.plaintext);
  });

  it('names the argument and its length', async () => {
    await expectRefusal(() => seal(new Uint8Array(31), new Uint8Array(0), new Uint8Array(0)), {
      type: RangeError,
      message: '"key" expected Uint8Array of length 32, got length=31',
    });
    await expectRefusal(() => open(V.key, { nonce: V.nonce, ciphertext: new Uint8Array(15) }, V.aad), {
      type: RangeError,
      message: '"sealed.ciphertext" expected Uint8Array of length >= 16, got length=15',
    });
    await expectRefusal(() => open(V.key, { nonce: V.nonce, ciphertext: V.sealed, tag: 1 } as unknown as Sealed, V.aad), {
      type: TypeError,
      message: '"sealed" unknown field "tag"',
    });
  });
});

describe('hostile inputs', () => {
  const key = randomBytes(32);
  const aad = new Uint8Array(0);
  const good = seal(key, utf8('x'), aad);
  const sealedRefusal = (v: unknown): Refusal =>
    typeof v !== 'object' || v === null || Array.isArray(v)
      ? { type: TypeError, message: `"sealed" expected object, got ${got(v)}` }
      : Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null
        ? { type: TypeError, message: `"sealed" expected plain object, got ${got(v)}` }
        : Object.keys(v).length > 0
          ? { type: TypeError, message: `"sealed" unknown field ${JSON.stringify(Object.keys(v)[0])}` }
          : { type: TypeError, message: '"sealed.nonce" expected Uint8Array of length 24, got type=undefined' };

  const cases: Array<[fn: string, call: (v: unknown) => unknown, refusal: (v: unknown) => Refusal | null]> = [
    ['seal(key)', (v) => seal(v as Uint8Array, new Uint8Array(0), aad), (v) => bytesRefusal('key', v, 32)],
    ['seal(plaintext)', (v) => seal(key, v as Uint8Array, aad), (v) => bytesRefusal('plaintext', v)],
    ['seal(aad)', (v) => seal(key, new Uint8Array(0), v as Uint8Array), (v) => bytesRefusal('aad', v)],
    ['open(key)', (v) => open(v as Uint8Array, good, aad), (v) => bytesRefusal('key', v, 32)],
    ['open(sealed)', (v) => open(key, v as Sealed, aad), sealedRefusal],
    ['open(sealed.nonce)', (v) => open(key, { ...good, nonce: v as Uint8Array }, aad), (v) => bytesRefusal('sealed.nonce', v, 24)],
    // A well-formed but wrong ciphertext is an authentication failure, not an argument error.
    ['open(sealed.ciphertext)', (v) => open(key, { ...good, ciphertext: v as Uint8Array }, aad), (v) => bytesRefusal('sealed.ciphertext', v, [16, Infinity]) ?? failed],
    // Any other valid aad than the empty one it was sealed with fails authentication.
    ['open(aad)', (v) => open(key, good, v as Uint8Array), (v) => bytesRefusal('aad', v) ?? ((v as Uint8Array).length === 0 ? null : failed)],
    ['_sealWithNonce(nonce)', (v) => _sealWithNonce(key, v as Uint8Array, new Uint8Array(0), aad), (v) => bytesRefusal('nonce', v, 24)],
  ];

  for (const [fn, call, refusal] of cases) {
    it.each(HOSTILE.map(([label, value]) => ({ label, value })))(`${fn} with $label`, async ({ value }) => {
      const expected = refusal(value);
      if (expected === null) {
        expect(call(value)).not.toBeInstanceOf(Promise);
        return;
      }
      await expectRefusal(() => call(value), expected);
    });
  }
});
