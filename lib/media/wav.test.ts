import { describe, expect, it } from 'vitest';
import { wav } from '../../tests/support/audio-fixtures';
import { wavSeconds } from './wav';

const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
/** Offset of the first byte of the fourcc `id` (the fixtures have each once). */
const find = (b: Uint8Array, id: string) => Buffer.from(b).indexOf(id);

describe('wavSeconds', () => {
  it('measures 1.5 s of 16 kHz mono PCM with a LIST chunk before data (data not at 44)', () => {
    const b = wav({ seconds: 1.5, listChunk: true });
    expect(find(b, 'data')).toBeGreaterThan(36);
    expect(wavSeconds(b)).toBe(1.5);
  });

  it('reads WAVE_FORMAT_EXTENSIBLE (24-bit stereo 48 kHz)', () => {
    expect(wavSeconds(wav({ seconds: 2, sampleRate: 48000, channels: 2, bits: 24, extensible: true }))).toBe(2);
  });

  it("measures a streaming writer's data size (0 or 0xFFFFFFFF) as the bytes present", () => {
    for (const size of [0, 0xffffffff]) {
      const b = wav({ seconds: 1 });
      view(b).setUint32(find(b, 'data') + 4, size, true);
      expect(wavSeconds(b)).toBe(1);
    }
  });

  it('measures a truncated file by the bytes present, not the declared size', () => {
    const b = wav({ seconds: 2 }); // 16 kHz mono 16-bit: 32000 bytes a second
    expect(wavSeconds(b.subarray(0, b.length - 32000))).toBe(1);
  });

  it('takes the longest reading of a header that disagrees with itself (a byte rate that lies high)', () => {
    const b = wav({ seconds: 1 });
    view(b).setUint32(find(b, 'fmt ') + 8 + 8, 32000 * 100, true); // byte rate 100x
    expect(wavSeconds(b)).toBe(1);
  });

  it('refuses compressed encodings (the byte rate is only a claim there) and data before fmt', () => {
    const adpcm = wav({ seconds: 1 });
    view(adpcm).setUint16(find(adpcm, 'fmt ') + 8, 2, true);
    expect(wavSeconds(adpcm)).toBeNull();
    const noFmt = wav({ seconds: 1 });
    noFmt.set([...'junk'].map((c) => c.charCodeAt(0)), find(noFmt, 'fmt '));
    expect(wavSeconds(noFmt)).toBeNull();
  });

  it('refuses zero channels, zero rate, or no data chunk', () => {
    const zeroChannels = wav({ seconds: 1 });
    view(zeroChannels).setUint16(find(zeroChannels, 'fmt ') + 10, 0, true);
    expect(wavSeconds(zeroChannels)).toBeNull();
    const zeroRate = wav({ seconds: 1 });
    view(zeroRate).setUint32(find(zeroRate, 'fmt ') + 12, 0, true);
    expect(wavSeconds(zeroRate)).toBeNull();
    const b = wav({ seconds: 1 });
    expect(wavSeconds(b.subarray(0, find(b, 'data')))).toBeNull();
  });
});
