/**
 * An Opus packet's duration from its TOC byte (RFC 6716 §3.1), in 48 kHz samples: what a decoder
 * plays out for it, whatever a container's timestamps claim. Shared by the Ogg and WebM parsers.
 */
import { u8, type Bytes } from './bytes';

/** Samples (at 48 kHz) per frame, by the TOC's configuration number (its top 5 bits). */
function frameSamples(config: number): number {
  if (config < 12) return [480, 960, 1920, 2880][config % 4] as number; // SILK: 10, 20, 40, 60 ms
  if (config < 16) return config % 2 === 0 ? 480 : 960; // Hybrid: 10, 20 ms
  return [120, 240, 480, 960][config % 4] as number; // CELT: 2.5, 5, 10, 20 ms
}

/** The most a packet can hold (120 ms); a bound for what cannot be read. */
export const OPUS_MAX_PACKET_SAMPLES = 5760;

/** The packet's samples at 48 kHz; NaN when its first bytes are missing or invalid. */
export function opusPacketSamples(b: Bytes, at: number, length: number): number {
  if (length < 1) return NaN;
  const toc = u8(b, at);
  if (!Number.isFinite(toc)) return NaN;
  const code = toc & 3;
  let frames: number;
  if (code === 0) frames = 1;
  else if (code === 3) frames = length < 2 ? NaN : u8(b, at + 1) & 0x3f;
  else frames = 2;
  const samples = frames * frameSamples(toc >> 3);
  return samples > 0 && samples <= OPUS_MAX_PACKET_SAMPLES ? samples : NaN;
}
