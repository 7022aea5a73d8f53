import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BASE64_KEY, browserBase64, bytesToTagged, taggedToBytes } from './bridge-bytes';

describe('bytes on the local-apps channel', () => {
  it('round-trips any bytes where a media message carries them, through JSON', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), fc.array(fc.uint8Array({ maxLength: 256 }), { maxLength: 4 }), (audio, images) => {
        const message = { params: { audio, model: 'whisper-1' }, value: { images: images.map((bytes) => ({ bytes, mimeType: 'image/png' })) } };
        const wire = JSON.parse(JSON.stringify(bytesToTagged(message, browserBase64))) as unknown;
        expect(taggedToBytes(wire, browserBase64)).toEqual(message);
      }),
    );
  });

  it('leaves everything else as it is, and a tag that is not base64 throws', () => {
    const plain = { text: 'hi', n: 2, list: [1, 'a', null], nested: { [BASE64_KEY]: 1 } };
    expect(taggedToBytes(plain, browserBase64)).toEqual(plain);
    expect(() => taggedToBytes({ audio: { [BASE64_KEY]: '***' } }, browserBase64)).toThrow();
  });

  it('does not look deeper than its limit', () => {
    const deep = { a: { b: { c: { d: { e: { f: { [BASE64_KEY]: 'AAEC' } } } } } } };
    expect(taggedToBytes(deep, browserBase64)).toEqual(deep);
  });

  it('the fallback without native base64 gives the same text and bytes', () => {
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) & 0xff);
    expect(browserBase64.encode(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(browserBase64.decode(Buffer.from(bytes).toString('base64'))).toEqual(bytes);
  });
});
