/**
 * Small writers of exact audio byte layouts, one per container the wallet measures
 * (lib/media/duration.ts), each with the duration it was built to have. Used by the parsers' unit
 * tests and by e2e tests (`writeAudioFixtures` puts every fixture in a folder).
 * The layouts are the real ones (checksums included: Ogg CRC-32, FLAC CRC-8/16), so a real decoder
 * accepts them; the audio itself is silence or filler.
 */

type Part = Uint8Array | number[];

export function concat(...parts: Part[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export const text = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
export const le = (value: number, bytes: number): number[] =>
  Array.from({ length: bytes }, (_, i) => Math.floor(value / 2 ** (8 * i)) % 256);
export const be = (value: number, bytes: number): number[] => le(value, bytes).reverse();

// ---------------------------------------------------------------------------------------------
// WAV

export interface WavOptions {
  seconds: number;
  sampleRate?: number;
  channels?: number;
  bits?: number;
  /** Write WAVE_FORMAT_EXTENSIBLE (a 40-byte fmt chunk with the PCM SubFormat GUID). */
  extensible?: boolean;
  /** Put a LIST chunk (odd length: padded) between fmt and data, so data is not at offset 44. */
  listChunk?: boolean;
}

export function wav(o: WavOptions): Uint8Array {
  const rate = o.sampleRate ?? 16000;
  const channels = o.channels ?? 1;
  const bits = o.bits ?? 16;
  const blockAlign = channels * (bits / 8);
  const frames = Math.round(o.seconds * rate);
  const common = [...le(channels, 2), ...le(rate, 4), ...le(rate * blockAlign, 4), ...le(blockAlign, 2), ...le(bits, 2)];
  const fmt = o.extensible
    ? [...le(0xfffe, 2), ...common, ...le(22, 2), ...le(bits, 2), ...le(channels === 1 ? 4 : 3, 4),
       // KSDATAFORMAT_SUBTYPE_PCM: 00000001-0000-0010-8000-00aa00389b71
       ...le(1, 4), ...le(0, 2), ...le(0x10, 2), 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71]
    : [...le(1, 2), ...common];
  const list = o.listChunk ? [...text('LIST'), ...le(9, 4), ...text('INFOISFT'), 0x41, 0] : [];
  const body = concat(text('WAVE'), text('fmt '), le(fmt.length, 4), fmt, list, text('data'), le(frames * blockAlign, 4), new Uint8Array(frames * blockAlign));
  return concat(text('RIFF'), le(body.length, 4), body);
}

// ---------------------------------------------------------------------------------------------
// MP3

export interface Mp3Options {
  frames: number;
  /** Prepend a Xing (VBR) or Info (CBR) frame declaring `declaredFrames` (default: frames). */
  xing?: 'Xing' | 'Info';
  /** Prepend a VBRI (Fraunhofer) frame instead. */
  vbri?: boolean;
  declaredFrames?: number;
  /** MPEG-2 layer III at 22.05 kHz (576 samples a frame) instead of MPEG-1 at 44.1 kHz (1152). */
  mpeg2?: boolean;
  id3?: boolean;
}

/** MPEG-1 layer III 128 kbit/s 44.1 kHz stereo (417-byte frames), or MPEG-2 64 kbit/s 22.05 kHz. */
export function mp3(o: Mp3Options): Uint8Array {
  const header = o.mpeg2 ? [0xff, 0xf3, 0x80, 0x00] : [0xff, 0xfb, 0x90, 0x00];
  const length = o.mpeg2 ? Math.floor((72 * 64000) / 22050) : Math.floor((144 * 128000) / 44100);
  const frame = () => concat(header, new Uint8Array(length - 4));
  const parts: Uint8Array[] = [];
  if (o.id3) parts.push(concat(text('ID3'), [4, 0, 0], [0, 0, 0, 20], new Uint8Array(20)));
  const declared = o.declaredFrames ?? o.frames;
  if (o.xing) {
    const info = frame();
    const at = 4 + (o.mpeg2 ? 17 : 32);
    info.set([...text(o.xing), ...be(1, 4), ...be(declared, 4)], at);
    parts.push(info);
  } else if (o.vbri) {
    const info = frame();
    info.set([...text('VBRI'), ...be(1, 2), ...be(0, 2), ...be(75, 2), ...be(length * declared, 4), ...be(declared, 4)], 36);
    parts.push(info);
  }
  for (let i = 0; i < o.frames; i++) parts.push(frame());
  return concat(...parts);
}

/** The seconds `frames` frames of `mp3({ mpeg2 })` last. */
export const mp3FramesSeconds = (frames: number, mpeg2 = false): number => (mpeg2 ? (frames * 576) / 22050 : (frames * 1152) / 44100);

// ---------------------------------------------------------------------------------------------
// MP4 / M4A

export const box = (type: string, ...body: Part[]): Uint8Array => {
  const content = concat(...body);
  return concat(be(content.length + 8, 4), text(type), content);
};

export interface Mp4Options {
  /** Box version of mvhd and mdhd: 1 writes 64-bit times. */
  version: 0 | 1;
  timescale: number;
  duration: number;
  /** The track's media duration in its own timescale (default: the same as the movie's). */
  mediaDuration?: number;
  /** stts entries (sample count, sample delta); default: none. */
  stts?: [number, number][];
  /** MediaRecorder's fragmented layout: an empty moov, then moof+mdat pairs of these sample durations. */
  fragments?: number[][];
  /** Write the 'soun' handler (default true). */
  sound?: boolean;
}

export function fullBox(type: string, version: number, flags: number, ...body: Part[]): Uint8Array {
  return box(type, [version, ...be(flags, 3)], ...body);
}

function times(version: 0 | 1, timescale: number, duration: number): number[] {
  return version === 1
    ? [...be(0, 8), ...be(0, 8), ...be(timescale, 4), ...be(duration, 8)]
    : [...be(0, 4), ...be(0, 4), ...be(timescale, 4), ...be(duration, 4)];
}

export function mp4(o: Mp4Options): Uint8Array {
  const mvhd = fullBox('mvhd', o.version, 0, times(o.version, o.timescale, o.duration), be(0x00010000, 4), be(0x0100, 2), new Uint8Array(10 + 36 + 24), be(2, 4));
  const tkhd = fullBox('tkhd', o.version, 3, o.version === 1 ? [...be(0, 8), ...be(0, 8)] : [...be(0, 4), ...be(0, 4)], be(1, 4), be(0, 4), be(o.duration, o.version === 1 ? 8 : 4), new Uint8Array(60));
  const mdhd = fullBox('mdhd', o.version, 0, times(o.version, o.timescale, o.mediaDuration ?? o.duration), be(0x55c4, 2), be(0, 2));
  const hdlr = fullBox('hdlr', 0, 0, be(0, 4), text(o.sound === false ? 'vide' : 'soun'), new Uint8Array(12), text('SoundHandler'), [0]);
  const entries = o.stts ?? [];
  const stts = fullBox('stts', 0, 0, be(entries.length, 4), ...entries.map(([count, delta]) => [...be(count, 4), ...be(delta, 4)]));
  const stbl = box('stbl', stts);
  const trak = box('trak', tkhd, box('mdia', mdhd, hdlr, box('minf', stbl)));
  const mvex = o.fragments ? [box('mvex', fullBox('trex', 0, 0, be(1, 4), be(1, 4), be(0, 4), be(0, 4), be(0, 4)))] : [];
  const moov = box('moov', mvhd, trak, ...mvex);
  const ftyp = box('ftyp', text('M4A '), be(0, 4), text('M4A isommp42'));
  const fragments = (o.fragments ?? []).map((durations, i) => {
    const start = (o.fragments ?? []).slice(0, i).flat().reduce((a, d) => a + d, 0);
    const trun = fullBox('trun', 0, 0x000100 | 0x000200, be(durations.length, 4), ...durations.map((d) => [...be(d, 4), ...be(4, 4)]));
    const traf = box('traf', fullBox('tfhd', 0, 0x020000, be(1, 4)), fullBox('tfdt', 1, 0, be(start, 8)), trun);
    return concat(box('moof', fullBox('mfhd', 0, 0, be(i + 1, 4)), traf), box('mdat', new Uint8Array(4 * durations.length)));
  });
  return concat(ftyp, moov, ...fragments);
}

// ---------------------------------------------------------------------------------------------
// Ogg

const OGG_CRC = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i << 24;
    for (let k = 0; k < 8; k++) c = c & 0x80000000 ? (c << 1) ^ 0x04c11db7 : c << 1;
    table[i] = c >>> 0;
  }
  return table;
})();

export function oggPage(serial: number, sequence: number, headerType: number, granule: number, packets: Uint8Array[]): Uint8Array {
  const lacing: number[] = [];
  for (const p of packets) {
    for (let n = p.length; ; n -= 255) {
      lacing.push(Math.min(n, 255));
      if (n < 255) break;
    }
  }
  return oggRawPage(serial, sequence, headerType, granule, lacing, concat(...packets));
}

/** A page with the lacing values given (a packet may run on into the next page: end on 255). */
export function oggRawPage(serial: number, sequence: number, headerType: number, granule: number, lacing: number[], data: Uint8Array): Uint8Array {
  const granuleBytes = granule < 0 ? new Array(8).fill(0xff) : le(granule, 8);
  const page = concat(text('OggS'), [0, headerType], granuleBytes, le(serial, 4), le(sequence, 4), [0, 0, 0, 0], [lacing.length], lacing, data);
  let crc = 0;
  for (const byte of page) crc = ((crc << 8) ^ (OGG_CRC[((crc >>> 24) ^ byte) & 0xff] as number)) >>> 0;
  page.set(le(crc, 4), 22);
  return page;
}

/** A silent 20 ms CELT (fullband) Opus frame: TOC config 31, code 0. */
export const OPUS_SILENCE = [0xf8, 0xff, 0xfe];

export interface OggOpusOptions {
  packets: number;
  preSkip: number;
  /** Packets per page (default 50: one second). */
  perPage?: number;
  /** Write this as the last page's granule instead of the true one (a lying stream). */
  lastGranule?: number;
}

/** An Ogg Opus stream of `packets` 20 ms packets: packets x 0.02 s (the pre-skip is decoded, then dropped). */
export function oggOpus(o: OggOpusOptions): Uint8Array {
  const serial = 0x1234;
  const head = concat(text('OpusHead'), [1, 1], le(o.preSkip, 2), le(48000, 4), le(0, 2), [0]);
  const tags = concat(text('OpusTags'), le(4, 4), text('byok'), le(0, 4));
  const pages = [oggPage(serial, 0, 2, 0, [head]), oggPage(serial, 1, 0, 0, [tags])];
  const perPage = o.perPage ?? 50;
  for (let done = 0, seq = 2; done < o.packets; seq++) {
    const n = Math.min(perPage, o.packets - done);
    done += n;
    const last = done === o.packets;
    const granule = last && o.lastGranule !== undefined ? o.lastGranule : done * 960;
    pages.push(oggPage(serial, seq, last ? 4 : 0, granule, Array.from({ length: n }, () => Uint8Array.from(OPUS_SILENCE))));
  }
  return concat(...pages);
}

/** An Ogg Vorbis identification header and a last page at `granule` (no real audio: the header only). */
export function oggVorbis(o: { rate: number; granule: number }): Uint8Array {
  const id = concat([1], text('vorbis'), le(0, 4), [1], le(o.rate, 4), le(0, 4), le(128000, 4), le(0, 4), [0xb8], [1]);
  return concat(oggPage(7, 0, 2, 0, [id]), oggPage(7, 1, 4, o.granule, [Uint8Array.from([0])]));
}

// ---------------------------------------------------------------------------------------------
// FLAC

const FLAC_CRC8 = (data: Part): number => {
  let crc = 0;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 0x80 ? ((crc << 1) ^ 0x07) & 0xff : (crc << 1) & 0xff;
  }
  return crc;
};

const FLAC_CRC16 = (data: Part): number => {
  let crc = 0;
  for (const byte of data) {
    crc ^= byte << 8;
    for (let k = 0; k < 8; k++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x8005) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
};

/** UTF-8-style coding of a FLAC frame number. */
function flacNumber(n: number): number[] {
  if (n < 0x80) return [n];
  if (n < 0x800) return [0xc0 | (n >> 6), 0x80 | (n & 0x3f)];
  return [0xe0 | (n >> 12), 0x80 | ((n >> 6) & 0x3f), 0x80 | (n & 0x3f)];
}

export interface FlacOptions {
  sampleRate: number;
  /** STREAMINFO's total samples (0: unknown). */
  totalSamples: number;
  /** Frames of 4096 samples to write after the metadata (default none: a header-only file). */
  frames?: number;
}

/** STREAMINFO (mono, 16 bits, 4096-sample blocks), then frames of one constant (silent) subframe. */
export function flac(o: FlacOptions): Uint8Array {
  const frames = o.frames ?? 0;
  // 64 bits: sample rate (20), channels - 1 (3), bits per sample - 1 (5), total samples (36)
  const packed = (BigInt(o.sampleRate) << 44n) | (0n << 41n) | (15n << 36n) | BigInt(o.totalSamples);
  const packedBytes = Array.from({ length: 8 }, (_, i) => Number((packed >> BigInt(8 * (7 - i))) & 0xffn));
  const info = concat(be(4096, 2), be(4096, 2), be(0, 3), be(0, 3), packedBytes, new Uint8Array(16));
  const parts: Part[] = [text('fLaC'), [0x80], be(34, 3), info];
  for (let i = 0; i < frames; i++) {
    // block size code 12 (4096), rate code 0 (from STREAMINFO), mono, 16 bits
    const header = [0xff, 0xf8, 0xc0, 0x08, ...flacNumber(i)];
    const withCrc = [...header, FLAC_CRC8(header)];
    const body = [...withCrc, 0x00, 0x00, 0x00]; // constant subframe (type 0), value 0, padded
    parts.push(body, be(FLAC_CRC16(body), 2));
  }
  return concat(...parts);
}

// ---------------------------------------------------------------------------------------------
// WebM

function ebmlId(id: number): number[] {
  const out: number[] = [];
  for (let v = id; v > 0; v = Math.floor(v / 256)) out.unshift(v % 256);
  return out;
}

/** An EBML element; its size as an 8-byte VINT, or "unknown" (all ones) as live writers do. */
export function el(id: number, body: Part, unknownSize = false): Uint8Array {
  const size = unknownSize ? [0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff] : [0x01, ...be(body.length, 7)];
  return concat(ebmlId(id), size, body);
}

export const uint = (id: number, value: number) => el(id, value === 0 ? [0] : be(value, Math.max(1, Math.ceil(Math.log2(value + 1) / 8))));
export const float64 = (id: number, value: number) => {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setFloat64(0, value);
  return el(id, bytes);
};

export interface WebmOptions {
  /** 20 ms Opus blocks. */
  blocks: number;
  /** Write Info's Duration (ms, in the default 1 ms TimecodeScale); MediaRecorder writes none. */
  durationMs?: number;
  /** MediaRecorder's live layout: Segment and Clusters of unknown size. */
  live?: boolean;
  /** Blocks per Cluster (default 50). */
  perCluster?: number;
  /** Also write a video track whose blocks run past the audio (they must not count). */
  videoTrack?: boolean;
}

/** The EBML header of a WebM file (DocType webm). */
export const WEBM_HEADER = () =>
  el(0x1a45dfa3, concat(uint(0x4286, 1), uint(0x42f7, 1), uint(0x42f2, 4), uint(0x42f3, 8), el(0x4282, text('webm')), uint(0x4287, 4), uint(0x4285, 2)));

/** A WebM of `blocks` 20 ms Opus SimpleBlocks: blocks x 0.02 s (or durationMs, if it is longer). */
export function webm(o: WebmOptions): Uint8Array {
  const header = WEBM_HEADER();
  const info = el(0x1549a966, concat(uint(0x2ad7b1, 1_000_000), el(0x4d80, text('byok-test')), el(0x5741, text('byok-test')),
    o.durationMs !== undefined ? float64(0x4489, o.durationMs) : []));
  const opusHead = concat(text('OpusHead'), [1, 1], le(312, 2), le(48000, 4), le(0, 2), [0]);
  const audio = el(0xae, concat(uint(0xd7, 1), uint(0x73c5, 1), uint(0x83, 2), el(0x86, text('A_OPUS')), el(0x63a2, opusHead),
    el(0xe1, concat(float64(0xb5, 48000), uint(0x9f, 1)))));
  const video = o.videoTrack ? el(0xae, concat(uint(0xd7, 2), uint(0x73c5, 2), uint(0x83, 1), el(0x86, text('V_VP8')))) : [];
  const tracks = el(0x1654ae6b, concat(audio, video));
  const perCluster = o.perCluster ?? 50;
  const clusters: Uint8Array[] = [];
  for (let first = 0; first < o.blocks; first += perCluster) {
    const clusterTime = first * 20;
    const blocks: Uint8Array[] = [uint(0xe7, clusterTime)];
    for (let i = first; i < Math.min(first + perCluster, o.blocks); i++) {
      blocks.push(el(0xa3, concat([0x81], be(i * 20 - clusterTime, 2), [0x80], OPUS_SILENCE)));
      if (o.videoTrack) blocks.push(el(0xa3, concat([0x82], be(i * 20 - clusterTime + 500, 2), [0x80], [0x9d, 0x01, 0x2a])));
    }
    clusters.push(el(0x1f43b675, concat(...blocks), o.live));
  }
  const cues = o.live ? [] : [el(0x1c53bb6b, [])];
  return concat(header, el(0x18538067, concat(info, tracks, ...clusters, ...cues), o.live));
}

// ---------------------------------------------------------------------------------------------

export interface AudioFixture {
  name: string;
  bytes: Uint8Array;
  mimeType: string;
  seconds: number;
}

/** One fixture of each container and layout, with the seconds each was built to last. */
export function audioFixtures(): AudioFixture[] {
  return [
    { name: 'tone.wav', bytes: wav({ seconds: 1.5, listChunk: true }), mimeType: 'audio/wav', seconds: 1.5 },
    { name: 'extensible.wav', bytes: wav({ seconds: 2, sampleRate: 48000, channels: 2, bits: 24, extensible: true }), mimeType: 'audio/wav', seconds: 2 },
    { name: 'cbr.mp3', bytes: mp3({ frames: 100, id3: true }), mimeType: 'audio/mpeg', seconds: mp3FramesSeconds(100) },
    { name: 'vbr.mp3', bytes: mp3({ frames: 100, xing: 'Xing' }), mimeType: 'audio/mpeg', seconds: mp3FramesSeconds(100) },
    { name: 'v0.m4a', bytes: mp4({ version: 0, timescale: 32000, duration: 96000, stts: [[375, 256]] }), mimeType: 'audio/mp4', seconds: 3 },
    { name: 'v1.m4a', bytes: mp4({ version: 1, timescale: 48000, duration: 120000 }), mimeType: 'audio/mp4', seconds: 2.5 },
    { name: 'fragmented.m4a', bytes: mp4({ version: 0, timescale: 48000, duration: 0, fragments: [[960, 960, 960], [960, 960]] }), mimeType: 'audio/mp4', seconds: 0.1 },
    { name: 'speech.ogg', bytes: oggOpus({ packets: 100, preSkip: 312 }), mimeType: 'audio/ogg', seconds: 2 },
    { name: 'music.flac', bytes: flac({ sampleRate: 44100, totalSamples: 4 * 4096, frames: 4 }), mimeType: 'audio/flac', seconds: (4 * 4096) / 44100 },
    { name: 'muxed.webm', bytes: webm({ blocks: 120, durationMs: 2400 }), mimeType: 'audio/webm', seconds: 2.4 },
    { name: 'mediarecorder.webm', bytes: webm({ blocks: 175, live: true }), mimeType: 'audio/webm', seconds: 3.5 },
  ];
}

/** Writes every fixture into `dir` (for e2e tests); returns their paths by name. */
export async function writeAudioFixtures(dir: string): Promise<Record<string, string>> {
  const { mkdir, writeFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  await mkdir(dir, { recursive: true });
  const paths: Record<string, string> = {};
  for (const f of audioFixtures()) {
    paths[f.name] = join(dir, f.name);
    await writeFile(paths[f.name] as string, f.bytes);
  }
  return paths;
}
