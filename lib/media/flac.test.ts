import { describe, expect, it } from 'vitest';
import { concat, flac, text } from '../../tests/support/audio-fixtures';
import { flacSeconds, readFrameHeader } from './flac';

describe('flacSeconds', () => {
  it('STREAMINFO: total samples over the sample rate', () => {
    expect(flacSeconds(flac({ sampleRate: 44100, totalSamples: 132300 }))).toBe(3);
    expect(flacSeconds(flac({ sampleRate: 8000, totalSamples: 4 * 4096, frames: 4 }))).toBe((4 * 4096) / 8000);
  });

  it('reads 36-bit totals (past 2^32 samples: refused later as too long, never wrapped short)', () => {
    expect(flacSeconds(flac({ sampleRate: 1000, totalSamples: 2 ** 32 + 5000 }))).toBe((2 ** 32 + 5000) / 1000);
  });

  it('a total of 0 (unknown) and no frames: null; with frames, the frames tell', () => {
    expect(flacSeconds(flac({ sampleRate: 44100, totalSamples: 0 }))).toBeNull();
    expect(flacSeconds(flac({ sampleRate: 8000, totalSamples: 0, frames: 3 }))).toBe((3 * 4096) / 8000);
  });

  it('a STREAMINFO that lies short does not shorten the measure: every frame is counted', () => {
    expect(flacSeconds(flac({ sampleRate: 8000, totalSamples: 10, frames: 200 }))).toBe((200 * 4096) / 8000);
  });

  it('skips an ID3v2 tag in front', () => {
    const tag = concat(text('ID3'), [4, 0, 0], [0, 0, 0, 3], [1, 2, 3]);
    expect(flacSeconds(concat(tag, flac({ sampleRate: 16000, totalSamples: 16000 })))).toBe(1);
  });

  it('refuses a missing STREAMINFO or a zero sample rate', () => {
    const b = flac({ sampleRate: 16000, totalSamples: 16000 });
    b[4] = 0x84; // first block's type: 4 (VORBIS_COMMENT), not STREAMINFO
    expect(flacSeconds(b)).toBeNull();
    expect(flacSeconds(flac({ sampleRate: 0, totalSamples: 16000 }))).toBeNull();
  });
});

describe('readFrameHeader', () => {
  it('accepts a header only with its CRC-8', () => {
    const b = flac({ sampleRate: 8000, totalSamples: 4096, frames: 1 });
    const at = 4 + 4 + 34;
    expect(readFrameHeader(b, at, 8000)).toEqual({ samples: 4096, rate: 8000 });
    b[at + 5] = (b[at + 5] as number) ^ 1;
    expect(readFrameHeader(b, at, 8000)).toBeNull();
  });
});
