/**
 * Binary data on the wire (docs/PROTOCOL.md §3.1). A message's JSON cannot hold bytes, so a
 * message that carries any goes as a window message instead of a wire event: `{ [BINARY_MESSAGE]:
 * direction, detail, blobs }`, where `detail` is the message's JSON with each Blob replaced by a
 * reference `{ "$blob": i }` to `blobs[i]`. A Blob is a handle: its bytes stay in the browser's
 * blob store while the handle is posted from the page to the content script, on to the worker
 * (the lane, or Firefox's structured-clone port) and back, so a 25 MB upload is never copied
 * into JSON nor through a renderer on its way (the figures: docs/PROTOCOL.md §3.1).
 *
 * This file has no runtime imports: the main-world script and the content script include it.
 */

/** The key that marks a byok window message; its value is the direction. */
export const BINARY_MESSAGE = 'byok/v1:binary';
export const TO_WALLET_BINARY = 'to-wallet';
export const TO_PAGE_BINARY = 'to-page';
/**
 * The methods whose params or answers carry Blobs. In Chromium the content script sends them only
 * on the lane (a runtime port there is JSON, which has no Blob), waiting for it if need be.
 */
export const LANE_METHODS: ReadonlySet<string> = new Set(['speak', 'transcribe', 'generateImage']);
/** The key of a reference to `blobs[i]` in a binary message's JSON. */
export const BLOB_REF = '$blob';
/** At most this many Blobs in one message (an image request's 10 images, with room). */
export const MAX_BLOBS = 16;
/**
 * How deep a Blob may sit in a message: `m.params.audio` is 3 levels down, `m.value.images[i].blob`
 * 5. Deeper values are not looked at, so a deeply nested message costs nothing to scan.
 */
export const MAX_BLOB_DEPTH = 6;

/** A byok window message, as posted. */
export interface BinaryEnvelope {
  [BINARY_MESSAGE]: string;
  detail: string;
  blobs: Blob[];
}

/**
 * `Blob.prototype.size`'s getter, taken once: it runs only on a real Blob and throws on anything
 * else, whichever global the Blob belongs to.
 */
const blobSizeGetter = Object.getOwnPropertyDescriptor(Blob.prototype, 'size')?.get;

/**
 * Whether `v` is a Blob of any global, not only of the one `Blob` names here. Firefox: a content
 * script's global has no `Blob` of its own until the runtime port delivers it one (an answer's
 * audio, deserialized there); from then on `Blob` in the content script names that global's own,
 * which shadows the page window's, and the page's Blobs (seen through the window's Xray wrappers)
 * are no longer `instanceof Blob`. With `instanceof`, a page's `transcribe` after a `speak` was
 * dropped by the relay as no byok message at all, and never answered. The getter is the browser's
 * own check (Web IDL's "implements Blob"), which calls nothing of the page's and holds across
 * globals and wrappers; a page's object that only looks like a Blob (a `size`, a
 * `Symbol.toStringTag`) fails it.
 */
export function isBlob(v: unknown): v is Blob {
  if (typeof v !== 'object' || v === null || !blobSizeGetter) return false;
  try {
    blobSizeGetter.call(v);
    return true;
  } catch {
    return false;
  }
}

const isPlain = (v: unknown): v is Record<string, unknown> | unknown[] =>
  typeof v === 'object' && v !== null && (Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

/**
 * `value` with every Blob (down to {@link MAX_BLOB_DEPTH}) replaced by a reference, and the Blobs in
 * order; the value itself is not changed. With no Blob, `blobs` is empty and `value` comes back as is.
 */
export function extractBlobs(value: unknown): { value: unknown; blobs: Blob[] } {
  const blobs: Blob[] = [];
  const walk = (v: unknown, depth: number): unknown => {
    if (isBlob(v)) {
      blobs.push(v);
      return { [BLOB_REF]: blobs.length - 1 };
    }
    if (depth >= MAX_BLOB_DEPTH || !isPlain(v)) return v;
    let changed = false;
    // A copy without a prototype, so that a key `__proto__` stays a key.
    const out: Record<string, unknown> | unknown[] = Array.isArray(v) ? [] : (Object.create(null) as Record<string, unknown>);
    for (const [key, child] of Object.entries(v)) {
      const mapped = walk(child, depth + 1);
      if (mapped !== child) changed = true;
      (out as Record<string, unknown>)[key] = mapped;
    }
    return changed ? out : v;
  };
  const out = walk(value, 0);
  return { value: blobs.length ? out : value, blobs };
}

/** Whether `v` is exactly a reference `{ "$blob": i }`. */
function refIndex(v: unknown): number | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const keys = Object.keys(v);
  if (keys.length !== 1 || keys[0] !== BLOB_REF) return null;
  const i = (v as Record<string, unknown>)[BLOB_REF];
  return typeof i === 'number' && Number.isInteger(i) && i >= 0 ? i : null;
}

/**
 * `value` (parsed from a binary message's JSON, so plain) with each reference replaced by its Blob.
 * Throws when a reference names no Blob, or when a Blob is referenced twice or not at all: a
 * message is exactly its JSON and its Blobs.
 */
export function insertBlobs(value: unknown, blobs: readonly Blob[]): unknown {
  const used = new Set<number>();
  const walk = (v: unknown, depth: number): unknown => {
    const i = refIndex(v);
    if (i !== null) {
      if (i >= blobs.length || used.has(i)) throw new Error(`bad blob reference ${i}`);
      used.add(i);
      return blobs[i];
    }
    if (depth >= MAX_BLOB_DEPTH || typeof v !== 'object' || v === null) return v;
    for (const [key, child] of Object.entries(v)) {
      const mapped = walk(child, depth + 1);
      // Defined, not assigned: an own key `__proto__` (JSON.parse makes one) must not set a prototype.
      if (mapped !== child) Object.defineProperty(v, key, { value: mapped, writable: true, enumerable: true, configurable: true });
    }
    return v;
  };
  const out = walk(value, 0);
  if (used.size !== blobs.length) throw new Error('unreferenced blob');
  return out;
}

/** The parts of a byok window message for `direction`, read once each; null for anything else. */
export function readEnvelope(data: unknown, direction: string): { detail: string; blobs: Blob[] } | null {
  if (typeof data !== 'object' || data === null) return null;
  const envelope = data as Partial<BinaryEnvelope>;
  if (envelope[BINARY_MESSAGE] !== direction) return null;
  const { detail, blobs } = envelope;
  if (typeof detail !== 'string' || !Array.isArray(blobs) || blobs.length > MAX_BLOBS) return null;
  const copied: Blob[] = [];
  for (let i = 0; i < blobs.length; i++) {
    const blob: unknown = blobs[i];
    if (!isBlob(blob)) return null;
    copied.push(blob);
  }
  return { detail, blobs: copied };
}

/**
 * Posts a message with Blobs to this window's other world (a window message: see the file's
 * comment). To this same window, so `'*'` names no other recipient; the receiver checks that the
 * message's `source` is its own window.
 */
export function postBinary(win: Window, direction: string, detail: string, blobs: Blob[]): void {
  win.postMessage({ [BINARY_MESSAGE]: direction, detail, blobs } satisfies BinaryEnvelope, '*');
}

/** The number of bytes `blobs` hold, each counted as its size and the 2 characters of JSON it replaces' quotes. */
export function blobsSize(blobs: readonly Blob[]): number {
  let size = 0;
  for (const blob of blobs) size += blob.size + 2;
  return size;
}
