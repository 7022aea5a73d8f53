/**
 * The worker's end of binary data (docs/PROTOCOL.md §3.1, lib/protocol/binary.ts): a request's
 * Blobs are read into `Uint8Array`s before its params are validated, so the handlers get the
 * shapes of lib/protocol/media.ts; an answer's `Uint8Array`s go back as Blobs, whose bytes the
 * browser carries to the page by handle.
 */
import { MAX_BLOB_DEPTH } from '../protocol/binary';
import { rememberSource } from '../media/upload-source';
import type { GenerateImageResult, SpeakResult } from '../protocol/media';

const isPlain = (v: unknown): v is Record<string, unknown> | unknown[] =>
  typeof v === 'object' && v !== null && (Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

/**
 * `value` (a structured clone, already sized: ./size-gate.ts) with each Blob down to
 * {@link MAX_BLOB_DEPTH} replaced, in place, by its bytes. The Blobs are read at once, not one
 * after another; the worker's thread is free while the browser copies them.
 */
export async function readBlobs(value: unknown): Promise<unknown> {
  if (value instanceof Blob) return read(value);
  const reads: Promise<void>[] = [];
  const walk = (v: unknown, depth: number) => {
    if (depth >= MAX_BLOB_DEPTH || !isPlain(v)) return;
    for (const [key, child] of Object.entries(v)) {
      if (child instanceof Blob) {
        reads.push(read(child).then((bytes) => void Object.defineProperty(v, key, { value: bytes, writable: true, enumerable: true, configurable: true })));
      } else walk(child, depth + 1);
    }
  };
  walk(value, 1);
  await Promise.all(reads);
  return value;
}

/** A Blob's bytes, remembered as read from it (an upload sends the Blob: lib/media/upload-source.ts). */
async function read(blob: Blob): Promise<Uint8Array> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  rememberSource(bytes, blob);
  return bytes;
}

/**
 * A media handler's answer as the page gets it (docs/API.md, "The page API"): speech's audio and
 * each image a Blob of its MIME type (`{ audio }`, `{ images: { blob, revisedPrompt? }[] }`, no
 * `mimeType` beside them). Shaped here, not by the page, so that the script every page runs stays
 * small (docs/PERFORMANCE.md); a local app gets the handlers' own shape (lib/apps).
 */
export function pageMediaAnswer(method: string, value: unknown): unknown {
  if (method === 'speak') {
    const { audio, mimeType, ...rest } = value as SpeakResult;
    return { audio: typedBlob(audio, mimeType), ...rest };
  }
  if (method === 'generateImage') {
    const result = value as GenerateImageResult;
    return { ...result, images: result.images.map(({ bytes, mimeType, ...rest }) => ({ blob: typedBlob(bytes, mimeType), ...rest })) };
  }
  return bytesToBlobs(value);
}

const typedBlob = (bytes: Uint8Array, type: string) => new Blob([bytes as Uint8Array<ArrayBuffer>], { type });

/** `value` (a handler's answer) with each `Uint8Array` down to {@link MAX_BLOB_DEPTH} as a Blob. Anything else is returned unchanged. */
export function bytesToBlobs(value: unknown, depth = 0): unknown {
  if (value instanceof Uint8Array) return new Blob([value as Uint8Array<ArrayBuffer>]);
  if (depth >= MAX_BLOB_DEPTH || !isPlain(value)) return value;
  let changed = false;
  const out: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : (Object.create(null) as Record<string, unknown>);
  for (const [key, child] of Object.entries(value)) {
    const mapped = bytesToBlobs(child, depth + 1);
    if (mapped !== child) changed = true;
    (out as Record<string, unknown>)[key] = mapped;
  }
  return changed ? out : value;
}
