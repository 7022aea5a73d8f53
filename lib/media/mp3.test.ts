import { describe, expect, it } from 'vitest';
import { concat, mp3, mp3FramesSeconds } from '../../tests/support/audio-fixtures';
import { mp3Seconds, readFrameHeader } from './mp3';

describe('mp3Seconds', () => {
  it('walks every frame without an info header: N x 1152 / 44100', () => {
    expect(mp3Seconds(mp3({ frames: 100 }))).toBe(mp3FramesSeconds(100));
  });

  it('skips an ID3v2 tag', () => {
    expect(mp3Seconds(mp3({ frames: 37, id3: true }))).toBe(mp3FramesSeconds(37));
  });

  it('reads Xing, Info and VBRI headers, and does not count their frame as audio', () => {
    expect(mp3Seconds(mp3({ frames: 100, xing: 'Xing' }))).toBe(mp3FramesSeconds(100));
    expect(mp3Seconds(mp3({ frames: 100, xing: 'Info' }))).toBe(mp3FramesSeconds(100));
    expect(mp3Seconds(mp3({ frames: 100, vbri: true }))).toBe(mp3FramesSeconds(100));
  });

  it('MPEG-2 layer III: 576 samples a frame at 22.05 kHz', () => {
    expect(mp3Seconds(mp3({ frames: 50, mpeg2: true }))).toBe(mp3FramesSeconds(50, true));
    expect(mp3Seconds(mp3({ frames: 50, mpeg2: true, xing: 'Xing' }))).toBe(mp3FramesSeconds(50, true));
  });

  it('a Xing count that lies short does not shorten the measure: the frames walked win', () => {
    expect(mp3Seconds(mp3({ frames: 100, xing: 'Xing', declaredFrames: 10 }))).toBe(mp3FramesSeconds(100));
  });

  it('a truncated upload keeps its header length (the longer of the two)', () => {
    const full = mp3({ frames: 100, xing: 'Xing' });
    expect(mp3Seconds(full.subarray(0, 417 * 51))).toBe(mp3FramesSeconds(100));
  });

  it('resynchronises after junk between frames, as decoders do', () => {
    const a = mp3({ frames: 10 });
    const junk = new Uint8Array(1000).fill(0x20);
    expect(mp3Seconds(concat(a, junk, mp3({ frames: 5 })))).toBe(mp3FramesSeconds(15));
  });

  it('refuses free-format streams, a lone sync word, and non-MPEG bytes', () => {
    const free = mp3({ frames: 3 });
    for (let at = 0; at < free.length; at += 417) free[at + 2] = 0x00; // bitrate index 0
    expect(mp3Seconds(free)).toBeNull();
    expect(mp3Seconds(Uint8Array.from([0xff, 0xfb]))).toBeNull();
    expect(mp3Seconds(new Uint8Array(5000))).toBeNull();
  });
});

describe('readFrameHeader', () => {
  it('reads the frame length and samples of MPEG-1 layer III 128 kbit/s 44.1 kHz', () => {
    expect(readFrameHeader(Uint8Array.from([0xff, 0xfb, 0x90, 0x00]), 0)).toMatchObject({ length: 417, samples: 1152, sampleRate: 44100 });
    expect(readFrameHeader(Uint8Array.from([0xff, 0xfb, 0x92, 0x00]), 0)).toMatchObject({ length: 418 }); // padded
  });

  it('rejects reserved version, layer, bitrate and sample rate', () => {
    for (const h of [[0xff, 0xeb, 0x90, 0], [0xff, 0xf9, 0x90, 0], [0xff, 0xfb, 0xf0, 0], [0xff, 0xfb, 0x9c, 0]]) {
      expect(readFrameHeader(Uint8Array.from(h), 0)).toBeNull();
    }
  });
});
