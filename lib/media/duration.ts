/**
 * How long a piece of audio is, measured from its bytes, in the worker: transcription's upper
 * bound (a request whose length cannot be told is refused, never sent unbounded).
 * Containers: WAV, MP3, M4A/MP4, OGG (Opus, Vorbis), FLAC, WebM/Matroska (as MediaRecorder writes
 * it, with no duration in its header). One parser per container beside this file; each walks what
 * a decoder would play (frames, packets, blocks, sample tables) as well as what the headers claim,
 * and the longer wins: where the measure must err, it errs long.
 * The parsers are our own: the well-kept JS parsers (music-metadata among them) leave a WebM with
 * no Duration unmeasured and trust headers, which is not an upper bound.
 */
import { ascii, skipId3v2, u8, type Bytes } from './bytes';
import { flacSeconds } from './flac';
import { mp3Seconds } from './mp3';
import { mp4Seconds } from './mp4';
import { oggSeconds } from './ogg';
import { wavSeconds } from './wav';
import { webmSeconds } from './webm';

export type AudioContainer = 'wav' | 'mp3' | 'm4a' | 'ogg' | 'flac' | 'webm';

export interface AudioInfo {
  container: AudioContainer;
  /** The MIME type the bytes are (what the provider is told). */
  mimeType: string;
  /** The duration in seconds; finite and > 0. */
  seconds: number;
}

/** Longer than this is refused: no transcription model takes it, and a bound that large is a lie or a mistake. */
export const MAX_AUDIO_SECONDS = 4 * 60 * 60;

const MIME_TYPES: Record<AudioContainer, string> = {
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  ogg: 'audio/ogg',
  flac: 'audio/flac',
  webm: 'audio/webm',
};

const PARSERS: Record<AudioContainer, (b: Bytes) => number | null> = {
  wav: wavSeconds,
  mp3: mp3Seconds,
  m4a: mp4Seconds,
  ogg: oggSeconds,
  flac: flacSeconds,
  webm: webmSeconds,
};

/** ISO BMFF brands that are pictures, not sound (HEIF, AVIF). */
const IMAGE_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1', 'avif', 'avis']);

/** The container the bytes are, from their magic numbers; null: not audio this wallet knows. */
export function sniffAudio(bytes: Uint8Array): AudioContainer | null {
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WAVE')) return 'wav';
  if (ascii(bytes, 0, 'OggS')) return 'ogg';
  if (u8(bytes, 0) === 0x1a && u8(bytes, 1) === 0x45 && u8(bytes, 2) === 0xdf && u8(bytes, 3) === 0xa3) return 'webm';
  if (ascii(bytes, 4, 'ftyp')) {
    const brand = String.fromCharCode(...bytes.subarray(8, 12));
    return IMAGE_BRANDS.has(brand) ? null : 'm4a';
  }
  // An ID3v2 tag may precede FLAC as well as MP3.
  const afterTags = skipId3v2(bytes);
  if (ascii(bytes, afterTags, 'fLaC')) return 'flac';
  if (afterTags > 0 || (u8(bytes, 0) === 0xff && (u8(bytes, 1) & 0xe0) === 0xe0)) return 'mp3';
  return null;
}

/**
 * The audio's container and duration, or null when the bytes are not audio or their length
 * cannot be told, or is not finite, or is over MAX_AUDIO_SECONDS. Never throws, on any bytes;
 * linear work in their length.
 */
export function audioInfo(bytes: Uint8Array): AudioInfo | null {
  try {
    const container = sniffAudio(bytes);
    if (!container) return null;
    const seconds = PARSERS[container](bytes);
    if (seconds === null || !Number.isFinite(seconds) || !(seconds > 0) || seconds > MAX_AUDIO_SECONDS) return null;
    return { container, mimeType: MIME_TYPES[container], seconds };
  } catch {
    return null; // the parsers are written not to throw; this is the belt to those braces
  }
}
