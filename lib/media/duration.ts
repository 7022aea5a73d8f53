/**
 * How long a piece of audio is, measured from its bytes, in the worker: transcription's upper
 * bound (a request whose length cannot be told is refused, never sent unbounded).
 * Containers: WAV, MP3, M4A/MP4, OGG (Opus, Vorbis), FLAC, WebM/Matroska (as MediaRecorder writes
 * it, with no duration in its header).
 */

export type AudioContainer = 'wav' | 'mp3' | 'm4a' | 'ogg' | 'flac' | 'webm';

export interface AudioInfo {
  container: AudioContainer;
  /** The MIME type the bytes are (what the provider is told). */
  mimeType: string;
  /** The duration in seconds; finite and > 0. */
  seconds: number;
}

/** The container the bytes are, from their magic numbers; null: not audio this wallet knows. */
export function sniffAudio(bytes: Uint8Array): AudioContainer | null {
  const ascii = (at: number, s: string) => [...s].every((c, i) => bytes[at + i] === c.charCodeAt(0));
  if (ascii(0, 'RIFF') && ascii(8, 'WAVE')) return 'wav';
  if (ascii(0, 'fLaC')) return 'flac';
  if (ascii(0, 'OggS')) return 'ogg';
  if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return 'webm';
  if (ascii(4, 'ftyp')) return 'm4a';
  if (ascii(0, 'ID3') || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0)) return 'mp3';
  return null;
}

/**
 * The audio's container and duration, or null when the bytes are not audio or their length
 * cannot be told. Never throws, on any bytes.
 * TODO(#24): the per-container parsers (a helper is writing them); WAV only until then.
 */
export function audioInfo(bytes: Uint8Array): AudioInfo | null {
  if (sniffAudio(bytes) !== 'wav' || bytes.length < 44) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const byteRate = view.getUint32(28, true);
  const dataBytes = view.getUint32(40, true);
  const seconds = byteRate > 0 ? Math.min(dataBytes, bytes.length - 44) / byteRate : 0;
  return seconds > 0 && Number.isFinite(seconds) ? { container: 'wav', mimeType: 'audio/wav', seconds } : null;
}
