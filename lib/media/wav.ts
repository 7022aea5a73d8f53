/**
 * WAV (RIFF/WAVE) duration: the `data` chunk's bytes over the PCM byte rate. The chunks are walked
 * (the data chunk is not assumed at offset 44: `LIST`, `fact`, `JUNK`... may come first).
 * Only PCM-like encodings are measured (integer and float PCM, A-law, mu-law, also inside
 * WAVE_FORMAT_EXTENSIBLE): for compressed encodings the header's byte rate is only a claim.
 */
import { fourcc, u16le, u32le, type Bytes } from './bytes';

const PCM_FORMATS = new Set([1, 3, 6, 7]); // PCM, IEEE float, A-law, mu-law
const EXTENSIBLE = 0xfffe;

export function wavSeconds(b: Bytes): number | null {
  if (fourcc(b, 0) !== 'RIFF' || fourcc(b, 8) !== 'WAVE') return null;
  let format: { bytesPerSecond: number } | null = null;
  let pos = 12;
  // Each step moves at least 8 bytes forward, so the walk is linear and ends.
  while (pos + 8 <= b.length) {
    const id = fourcc(b, pos);
    const size = u32le(b, pos + 4);
    const body = pos + 8;
    if (id === 'fmt ') format = readFormat(b, body, size);
    else if (id === 'data') {
      if (!format) return null; // the format must precede the samples (as every decoder reads it)
      // A streaming writer leaves 0 or 0xFFFFFFFF; a truncated file has fewer bytes than declared:
      // what is measured is what is there.
      const present = b.length - body;
      const dataBytes = size === 0 || size === 0xffffffff ? present : Math.min(size, present);
      return dataBytes / format.bytesPerSecond;
    }
    pos = body + size + (size % 2); // chunks are padded to an even length
  }
  return null;
}

/**
 * The format's bytes per second, the smallest of what the header implies (byte rate, block align,
 * channels x sample width): a header that disagrees with itself is measured at its longest.
 */
function readFormat(b: Bytes, at: number, size: number): { bytesPerSecond: number } | null {
  if (size < 16) return null;
  let tag = u16le(b, at);
  if (tag === EXTENSIBLE) {
    if (size < 40) return null;
    tag = u16le(b, at + 24); // the SubFormat GUID starts with the format code
  }
  if (!PCM_FORMATS.has(tag)) return null;
  const channels = u16le(b, at + 2);
  const sampleRate = u32le(b, at + 4);
  const byteRate = u32le(b, at + 8);
  const blockAlign = u16le(b, at + 12);
  const bits = u16le(b, at + 14);
  if (!(channels >= 1 && sampleRate >= 1 && bits >= 1 && bits <= 64)) return null;
  const frameBytes = channels * Math.ceil(bits / 8);
  const bytesPerSecond = Math.min(byteRate || Infinity, sampleRate * (blockAlign || Infinity), sampleRate * frameBytes);
  return bytesPerSecond > 0 && Number.isFinite(bytesPerSecond) ? { bytesPerSecond } : null;
}
