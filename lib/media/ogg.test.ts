import { describe, expect, it } from 'vitest';
import { concat, oggOpus, oggPage, oggRawPage, oggVorbis, text } from '../../tests/support/audio-fixtures';
import { oggSeconds } from './ogg';

describe('oggSeconds', () => {
  it('Opus: the last granule at 48 kHz, the pre-skip not taken off (ffmpeg counts it too)', () => {
    expect(oggSeconds(oggOpus({ packets: 100, preSkip: 312 }))).toBe(2);
    expect(oggSeconds(oggOpus({ packets: 7, preSkip: 0, perPage: 3 }))).toBe((7 * 960) / 48000);
  });

  it('Opus: a last granule that lies short does not shorten the measure (the packets are counted)', () => {
    expect(oggSeconds(oggOpus({ packets: 100, preSkip: 312, lastGranule: 960 }))).toBe(2);
  });

  it('Opus: a granule past the packets (a longer claim) is taken', () => {
    expect(oggSeconds(oggOpus({ packets: 10, preSkip: 0, lastGranule: 48000 }))).toBe(1);
  });

  it('Opus: packets spanning pages are counted once', () => {
    // One 600-byte packet (TOC 20 ms) split across two pages by lacing 255, 255, 90.
    const serial = 9;
    const head = concat(text('OpusHead'), [1, 1, 0, 0], [0x80, 0xbb, 0, 0], [0, 0, 0]);
    const tags = concat(text('OpusTags'), [0, 0, 0, 0, 0, 0, 0, 0]);
    const packet = concat([0xf8], new Uint8Array(599));
    const first = oggRawPage(serial, 2, 0, -1, [255, 255], packet.subarray(0, 510));
    const second = oggRawPage(serial, 3, 1 | 4, 960, [90], packet.subarray(510));
    const b = concat(oggPage(serial, 0, 2, 0, [head]), oggPage(serial, 1, 0, 0, [tags]), first, second);
    expect(oggSeconds(b)).toBe(0.02);
  });

  it('Vorbis: the last granule over the identification header rate', () => {
    expect(oggSeconds(oggVorbis({ rate: 44100, granule: 88200 }))).toBe(2);
  });

  it('chained streams add up', () => {
    const a = oggOpus({ packets: 50, preSkip: 0 });
    expect(oggSeconds(concat(a, oggVorbis({ rate: 8000, granule: 8000 })))).toBe(2);
  });

  it('refuses a codec it does not measure, and no audio at all', () => {
    const speex = oggPage(1, 0, 2, 0, [concat(text('Speex   '), new Uint8Array(72))]);
    expect(oggSeconds(concat(speex, oggPage(1, 1, 4, 16000, [Uint8Array.from([0])])))).toBeNull();
    expect(oggSeconds(oggVorbis({ rate: 44100, granule: 0 }))).toBeNull();
  });

  it('refuses more logical streams than any audio file has (64)', () => {
    const head = concat(text('OpusHead'), [1, 1, 0, 0], [0x80, 0xbb, 0, 0], [0, 0, 0]);
    const bos = (n: number) => concat(...Array.from({ length: n }, (_, serial) => oggPage(serial, 0, 2, 0, [head])));
    const audio = oggPage(0, 1, 4, 48000, [Uint8Array.from([0xf8])]);
    expect(oggSeconds(concat(bos(64), audio))).toBe(1);
    expect(oggSeconds(concat(bos(65), audio))).toBeNull();
  });
});
