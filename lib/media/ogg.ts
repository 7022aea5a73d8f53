/**
 * Ogg duration, for Opus and Vorbis streams. Every page is walked (resynchronising on the capture
 * pattern after damage, as decoders do).
 * - Opus: the last granule position at 48 kHz, and also the sum of every audio packet's own
 *   duration (its TOC byte), so granules that lie short cannot shorten the measure; the longer
 *   wins. The pre-skip is not taken off: the samples are decoded (then dropped), and ffmpeg's
 *   duration, which a provider may bill by, counts them (a few ms long at worst).
 * - Vorbis: the last granule position over the identification header's sample rate, raised to the
 *   least the packets can decode to (each audio packet after the first yields at least half the
 *   short block size) when the granules claim less.
 * Chained streams (one after another) add up. A stream of another codec (FLAC, Speex, video) is not
 * measured: null.
 */
import { ascii, u32le, u64le, u8, type Bytes } from './bytes';
import { OPUS_MAX_PACKET_SAMPLES, opusPacketSamples } from './opus';

interface Stream {
  codec: 'opus' | 'vorbis' | 'skeleton';
  rate: number;
  /** Vorbis: the short block size, the least a packet's window can be. */
  shortBlock: number;
  maxGranule: number;
  packets: number;
  /** Opus: samples summed from the audio packets' TOC bytes. */
  packetSamples: number;
  /** Whether the last segment seen continues into the next page. */
  inPacket: boolean;
}

function openStream(b: Bytes, at: number): Stream | null {
  const base = { shortBlock: 0, maxGranule: 0, packets: 0, packetSamples: 0, inPacket: false };
  if (ascii(b, at, 'OpusHead')) return { ...base, codec: 'opus', rate: 48000 };
  if (u8(b, at) === 1 && ascii(b, at + 1, 'vorbis')) {
    return { ...base, codec: 'vorbis', rate: u32le(b, at + 12), shortBlock: 2 ** (u8(b, at + 28) & 0x0f) };
  }
  if (ascii(b, at, 'fishead')) return { ...base, codec: 'skeleton', rate: 0 };
  return null;
}

/** More logical streams than any audio file has: refused rather than held in memory. */
const MAX_STREAMS = 64;

export function oggSeconds(b: Bytes): number | null {
  const streams = new Map<number, Stream>();
  let pos = 0;
  // Each step moves at least one byte (resync) or one page header forward: linear.
  while (pos + 27 <= b.length) {
    if (!ascii(b, pos, 'OggS') || u8(b, pos + 4) !== 0) {
      pos++;
      continue;
    }
    const headerType = u8(b, pos + 5);
    const serial = u32le(b, pos + 14);
    const segments = u8(b, pos + 26);
    let body = pos + 27 + segments;
    if (headerType & 2 && !streams.has(serial)) {
      const stream = openStream(b, body);
      if (!stream) return null; // a codec this wallet does not measure
      streams.set(serial, stream);
      if (streams.size > MAX_STREAMS) return null;
    }
    const stream = streams.get(serial);
    if (stream && stream.codec !== 'skeleton') {
      if (!(headerType & 1)) stream.inPacket = false; // a fresh page: any unfinished packet was lost
      // A granule of -1 (all ones: high bit set) means no packet ends on this page.
      if (u8(b, pos + 13) < 0x80) stream.maxGranule = Math.max(stream.maxGranule, u64le(b, pos + 6));
    }
    for (let i = 0; i < segments; i++) {
      const lacing = u8(b, pos + 27 + i);
      if (stream && stream.codec !== 'skeleton' && !stream.inPacket && body < b.length) countPacket(b, stream, body, lacing);
      if (stream) stream.inPacket = lacing === 255;
      body += Number.isFinite(lacing) ? lacing : 0;
    }
    pos = Math.max(body, pos + 27);
  }
  let total = 0;
  for (const s of streams.values()) total += streamSeconds(s);
  return total > 0 ? total : null;
}

/** A packet starts at `at` with a first segment of `length` bytes. */
function countPacket(b: Bytes, stream: Stream, at: number, length: number): void {
  stream.packets++;
  // Opus and Vorbis both have their headers in the first packets (Opus 2, Vorbis 3).
  if (stream.codec === 'opus' && stream.packets > 2 && length > 0) {
    const samples = opusPacketSamples(b, at, length);
    // A packet a decoder cannot read is counted at the most a packet can hold.
    stream.packetSamples += Number.isFinite(samples) ? samples : OPUS_MAX_PACKET_SAMPLES;
  }
}

function streamSeconds(s: Stream): number {
  if (s.codec === 'opus') return Math.max(s.maxGranule, s.packetSamples) / 48000;
  if (s.codec === 'vorbis') {
    const leastDecoded = Math.max(0, s.packets - 4) * (s.shortBlock / 2);
    return s.rate > 0 ? Math.max(s.maxGranule, leastDecoded) / s.rate : NaN;
  }
  return 0;
}
