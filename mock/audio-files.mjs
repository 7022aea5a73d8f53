// @ts-check
/**
 * Real audio files, small enough to write by hand, so that a browser can decode what the mock's
 * speech routes send: WAV and raw PCM (16-bit mono, a quiet 440 Hz tone) and MP3 (silent MPEG
 * Layer III frames: a 4-byte header, zeroed side information and no main data, which every decoder
 * plays as silence). The length is what was asked for. And the other way: what format an upload
 * is (by its first bytes) and how long it plays.
 */

/** @typedef {'wav' | 'pcm' | 'mp3' | 'opus' | 'aac' | 'flac'} AudioFormat */

/**
 * @typedef {object} AudioPlan
 * @property {AudioFormat} format
 * @property {string} contentType
 * @property {number} bytes the whole file's length
 * @property {(offset: number, length: number) => Buffer} read the bytes at [offset, offset + length)
 */

const TONE_HZ = 440;
const AMPLITUDE = 3000;

/**
 * A WAV file (RIFF, PCM 16-bit mono) of `seconds` at `sampleRate`.
 * @param {number} seconds
 * @param {number} [sampleRate]
 * @returns {AudioPlan}
 */
export function wavPlan(seconds, sampleRate = 24_000) {
  const pcm = pcmPlan(seconds, sampleRate);
  const head = wavHeader(pcm.bytes, sampleRate);
  return {
    format: 'wav',
    contentType: 'audio/wav',
    bytes: head.length + pcm.bytes,
    read: (offset, length) => {
      const parts = [];
      if (offset < head.length) parts.push(head.subarray(offset, Math.min(head.length, offset + length)));
      const from = Math.max(0, offset - head.length);
      const to = Math.min(pcm.bytes, offset + length - head.length);
      if (to > from) parts.push(pcm.read(from, to - from));
      return Buffer.concat(parts);
    },
  };
}

/**
 * The 44-byte header of a PCM 16-bit mono WAV file.
 * @param {number} dataBytes
 * @param {number} sampleRate
 */
export function wavHeader(dataBytes, sampleRate) {
  const head = Buffer.alloc(44);
  head.write('RIFF', 0, 'ascii');
  head.writeUInt32LE(36 + dataBytes, 4);
  head.write('WAVEfmt ', 8, 'ascii');
  head.writeUInt32LE(16, 16); // fmt chunk size
  head.writeUInt16LE(1, 20); // PCM
  head.writeUInt16LE(1, 22); // mono
  head.writeUInt32LE(sampleRate, 24);
  head.writeUInt32LE(sampleRate * 2, 28); // byte rate
  head.writeUInt16LE(2, 32); // block align
  head.writeUInt16LE(16, 34); // bits per sample
  head.write('data', 36, 'ascii');
  head.writeUInt32LE(dataBytes, 40);
  return head;
}

/**
 * Raw PCM as OpenAI's `pcm` format is: signed 16-bit little-endian, mono (24 kHz there).
 * @param {number} seconds
 * @param {number} [sampleRate]
 * @returns {AudioPlan}
 */
export function pcmPlan(seconds, sampleRate = 24_000) {
  const samples = Math.max(1, Math.round(seconds * sampleRate));
  return {
    format: 'pcm',
    contentType: 'audio/pcm',
    bytes: samples * 2,
    read: (offset, length) => {
      const start = Math.floor(offset / 2);
      const end = Math.min(samples, Math.ceil((offset + length) / 2));
      const out = Buffer.alloc(Math.max(0, end - start) * 2);
      for (let i = start; i < end; i += 1) out.writeInt16LE(Math.round(AMPLITUDE * Math.sin((2 * Math.PI * TONE_HZ * i) / sampleRate)), (i - start) * 2);
      const skip = offset - start * 2;
      return out.subarray(skip, skip + Math.min(length, samples * 2 - offset));
    },
  };
}

const MPEG1_RATES = [44_100, 48_000, 32_000];
const MPEG2_RATES = [22_050, 24_000, 16_000];
const MPEG1_KBPS = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const MPEG2_KBPS = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];

/**
 * An MP3 of silent mono frames: MPEG-1 Layer III at 32/44.1/48 kHz, MPEG-2 at 16/22.05/24 kHz.
 * @param {number} seconds
 * @param {number} [sampleRate]
 * @param {number} [kbps]
 * @returns {AudioPlan}
 */
export function mp3Plan(seconds, sampleRate = 44_100, kbps = 128) {
  const mpeg1 = MPEG1_RATES.includes(sampleRate);
  const rateIndex = (mpeg1 ? MPEG1_RATES : MPEG2_RATES).indexOf(sampleRate);
  const rateTable = mpeg1 ? MPEG1_KBPS : MPEG2_KBPS;
  const bitrateIndex = rateTable.indexOf(kbps);
  if (rateIndex === -1 || bitrateIndex <= 0) throw new RangeError(`no MP3 frame for ${sampleRate} Hz at ${kbps} kbps`);
  const samplesPerFrame = mpeg1 ? 1152 : 576;
  const frameBytes = Math.floor(((mpeg1 ? 144 : 72) * kbps * 1000) / sampleRate);
  const frames = Math.max(1, Math.round((seconds * sampleRate) / samplesPerFrame));
  const frame = Buffer.alloc(frameBytes);
  frame[0] = 0xff;
  frame[1] = mpeg1 ? 0xfb : 0xf3; // sync, version (1 or 2), Layer III, no CRC
  frame[2] = (bitrateIndex << 4) | (rateIndex << 2); // no padding, no private bit
  frame[3] = 0xc0; // mono, no emphasis
  const bytes = frames * frameBytes;
  return {
    format: 'mp3',
    contentType: 'audio/mpeg',
    bytes,
    read: (offset, length) => {
      const out = Buffer.alloc(Math.max(0, Math.min(length, bytes - offset)));
      for (let i = 0; i < out.length; i += 1) out[i] = frame[(offset + i) % frameBytes] ?? 0;
      return out;
    },
  };
}

/**
 * The formats the mock cannot encode for real (Opus, AAC, FLAC): their signature, then zeros, at
 * the format's usual bitrate. Right type and size, not playable; the mock's README says so.
 * @param {'opus' | 'aac' | 'flac'} format
 * @param {number} seconds
 * @returns {AudioPlan}
 */
export function placeholderPlan(format, seconds) {
  const spec = {
    opus: { contentType: 'audio/opus', magic: Buffer.from('OggS\0\x02', 'latin1'), bytesPerSecond: 4_000 },
    aac: { contentType: 'audio/aac', magic: Buffer.from([0xff, 0xf1, 0x50, 0x80]), bytesPerSecond: 8_000 },
    flac: { contentType: 'audio/flac', magic: Buffer.from('fLaC', 'latin1'), bytesPerSecond: 40_000 },
  }[format];
  const bytes = Math.max(spec.magic.length, Math.round(seconds * spec.bytesPerSecond));
  const head = spec.magic;
  return {
    format,
    contentType: spec.contentType,
    bytes,
    read: (offset, length) => {
      const out = Buffer.alloc(Math.max(0, Math.min(length, bytes - offset)));
      if (offset < head.length) head.copy(out, 0, offset, Math.min(head.length, offset + out.length));
      return out;
    },
  };
}

/** @typedef {'wav' | 'mp3' | 'ogg' | 'flac' | 'webm' | 'mp4'} UploadFormat */

/**
 * What audio container an upload is, from its first bytes; null when it is none the providers take.
 * @param {Buffer} data
 * @returns {UploadFormat | null}
 */
export function sniffAudio(data) {
  const ascii = (start = 0, end = 4) => data.subarray(start, end).toString('latin1');
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return 'wav';
  if (ascii(0, 3) === 'ID3' || (data[0] === 0xff && ((data[1] ?? 0) & 0xe6) === 0xe2)) return 'mp3';
  if (ascii(0, 4) === 'OggS') return 'ogg';
  if (ascii(0, 4) === 'fLaC') return 'flac';
  if (data.readUInt32BE(0) === 0x1a45dfa3) return 'webm';
  if (ascii(4, 8) === 'ftyp') return 'mp4';
  return null;
}

/** Bytes per second assumed for a compressed upload whose length the mock does not parse (128 kbps). */
const ASSUMED_BYTES_PER_SECOND = 16_000;

/**
 * How long an upload plays, in seconds: exact for WAV (its header) and MP3 (its frames); for the
 * others (Ogg, FLAC, WebM, MP4) an estimate from the size at 128 kbps.
 * @param {Buffer} data
 * @param {UploadFormat} format
 */
export function audioSeconds(data, format) {
  if (format === 'wav') return wavSeconds(data) ?? data.length / ASSUMED_BYTES_PER_SECOND;
  if (format === 'mp3') return mp3Seconds(data) ?? data.length / ASSUMED_BYTES_PER_SECOND;
  return data.length / ASSUMED_BYTES_PER_SECOND;
}

/** @param {Buffer} data */
function wavSeconds(data) {
  let byteRate = 0;
  for (let at = 12; at + 8 <= data.length; ) {
    const id = data.subarray(at, at + 4).toString('latin1');
    const size = data.readUInt32LE(at + 4);
    if (id === 'fmt ' && at + 16 <= data.length) byteRate = data.readUInt32LE(at + 16);
    if (id === 'data') return byteRate > 0 ? Math.min(size, data.length - at - 8) / byteRate : null;
    at += 8 + size + (size % 2);
  }
  return null;
}

/** @param {Buffer} data */
function mp3Seconds(data) {
  let at = 0;
  if (data.subarray(0, 3).toString('latin1') === 'ID3' && data.length >= 10) {
    at = 10 + (((data[6] ?? 0) & 0x7f) << 21) + (((data[7] ?? 0) & 0x7f) << 14) + (((data[8] ?? 0) & 0x7f) << 7) + ((data[9] ?? 0) & 0x7f);
  }
  let seconds = 0;
  let frames = 0;
  while (at + 4 <= data.length && data[at] === 0xff && ((data[at + 1] ?? 0) & 0xe0) === 0xe0) {
    const b1 = data[at + 1] ?? 0;
    const b2 = data[at + 2] ?? 0;
    const mpeg1 = (b1 & 0x18) === 0x18;
    const rate = (mpeg1 ? MPEG1_RATES : MPEG2_RATES)[(b2 >> 2) & 3];
    const kbps = (mpeg1 ? MPEG1_KBPS : MPEG2_KBPS)[b2 >> 4];
    if (!rate || !kbps) break;
    const size = Math.floor(((mpeg1 ? 144 : 72) * kbps * 1000) / rate) + ((b2 >> 1) & 1);
    seconds += (mpeg1 ? 1152 : 576) / rate;
    frames += 1;
    at += size;
  }
  return frames > 0 ? seconds : null;
}
