/**
 * Bytes on the local-apps channel (docs/PROTOCOL.md, "Local apps"). Native messaging is JSON, so
 * a media call's audio and a media answer's audio or images cross as `{ "$base64": "..." }`;
 * each side turns them back into `Uint8Array`s before anything else looks at the message (the
 * wallet before validating it). Only values down to {@link MAX_BYTES_DEPTH} levels are looked at.
 *
 * This file has no runtime imports: the host (bridge/) bundles it without zod.
 */

export const BASE64_KEY = '$base64';
/** `params.audio` is 2 levels down; `value.images[i].bytes` 4. */
export const MAX_BYTES_DEPTH = 5;

type Plain = Record<string, unknown> | unknown[];
const isPlain = (v: unknown): v is Plain =>
  typeof v === 'object' && v !== null && (Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

/** The codec of one side: the wallet's uses the browser's base64, the host's Node's Buffer. */
export interface Base64Codec {
  encode(bytes: Uint8Array): string;
  /** Throws on text that is not base64. */
  decode(text: string): Uint8Array;
}

function isTagged(v: unknown): v is { [BASE64_KEY]: string } {
  return isPlain(v) && !Array.isArray(v) && Object.keys(v).length === 1 && typeof (v as Record<string, unknown>)[BASE64_KEY] === 'string';
}

/** `value` with every `Uint8Array` replaced by its tagged base64, as a new value (JSON-ready). */
export function bytesToTagged(value: unknown, codec: Base64Codec, depth = 0): unknown {
  if (value instanceof Uint8Array) return { [BASE64_KEY]: codec.encode(value) };
  if (depth >= MAX_BYTES_DEPTH || !isPlain(value)) return value;
  if (Array.isArray(value)) return value.map((v) => bytesToTagged(v, codec, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) out[key] = bytesToTagged(child, codec, depth + 1);
  return out;
}

/** `value` with every tagged base64 replaced by its bytes, as a new value; a tag that is not base64 throws. */
export function taggedToBytes(value: unknown, codec: Base64Codec, depth = 0): unknown {
  if (isTagged(value)) return codec.decode(value[BASE64_KEY]);
  if (depth >= MAX_BYTES_DEPTH || !isPlain(value)) return value;
  if (Array.isArray(value)) return value.map((v) => taggedToBytes(v, codec, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) out[key] = taggedToBytes(child, codec, depth + 1);
  return out;
}

/** The browser's codec: native base64 (Chromium 140+, Firefox 133+) where there is one, else atob/btoa. */
export const browserBase64: Base64Codec = {
  encode(bytes) {
    const native = (bytes as Uint8Array & { toBase64?: () => string }).toBase64;
    if (native) return native.call(bytes);
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  },
  decode(text) {
    const native = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64;
    if (native) return native(text);
    const binary = atob(text);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  },
};
