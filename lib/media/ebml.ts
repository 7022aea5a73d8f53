/**
 * EBML (the Matroska/WebM element syntax): variable-length element IDs and sizes. Reads never
 * throw; a malformed or truncated header is null.
 */
import { u8, type Bytes } from './bytes';

export interface ElementHeader {
  id: number;
  /** The body's first byte. */
  body: number;
  /** The body's declared size; -1 when unknown (all value bits set: a live writer's "until the next"). */
  size: number;
}

/** The number of bytes of a VINT from its first byte's leading zeros (1..8), or 0 when invalid. */
function vintLength(first: number): number {
  if (!(first > 0)) return 0;
  let length = 1;
  while (!(first & (0x100 >> length))) length++;
  return length;
}

/** An element header at `at`, or null. */
export function readElementHeader(b: Bytes, at: number): ElementHeader | null {
  const first = u8(b, at);
  const idLength = vintLength(first);
  if (idLength === 0 || idLength > 4) return null;
  let id = 0;
  for (let i = 0; i < idLength; i++) id = id * 0x100 + u8(b, at + i);
  const size = readVint(b, at + idLength);
  if (!size || !Number.isFinite(id)) return null;
  return { id, body: at + idLength + size.length, size: size.value };
}

/** A VINT value (its length marker removed) at `at`: -1 when all its value bits are set (unknown). */
export function readVint(b: Bytes, at: number): { value: number; length: number } | null {
  const first = u8(b, at);
  const length = vintLength(first);
  if (length === 0) return null;
  let value = first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    const byte = u8(b, at + i);
    if (!Number.isFinite(byte)) return null;
    value = value * 0x100 + byte;
    allOnes &&= byte === 0xff;
  }
  return { value: allOnes ? -1 : value, length };
}
