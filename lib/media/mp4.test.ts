import { describe, expect, it } from 'vitest';
import { be, box, concat, mp4, text } from '../../tests/support/audio-fixtures';
import { mp4Seconds } from './mp4';

describe('mp4Seconds', () => {
  it('reads mvhd/mdhd version 0 (32-bit times)', () => {
    expect(mp4Seconds(mp4({ version: 0, timescale: 44100, duration: 132300 }))).toBe(3);
  });

  it('reads version 1 (64-bit times), past 2^32 ticks', () => {
    // 2^33 ticks at 2^22 Hz: 2048 s; a 32-bit read would see 0.
    expect(mp4Seconds(mp4({ version: 1, timescale: 2 ** 22, duration: 2 ** 33 }))).toBe(2048);
  });

  it('takes the longest of the movie header, the media header and the sample table', () => {
    expect(mp4Seconds(mp4({ version: 0, timescale: 1000, duration: 1000, mediaDuration: 4000 }))).toBe(4);
    // A movie header that lies short (1 s): the sample table (10 x 1024 at 1024 Hz) wins.
    expect(mp4Seconds(mp4({ version: 0, timescale: 1024, duration: 1024, stts: [[10, 1024]] }))).toBe(10);
  });

  it('counts a trimmed last sample whole (a decoder plays a full frame)', () => {
    // 129 frames of 1024 and a last one declared 204 long: 130 frames decode.
    expect(mp4Seconds(mp4({ version: 0, timescale: 44100, duration: 132300, stts: [[129, 1024], [1, 204]] }))).toBe((130 * 1024) / 44100);
  });

  it("sums a fragmented file's samples (MediaRecorder's layout: an empty moov, then moof boxes)", () => {
    expect(mp4Seconds(mp4({ version: 0, timescale: 48000, duration: 0, fragments: [[960, 960, 960], [960, 960]] }))).toBe(0.1);
  });

  it('refuses a file without a sound track, or without moov', () => {
    expect(mp4Seconds(mp4({ version: 0, timescale: 1000, duration: 5000, sound: false }))).toBeNull();
    expect(mp4Seconds(box('ftyp', text('M4A '), be(0, 4)))).toBeNull();
  });

  it('reads a 64-bit box size and a size-0 box that runs to the end', () => {
    const plain = mp4({ version: 0, timescale: 1000, duration: 2500 });
    const ftypLength = new DataView(plain.buffer).getUint32(0);
    const moov = plain.subarray(ftypLength);
    const large = concat(plain.subarray(0, ftypLength), be(1, 4), text('moov'), be(moov.length + 8, 8), moov.subarray(8));
    expect(mp4Seconds(large)).toBe(2.5);
    const toEnd = concat(plain.subarray(0, ftypLength), be(0, 4), moov.subarray(4));
    expect(mp4Seconds(toEnd)).toBe(2.5);
  });

  it('an unknown duration (all ones) in a header is not a duration; the samples still tell', () => {
    expect(mp4Seconds(mp4({ version: 0, timescale: 1000, duration: 0xffffffff, stts: [[3, 1000]] }))).toBe(3);
  });
});
