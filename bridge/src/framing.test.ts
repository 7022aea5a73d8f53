import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeFrame, FrameReader, framesFor, MAX_HOST_MESSAGE_BYTES } from './framing';

const json = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);

describe('native-message framing', () => {
  it('reads back every message, however the bytes are cut into chunks', () => {
    fc.assert(
      fc.property(fc.array(json, { minLength: 1, maxLength: 8 }), fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 20 }), (messages, cuts) => {
        const bytes = Buffer.concat(messages.map(encodeFrame));
        const got: unknown[] = [];
        const reader = new FrameReader((m) => got.push(m));
        let at = 0;
        for (let i = 0; at < bytes.length; i++) {
          const n = cuts[i % cuts.length]!;
          reader.push(bytes.subarray(at, at + n));
          at += n;
        }
        expect(got).toEqual(messages);
      }),
    );
  });

  it('prefixes the UTF-8 length as a 32-bit integer', () => {
    const frame = encodeFrame({ t: 'é' });
    expect(frame.readUInt32LE(0)).toBe(Buffer.byteLength('{"t":"é"}'));
  });

  it('refuses a frame over its limit before reading it', () => {
    const reader = new FrameReader(() => undefined, 10);
    expect(() => reader.push(encodeFrame({ text: 'x'.repeat(20) }))).toThrow(/over the limit/);
  });

  it('splits a message over 1 MB into parts under the limit that join to it', () => {
    const message = { t: 'call', id: 1, params: { text: '"\\'.repeat(600_000) + 'é'.repeat(300_000) } };
    let seq = 0;
    const frames = framesFor(message, () => ++seq);
    expect(frames.length).toBeGreaterThan(1);
    const parts: { data: string; end: boolean; seq: number }[] = [];
    const reader = new FrameReader((m) => parts.push(m as never));
    for (const f of frames) {
      expect(f.length - 4).toBeLessThan(MAX_HOST_MESSAGE_BYTES);
      reader.push(f);
    }
    expect(parts.every((p) => p.seq === 1)).toBe(true);
    expect(parts.map((p) => p.end)).toEqual(parts.map((_, i) => i === parts.length - 1));
    expect(JSON.parse(parts.map((p) => p.data).join(''))).toEqual(message);
  });

  it('sends a small message as one frame', () => {
    expect(framesFor({ t: 'ready', port: 1 }, () => 1)).toHaveLength(1);
  });
});
