/**
 * The Blob a request's bytes were read from, for the upload. The worker reads a page's audio into
 * bytes to measure it (lib/media/duration.ts) and to validate it; uploading those bytes would copy
 * them once more, from the worker's memory to the network, where the page's Blob is already in the
 * browser's blob store. A Blob cannot change, so the Blob uploaded is exactly the bytes measured.
 */
const sources = new WeakMap<Uint8Array, Blob>();

/** Notes that `bytes` are the whole content of `blob`. */
export function rememberSource(bytes: Uint8Array, blob: Blob): void {
  sources.set(bytes, blob);
}

/** What to upload for `bytes`: the Blob they were read from when there is one, else the bytes. */
export function uploadSource(bytes: Uint8Array): Blob | Uint8Array {
  const blob = sources.get(bytes);
  return blob && blob.size === bytes.byteLength ? blob : bytes;
}
