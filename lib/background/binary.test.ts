/**
 * The worker's end of binary data: a request's Blobs become the bytes the handlers expect
 * (lib/protocol/media.ts) before validation, and an answer's bytes go back as Blobs.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bytesToBlobs, pageMediaAnswer, readBlobs } from './binary';
import { MAX_AUDIO_BYTES } from '../protocol/media';
import { MAX_BLOB_DEPTH } from '../protocol/binary';

describe('the worker reads Blobs into bytes', () => {
  it('gives any bytes back unchanged, as Uint8Arrays', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 8192 }), async (bytes) => {
        const params = (await readBlobs({ audio: new Blob([bytes]), language: 'en' })) as { audio: unknown; language: string };
        expect(params.audio).toBeInstanceOf(Uint8Array);
        expect(params.audio).toEqual(bytes);
        expect(params.language).toBe('en');
      }),
      { numRuns: 200 },
    );
  });

  it('reads 25 MB of audio byte for byte', async () => {
    const audio = new Uint8Array(MAX_AUDIO_BYTES);
    for (let i = 0; i < audio.length; i += 997) audio[i] = (i * 31) & 255;
    audio[audio.length - 1] = 7;
    const params = (await readBlobs({ audio: new Blob([audio]) })) as { audio: Uint8Array };
    expect(params.audio.byteLength).toBe(MAX_AUDIO_BYTES);
    expect(Buffer.compare(params.audio, audio)).toBe(0);
  });

  it('leaves what is no Blob, and what lies deeper than MAX_BLOB_DEPTH', async () => {
    expect(await readBlobs('x')).toBe('x');
    expect(await readBlobs({ a: [1, { b: 'c' }] })).toEqual({ a: [1, { b: 'c' }] });
    let deep: Record<string, unknown> = { blob: new Blob(['x']) };
    for (let i = 0; i < MAX_BLOB_DEPTH; i++) deep = { a: deep };
    const out = JSON.stringify(await readBlobs(deep));
    expect(out).toContain('"blob":{}');
  });
});

describe("the worker's answer carries bytes as Blobs", () => {
  it('turns each Uint8Array into a Blob of its bytes, and leaves the rest', async () => {
    const audio = new Uint8Array([1, 2, 3]);
    const value = bytesToBlobs({ audio, mimeType: 'audio/mpeg', usage: { characters: 5 } }) as { audio: Blob; mimeType: string; usage: unknown };
    expect(value.audio).toBeInstanceOf(Blob);
    expect(new Uint8Array(await value.audio.arrayBuffer())).toEqual(audio);
    expect(value.mimeType).toBe('audio/mpeg');
    expect(value.usage).toEqual({ characters: 5 });
    const images = bytesToBlobs({ images: [{ bytes: new Uint8Array([9]).subarray(0, 1), mimeType: 'image/png' }] }) as { images: { bytes: Blob }[] };
    expect(new Uint8Array(await images.images[0]!.bytes.arrayBuffer())).toEqual(new Uint8Array([9]));
    const plain = { text: 'hi', n: [1, 2] };
    expect(bytesToBlobs(plain)).toBe(plain);
  });
});

describe("a media answer, shaped for the page (docs/API.md)", () => {
  it("gives speech's audio as a Blob of its MIME type, without mimeType beside it", async () => {
    const audio = new Uint8Array([1, 2, 3]);
    const value = pageMediaAnswer('speak', { audio, mimeType: 'audio/mpeg', model: 'tts-1', provider: 'openai', usage: { characters: 5 }, costUsd: 0.1 }) as { audio: Blob };
    expect(value).toEqual({ audio: expect.any(Blob), model: 'tts-1', provider: 'openai', usage: { characters: 5 }, costUsd: 0.1 });
    expect(Object.keys(value)[0]).toBe('audio');
    expect(value.audio.type).toBe('audio/mpeg');
    expect(new Uint8Array(await value.audio.arrayBuffer())).toEqual(audio);
  });

  it('gives each image as { blob, revisedPrompt? }, its Blob of its MIME type', async () => {
    const value = pageMediaAnswer('generateImage', {
      images: [
        { bytes: new Uint8Array([9, 8]).subarray(1), mimeType: 'image/png', revisedPrompt: 'a cat, sitting' },
        { bytes: new Uint8Array([7]), mimeType: 'image/jpeg' },
      ],
      model: 'gpt-image-1',
      provider: 'openai',
      usage: { images: 2 },
      costUsd: 0.08,
    }) as { images: { blob: Blob; revisedPrompt?: string }[] };
    expect(value).toEqual({ images: [{ blob: expect.any(Blob), revisedPrompt: 'a cat, sitting' }, { blob: expect.any(Blob) }], model: 'gpt-image-1', provider: 'openai', usage: { images: 2 }, costUsd: 0.08 });
    expect(value.images.map((i) => i.blob.type)).toEqual(['image/png', 'image/jpeg']);
    expect(new Uint8Array(await value.images[0]!.blob.arrayBuffer())).toEqual(new Uint8Array([8]));
  });

  it('leaves a transcription as it is', () => {
    const value = { text: 'hello', model: 'whisper-1', provider: 'openai', usage: { seconds: 1 }, costUsd: 0.0001 };
    expect(pageMediaAnswer('transcribe', value)).toBe(value);
  });
});
