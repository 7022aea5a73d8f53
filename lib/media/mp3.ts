/**
 * MP3 (MPEG audio layers I-III) duration. Every frame header is walked and its samples summed, the
 * way a decoder meets them (after junk, it resynchronises on the next valid header, as decoders do),
 * so a lying Xing/VBRI count cannot shorten the measure; a Xing/Info or VBRI frame count is taken
 * too, and the longer of the two wins (a truncated upload keeps its header's full length).
 * A bitrate estimate (size / bitrate) is never used: wrong for VBR, and not an upper bound.
 * Free-format streams (bitrate index 0) have no frame length in the header: refused (null).
 */
import { ascii, skipId3v2, u16be, u32be, u8, type Bytes } from './bytes';

interface FrameHeader {
  /** Bytes in the frame, header included. */
  length: number;
  sampleRate: number;
  samples: number;
  /** Where the Xing/Info tag would sit, from the frame's start. */
  xingOffset: number;
}

// kbit/s by [version is MPEG-1][layer][index]
const BITRATES_V1: Record<number, number[]> = {
  1: [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  2: [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  3: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
};
const BITRATES_V2: Record<number, number[]> = {
  1: [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  3: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const SAMPLE_RATES_V1 = [44100, 48000, 32000];

/** The frame header at `at`, or null when the four bytes there are not a valid one. */
export function readFrameHeader(b: Bytes, at: number): FrameHeader | null {
  // The common rejections first, on plain byte reads: this runs once per byte while resynchronising.
  if (at < 0 || at + 4 > b.length || b[at] !== 0xff || ((b[at + 1] as number) & 0xe0) !== 0xe0) return null;
  if (((b[at + 2] as number) & 0xf0) === 0xf0) return null; // bitrate index 15: what a run of 0xFF has
  const h = u32be(b, at);
  const versionBits = (h >>> 19) & 3; // 0: MPEG-2.5, 2: MPEG-2, 3: MPEG-1
  const layer = 4 - ((h >>> 17) & 3); // bits 01: layer III, 10: II, 11: I
  const bitrateIndex = (h >>> 12) & 15;
  const rateIndex = (h >>> 10) & 3;
  if (versionBits === 1 || layer === 4 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return null;
  const mpeg1 = versionBits === 3;
  const sampleRate = (SAMPLE_RATES_V1[rateIndex] as number) / (mpeg1 ? 1 : versionBits === 2 ? 2 : 4);
  const bitrate = ((mpeg1 ? BITRATES_V1 : BITRATES_V2)[layer]?.[bitrateIndex] ?? 0) * 1000;
  const padding = (h >>> 9) & 1;
  const mono = ((h >>> 6) & 3) === 3;
  let length: number;
  let samples: number;
  if (layer === 1) {
    samples = 384;
    length = (Math.floor((12 * bitrate) / sampleRate) + padding) * 4;
  } else {
    samples = layer === 3 && !mpeg1 ? 576 : 1152;
    length = Math.floor(((samples / 8) * bitrate) / sampleRate) + padding;
  }
  const sideInfo = mpeg1 ? (mono ? 17 : 32) : mono ? 9 : 17;
  return length >= 4 ? { length, sampleRate, samples, xingOffset: 4 + sideInfo } : null;
}

/** The frame count a Xing/Info or VBRI header in this frame declares, or null. */
function declaredFrames(b: Bytes, at: number, frame: FrameHeader): number | null {
  const x = at + frame.xingOffset;
  if (ascii(b, x, 'Xing') || ascii(b, x, 'Info')) {
    const flags = u32be(b, x + 4);
    return flags & 1 ? u32be(b, x + 8) : 0; // 0: a tag without a count (still not audio)
  }
  if (ascii(b, at + 36, 'VBRI')) return u32be(b, at + 36 + 14);
  return null;
}

export function mp3Seconds(b: Bytes): number | null {
  const start = findFirstFrame(b, skipId3v2(b));
  if (start < 0) return null;
  const first = readFrameHeader(b, start) as FrameHeader;
  const declared = declaredFrames(b, start, first);
  // An info frame is silence the decoder skips; it is not counted as audio.
  let pos = declared === null ? start : start + first.length;
  const samplesByRate = new Map<number, number>();
  // Each step moves forward by a frame (>= 4 bytes) or by one byte while resynchronising: linear.
  while (pos + 4 <= b.length) {
    const frame = readFrameHeader(b, pos);
    if (!frame) {
      pos++;
      continue;
    }
    samplesByRate.set(frame.sampleRate, (samplesByRate.get(frame.sampleRate) ?? 0) + frame.samples);
    pos += frame.length;
  }
  let walked = 0;
  for (const [rate, samples] of samplesByRate) walked += samples / rate;
  const fromHeader = declared ? (declared * first.samples) / first.sampleRate : 0;
  const seconds = Math.max(walked, fromHeader);
  return seconds > 0 ? seconds : null;
}

/**
 * The first frame: a valid header whose next frame also starts with a valid header (or which ends
 * the bytes), the usual check that a sync word is not a chance pair of bytes. -1 when none.
 */
function findFirstFrame(b: Bytes, from: number): number {
  for (let pos = from; pos + 4 <= b.length; pos++) {
    if (u8(b, pos) !== 0xff) continue;
    const frame = readFrameHeader(b, pos);
    if (!frame) continue;
    const next = pos + frame.length;
    if (next >= b.length || readFrameHeader(b, next) || (next + 3 >= b.length && u16be(b, next) >>> 5 === 0x7ff)) return pos;
  }
  return -1;
}
