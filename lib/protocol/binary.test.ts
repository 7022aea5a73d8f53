/**
 * Blobs beside a message's JSON (docs/PROTOCOL.md §3.1): taken out into references and put back,
 * byte for byte, wherever a media message holds them; a reference that names no Blob, or a Blob
 * nothing references, makes the message malformed.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { BINARY_MESSAGE, BLOB_REF, MAX_BLOBS, MAX_BLOB_DEPTH, TO_PAGE_BINARY, TO_WALLET_BINARY, blobsSize, extractBlobs, insertBlobs, isBlob, readEnvelope } from './binary';

const bytesOf = async (blob: unknown) => new Uint8Array(await (blob as Blob).arrayBuffer());
/** What the other world gets: the JSON parsed there, and the same Blobs. */
const roundTrip = (value: unknown) => {
  const { value: out, blobs } = extractBlobs(value);
  return insertBlobs(JSON.parse(JSON.stringify(out)), blobs);
};

describe('Blobs beside the JSON', () => {
  it('carries any bytes unchanged, at a request\'s and at an answer\'s places', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.array(fc.uint8Array({ maxLength: 512 }), { maxLength: 10 }), async (audio, images) => {
        const req = roundTrip({ t: 'req', id: 1, method: 'transcribe', params: { audio: new Blob([audio]), language: 'en' } }) as { params: { audio: Blob; language: string } };
        expect(await bytesOf(req.params.audio)).toEqual(audio);
        expect(req.params.language).toBe('en');
        const res = roundTrip({ t: 'res', id: 1, ok: true, value: { images: images.map((b) => ({ bytes: new Blob([b]), mimeType: 'image/png' })) } }) as { value: { images: { bytes: Blob; mimeType: string }[] } };
        expect(await Promise.all(res.value.images.map((image) => bytesOf(image.bytes)))).toEqual(images);
      }),
      { numRuns: 200 },
    );
  });

  it('leaves a message without Blobs as it is, and does not change the one it takes them from', () => {
    const chat = { t: 'req', id: 1, method: 'chat', params: { messages: [] } };
    expect(extractBlobs(chat)).toEqual({ value: chat, blobs: [] });
    expect(extractBlobs(chat).value).toBe(chat);
    const audio = new Blob(['abc']);
    const params = { audio };
    const { value, blobs } = extractBlobs({ params });
    expect(JSON.stringify(value)).toBe(`{"params":{"audio":{"${BLOB_REF}":0}}}`);
    expect(blobs).toEqual([audio]);
    expect(params.audio).toBe(audio);
  });

  it('keeps a key named __proto__ a key, both ways', () => {
    const { value } = extractBlobs({ ['__proto__']: { x: 1 }, audio: new Blob(['a']) } as unknown as Record<string, unknown>);
    expect(JSON.parse(JSON.stringify(value))).toHaveProperty('__proto__', { x: 1 });
    const parsed = JSON.parse(`{"__proto__":{"${BLOB_REF}":0}}`) as object;
    const blob = new Blob(['a']);
    const out = insertBlobs(parsed, [blob]) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toBe(blob);
  });

  it('looks no deeper than MAX_BLOB_DEPTH', () => {
    let deep: unknown = new Blob(['x']);
    for (let i = 0; i < MAX_BLOB_DEPTH + 1; i++) deep = { a: deep };
    expect(extractBlobs(deep).blobs).toEqual([]);
    let ref: unknown = { [BLOB_REF]: 0 };
    for (let i = 0; i < MAX_BLOB_DEPTH + 1; i++) ref = { a: ref };
    expect(() => insertBlobs(ref, [new Blob(['x'])])).toThrow('unreferenced blob');
  });

  it('refuses a reference to no Blob, one used twice, a Blob left over', () => {
    const blob = new Blob(['x']);
    expect(() => insertBlobs({ a: { [BLOB_REF]: 1 } }, [blob])).toThrow('bad blob reference 1');
    expect(() => insertBlobs({ a: { [BLOB_REF]: 0 }, b: { [BLOB_REF]: 0 } }, [blob])).toThrow('bad blob reference 0');
    expect(() => insertBlobs({ a: 1 }, [blob])).toThrow('unreferenced blob');
    // Not exactly a reference: left as it is (and the method's schema refuses it).
    expect(insertBlobs({ a: { [BLOB_REF]: 0, b: 1 } }, [])).toEqual({ a: { [BLOB_REF]: 0, b: 1 } });
    expect(insertBlobs({ a: { [BLOB_REF]: -1 } }, [])).toEqual({ a: { [BLOB_REF]: -1 } });
  });

  it('reads only a well-formed envelope of its direction', () => {
    const blob = new Blob(['x']);
    const envelope = { [BINARY_MESSAGE]: TO_WALLET_BINARY, detail: '{}', blobs: [blob] };
    expect(readEnvelope(envelope, TO_WALLET_BINARY)).toEqual({ detail: '{}', blobs: [blob] });
    expect(readEnvelope(envelope, TO_PAGE_BINARY)).toBeNull();
    expect(readEnvelope({ ...envelope, detail: {} }, TO_WALLET_BINARY)).toBeNull();
    expect(readEnvelope({ ...envelope, blobs: ['x'] }, TO_WALLET_BINARY)).toBeNull();
    expect(readEnvelope({ ...envelope, blobs: Array.from({ length: MAX_BLOBS + 1 }, () => blob) }, TO_WALLET_BINARY)).toBeNull();
    expect(readEnvelope('x', TO_WALLET_BINARY)).toBeNull();
    expect(readEnvelope(null, TO_WALLET_BINARY)).toBeNull();
  });

  describe('a Blob of another global', () => {
    afterEach(() => vi.unstubAllGlobals());

    it('is still a Blob when the name Blob has come to mean another global\'s class', () => {
      // Firefox's content script: its global gets a Blob of its own once the runtime port delivers
      // one, and from then on the page's Blobs are not `instanceof Blob` there (isBlob's comment).
      const pageBlob = new Blob(['page audio']);
      vi.stubGlobal('Blob', class ContentScriptBlob {});
      expect(pageBlob instanceof Blob).toBe(false);
      expect(isBlob(pageBlob)).toBe(true);
      const envelope = { [BINARY_MESSAGE]: TO_WALLET_BINARY, detail: '{}', blobs: [pageBlob] };
      expect(readEnvelope(envelope, TO_WALLET_BINARY)).toEqual({ detail: '{}', blobs: [pageBlob] });
      expect(extractBlobs({ params: { audio: pageBlob } }).blobs).toEqual([pageBlob]);
    });

    it('is told from an object that only looks like one', () => {
      expect(isBlob(new File(['x'], 'a.wav'))).toBe(true);
      const lookalikes = [Object.create(Blob.prototype), { size: 1, type: '', [Symbol.toStringTag]: 'Blob' }, 'x', null, undefined];
      for (const v of lookalikes) {
        expect(isBlob(v)).toBe(false);
        expect(readEnvelope({ [BINARY_MESSAGE]: TO_WALLET_BINARY, detail: '{}', blobs: [v] }, TO_WALLET_BINARY)).toBeNull();
      }
    });
  });

  it('sizes Blobs by their bytes, as the worker does', () => {
    expect(blobsSize([new Blob(['abc']), new Blob([new Uint8Array(10)])])).toBe(3 + 2 + 10 + 2);
  });
});
