/**
 * FLAC duration: STREAMINFO's total samples over its sample rate, and also the sum of the block
 * sizes of every frame header in the audio (sync code, valid fields, matching CRC-8: what a decoder
 * accepts as a frame), so a STREAMINFO that lies short cannot shorten the measure. The longer wins.
 * A rare chance match inside compressed audio adds one block (at most ~1.5 s): the error is long.
 * STREAMINFO's total of 0 means "unknown" (a live encoder's): then the frames alone tell.
 */
import { ascii, skipId3v2, u16be, u24be, u8, uintBE, type Bytes } from './bytes';

const FRAME_RATES = [0, 88200, 176400, 192000, 8000, 16000, 22050, 24000, 32000, 44100, 48000, 96000];

const CRC8 = (() => {
  const table = new Uint8Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 0x80 ? ((c << 1) ^ 0x07) & 0xff : (c << 1) & 0xff;
    table[i] = c;
  }
  return table;
})();

export function flacSeconds(b: Bytes): number | null {
  const start = skipId3v2(b);
  if (!ascii(b, start, 'fLaC')) return null;
  // STREAMINFO is the first metadata block, 34 bytes.
  if ((u8(b, start + 4) & 0x7f) !== 0 || u24be(b, start + 5) < 34) return null;
  const info = start + 8;
  const rate = uintBE(b, info + 10, 3) >>> 4; // 20 bits
  const totalSamples = (u8(b, info + 13) & 0x0f) * 2 ** 32 + uintBE(b, info + 14, 4);
  if (!(rate > 0)) return null;
  const audio = metadataEnd(b, start + 4);
  const fromFrames = audio < 0 ? 0 : frameSeconds(b, audio, rate);
  const fromInfo = totalSamples / rate;
  const seconds = Math.max(fromInfo, fromFrames);
  return seconds > 0 ? seconds : null;
}

/** Where the audio frames begin, after the last metadata block; -1 if the blocks run off the end. */
function metadataEnd(b: Bytes, from: number): number {
  let pos = from;
  for (;;) {
    const headerByte = u8(b, pos);
    const length = u24be(b, pos + 1);
    if (!Number.isFinite(headerByte) || !Number.isFinite(length)) return -1;
    pos += 4 + length; // >= 4 bytes a step
    if (headerByte & 0x80) return pos;
  }
}

/** Seconds summed over every frame header found from `from` on. Linear: constant work per byte. */
function frameSeconds(b: Bytes, from: number, streamRate: number): number {
  const samplesByRate = new Map<number, number>(); // whole samples per rate: no rounding per frame
  let seconds = 0; // past a few rates (chance matches can state any), added as they come
  for (let pos = from; pos + 1 < b.length; pos++) {
    if (b[pos] !== 0xff || ((b[pos + 1] as number) & 0xfe) !== 0xf8) continue;
    const frame = readFrameHeader(b, pos, streamRate);
    if (!frame) continue;
    if (samplesByRate.size < 8 || samplesByRate.has(frame.rate)) {
      samplesByRate.set(frame.rate, (samplesByRate.get(frame.rate) ?? 0) + frame.samples);
    } else seconds += frame.samples / frame.rate;
  }
  for (const [rate, samples] of samplesByRate) seconds += samples / rate;
  return seconds;
}

/** The frame header at `at` (its sync code already seen), or null when its fields or CRC are not valid. */
export function readFrameHeader(b: Bytes, at: number, streamRate: number): { samples: number; rate: number } | null {
  const sizeCode = u8(b, at + 2) >> 4;
  const rateCode = u8(b, at + 2) & 0x0f;
  const channels = u8(b, at + 3) >> 4;
  const depthCode = (u8(b, at + 3) >> 1) & 7;
  if (sizeCode === 0 || rateCode === 15 || channels > 10 || depthCode === 3 || u8(b, at + 3) & 1) return null;
  let pos = at + 4;
  const lead = u8(b, pos); // the frame or sample number, coded like UTF-8 (1 to 7 bytes)
  let extra = 0;
  if (lead >= 0x80) {
    while (extra < 7 && lead & (0x40 >> extra)) extra++;
    if (extra === 0 || extra > 6) return null; // 10xxxxxx cannot lead; 7 bytes is 0xfe
  } else if (!Number.isFinite(lead)) return null;
  for (let i = 1; i <= extra; i++) if ((u8(b, pos + i) & 0xc0) !== 0x80) return null;
  pos += 1 + extra;
  let samples: number;
  if (sizeCode === 1) samples = 192;
  else if (sizeCode <= 5) samples = 576 << (sizeCode - 2);
  else if (sizeCode === 6) samples = u8(b, pos++) + 1;
  else if (sizeCode === 7) samples = u16be(b, pos) + 1;
  else samples = 256 << (sizeCode - 8);
  if (sizeCode === 7) pos += 2;
  let rate: number;
  if (rateCode === 0) rate = streamRate;
  else if (rateCode <= 11) rate = FRAME_RATES[rateCode] as number;
  else if (rateCode === 12) rate = u8(b, pos++) * 1000;
  else {
    rate = u16be(b, pos) * (rateCode === 14 ? 10 : 1);
    pos += 2;
  }
  if (!(rate > 0 && samples > 0) || pos >= b.length) return null;
  let crc = 0;
  for (let i = at; i < pos; i++) crc = CRC8[crc ^ (b[i] as number)] as number;
  return crc === b[pos] ? { samples, rate } : null;
}
