/**
 * The page side of the media methods (docs/API.md, "Speech, transcription, images"): what a page
 * gives as audio becomes a Blob before it is sent (lib/protocol/binary.ts carries it by handle),
 * and the bytes of an answer, Blobs without a type on the wire, get the MIME type the answer names.
 *
 * No runtime imports but the page's own: this is part of the main-world script.
 */
import { invalid } from './errors';

/** The largest audio upload: MAX_AUDIO_BYTES of lib/protocol/media.ts (not imported: it brings zod). */
export const MAX_AUDIO_BYTES = 25 * 1024 * 1024;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The audio a page may give: a Blob (a File too), an ArrayBuffer or a Uint8Array, as a Blob. */
export function audioBlob(audio: unknown): Blob {
  let blob: Blob;
  if (audio instanceof Blob) blob = audio;
  else if (audio instanceof ArrayBuffer || audio instanceof Uint8Array) blob = new Blob([audio as ArrayBuffer | Uint8Array<ArrayBuffer>]);
  else throw invalid('req.audio', 'expected a Blob, an ArrayBuffer or a Uint8Array');
  if (blob.size === 0) throw invalid('req.audio', 'is empty');
  if (blob.size > MAX_AUDIO_BYTES) throw invalid('req.audio', `is larger than ${MAX_AUDIO_BYTES} bytes`);
  return blob;
}

/** A transcription's params as they go on the wire: the audio a Blob, its type named beside it. */
export function transcribeParams(req: Record<string, unknown>): Record<string, unknown> {
  const audio = audioBlob(req.audio);
  const audioType = req.audioType ?? (audio.type || undefined);
  return { ...req, audio, ...(audioType === undefined ? {} : { audioType }) };
}

/** `blob` with the MIME type `type` (no copy: a Blob of a Blob refers to the same bytes). */
const typed = (blob: unknown, type: unknown): unknown => (blob instanceof Blob && typeof type === 'string' ? new Blob([blob], { type }) : blob);

/** A `speak` answer for the page: its audio a Blob of the audio's MIME type. */
export function speakResult(value: unknown): unknown {
  if (!isObject(value)) return value;
  const { audio, mimeType, ...rest } = value;
  return { audio: typed(audio, mimeType), ...rest };
}

/** A `generateImage` answer for the page: each image a Blob of its MIME type, with its revised prompt if any. */
export function imageResult(value: unknown): unknown {
  if (!isObject(value) || !Array.isArray(value.images)) return value;
  const images = value.images.map((image: unknown) => {
    if (!isObject(image)) return image;
    const { bytes, mimeType, ...rest } = image;
    return { blob: typed(bytes, mimeType), ...rest };
  });
  return { ...value, images };
}
