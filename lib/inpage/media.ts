/**
 * The page side of the media methods (docs/API.md, "Speech, transcription, images"): what a page
 * gives as audio becomes a Blob before it is sent (lib/protocol/binary.ts carries it by handle).
 * An answer's audio and images come as Blobs of their MIME type already: the worker shapes them
 * (lib/background/binary.ts, `pageMediaAnswer`), which keeps this script small.
 *
 * No runtime imports but the page's own: this is part of the main-world script.
 */
import { invalid } from './errors';

/** The largest audio upload: MAX_AUDIO_BYTES of lib/protocol/media.ts (not imported: it brings zod). */
export const MAX_AUDIO_BYTES = 25 * 1024 * 1024;

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
  // Without a type, `audioType` is undefined, which JSON leaves out.
  return { ...req, audio, audioType: req.audioType ?? (audio.type || undefined) };
}
