/**
 * Bounds-checked reads over untrusted bytes, shared by the container parsers. A read past the end
 * gives NaN (numbers) or false (tags), never an exception, so a parser written over these cannot
 * throw on truncated input; every NaN then fails the parser's own finite/positive checks.
 */

export type Bytes = Uint8Array;

/** One byte, or NaN past the end. */
export function u8(b: Bytes, at: number): number {
  return at >= 0 && at < b.length ? (b[at] as number) : NaN;
}

export function u16be(b: Bytes, at: number): number {
  return u8(b, at) * 0x100 + u8(b, at + 1);
}

export function u16le(b: Bytes, at: number): number {
  return u8(b, at) + u8(b, at + 1) * 0x100;
}

export function u24be(b: Bytes, at: number): number {
  return u8(b, at) * 0x10000 + u16be(b, at + 1);
}

export function u32be(b: Bytes, at: number): number {
  return u8(b, at) * 0x1000000 + u24be(b, at + 1);
}

export function u32le(b: Bytes, at: number): number {
  return u16le(b, at) + u16le(b, at + 2) * 0x10000;
}

/** A 64-bit unsigned integer as a number (exact below 2^53; larger values are far past any limit here). */
export function u64be(b: Bytes, at: number): number {
  return u32be(b, at) * 0x100000000 + u32be(b, at + 4);
}

export function u64le(b: Bytes, at: number): number {
  return u32le(b, at) + u32le(b, at + 4) * 0x100000000;
}

/** An unsigned big-endian integer of `length` bytes (0..8), as a number. */
export function uintBE(b: Bytes, at: number, length: number): number {
  let value = 0;
  for (let i = 0; i < length; i++) value = value * 0x100 + u8(b, at + i);
  return value;
}

/** A big-endian IEEE float of 4 or 8 bytes; NaN for any other length or past the end. */
export function floatBE(b: Bytes, at: number, length: number): number {
  if ((length !== 4 && length !== 8) || at < 0 || at + length > b.length) return NaN;
  const view = new DataView(b.buffer, b.byteOffset + at, length);
  return length === 4 ? view.getFloat32(0) : view.getFloat64(0);
}

/** Whether the ASCII text `s` is at `at`. */
export function ascii(b: Bytes, at: number, s: string): boolean {
  if (at < 0 || at + s.length > b.length) return false;
  for (let i = 0; i < s.length; i++) if (b[at + i] !== s.charCodeAt(i)) return false;
  return true;
}

/** Four bytes as text (a box or chunk type); '' past the end. */
export function fourcc(b: Bytes, at: number): string {
  if (at < 0 || at + 4 > b.length) return '';
  return String.fromCharCode(b[at] as number, b[at + 1] as number, b[at + 2] as number, b[at + 3] as number);
}

/** The bytes after an ID3v2 tag (or several in a row) at `at`; `at` itself when there is none. */
export function skipId3v2(b: Bytes, at = 0): number {
  let pos = at;
  // Each tag moves pos forward by at least its 10-byte header, so this ends.
  while (ascii(b, pos, 'ID3')) {
    const flags = u8(b, pos + 5);
    const sizeBytes = [u8(b, pos + 6), u8(b, pos + 7), u8(b, pos + 8), u8(b, pos + 9)];
    if (sizeBytes.some((x) => !(x < 0x80))) return pos; // not syncsafe (or truncated): not a tag
    const size = sizeBytes.reduce((acc, x) => acc * 0x80 + x, 0);
    pos += 10 + size + (flags & 0x10 ? 10 : 0);
  }
  return pos;
}
