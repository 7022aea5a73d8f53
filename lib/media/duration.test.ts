import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audioFixtures, concat, el, flac, mp4, text, wav, WEBM_HEADER } from '../../tests/support/audio-fixtures';
import { audioInfo, MAX_AUDIO_SECONDS, sniffAudio } from './duration';

const fixtures = audioFixtures();
const realFiles = ['chrome-mediarecorder-timeslice.webm', 'chrome-mediarecorder.m4a', 'ffmpeg-cbr-xing.mp3', 'ffmpeg-opus.ogg', 'ffmpeg.flac', 'ffmpeg-vorbis.ogg']
  .map((f) => new Uint8Array(readFileSync(join(__dirname, 'testdata', f))));
const seeds = [...fixtures.map((f) => f.bytes), ...realFiles];

/** What audioInfo may answer, on any bytes. */
function expectSane(bytes: Uint8Array): void {
  const info = audioInfo(bytes);
  if (info === null) return;
  expect(Number.isFinite(info.seconds)).toBe(true);
  expect(info.seconds).toBeGreaterThan(0);
  expect(info.seconds).toBeLessThanOrEqual(MAX_AUDIO_SECONDS);
}

describe('audioInfo', () => {
  for (const f of fixtures) {
    it(`${f.name}: ${f.mimeType}, exactly ${f.seconds} s`, () => {
      expect(audioInfo(f.bytes)).toEqual({ container: sniffAudio(f.bytes), mimeType: f.mimeType, seconds: f.seconds });
    });
  }

  it('refuses more than 4 hours (a header may say so), and zero length', () => {
    expect(audioInfo(flac({ sampleRate: 8000, totalSamples: 8000 * MAX_AUDIO_SECONDS }))?.seconds).toBe(MAX_AUDIO_SECONDS);
    expect(audioInfo(flac({ sampleRate: 8000, totalSamples: 8000 * MAX_AUDIO_SECONDS + 1 }))).toBeNull();
    expect(audioInfo(mp4({ version: 1, timescale: 1, duration: 2 ** 40 }))).toBeNull();
    expect(audioInfo(wav({ seconds: 0 }))).toBeNull();
  });

  it('refuses bytes that are not audio', () => {
    expect(audioInfo(new Uint8Array(0))).toBeNull();
    expect(audioInfo(new TextEncoder().encode('hello, this is text'))).toBeNull();
  });
});

describe('sniffAudio', () => {
  it('names each container from its magic numbers', () => {
    expect(fixtures.map((f) => [f.name, sniffAudio(f.bytes)])).toEqual([
      ['tone.wav', 'wav'], ['extensible.wav', 'wav'], ['cbr.mp3', 'mp3'], ['vbr.mp3', 'mp3'], ['v0.m4a', 'm4a'], ['v1.m4a', 'm4a'],
      ['fragmented.m4a', 'm4a'], ['speech.ogg', 'ogg'], ['music.flac', 'flac'], ['muxed.webm', 'webm'], ['mediarecorder.webm', 'webm'],
    ]);
  });

  it('is null for PNG, JPEG, GIF, PDF, HEIC/AVIF, text, and empty bytes', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, ...text('IHDR')]);
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, ...text('JFIF'), 0]);
    const heic = concat([0, 0, 0, 24], text('ftypheic'), [0, 0, 0, 0], text('mif1heic'));
    const avif = concat([0, 0, 0, 24], text('ftypavif'), [0, 0, 0, 0], text('avifmif1'));
    for (const b of [png, jpeg, text('GIF89a'), text('%PDF-1.7'), heic, avif, new TextEncoder().encode('{"a":1}'), new Uint8Array(0), Uint8Array.from([0xff])]) {
      expect(sniffAudio(Uint8Array.from(b))).toBeNull();
      expect(audioInfo(Uint8Array.from(b))).toBeNull();
    }
  });

  it('an ID3v2 tag before fLaC is FLAC, before frames MP3', () => {
    const tag = concat(text('ID3'), [4, 0, 0], [0, 0, 0, 0]);
    expect(sniffAudio(concat(tag, text('fLaC')))).toBe('flac');
    expect(sniffAudio(concat(tag, [0xff, 0xfb, 0x90, 0]))).toBe('mp3');
  });
});

describe('robustness: never throws, never loops, answers null or a sane length', () => {
  it('on random bytes, bare and behind each magic number', () => {
    const magics = [text('RIFF\0\0\0\0WAVE'), text('OggS'), [0x1a, 0x45, 0xdf, 0xa3], text('\0\0\0\x18ftypM4A '), text('fLaC'), text('ID3'), [0xff, 0xfb]];
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), fc.nat(magics.length), (random, which) => {
        const magic = magics[which] ?? [];
        expectSane(concat(magic, random));
      }),
      { numRuns: 2000 },
    );
  });

  it('on every fixture and real file, truncated anywhere', () => {
    fc.assert(
      fc.property(fc.nat(seeds.length - 1), fc.double({ min: 0, max: 1, noNaN: true }), (which, cut) => {
        const b = seeds[which] as Uint8Array;
        expectSane(b.subarray(0, Math.floor(b.length * cut)));
      }),
      { numRuns: 1000 },
    );
  });

  it('on every fixture and real file with random bytes overwritten (sizes, counts, flags)', () => {
    fc.assert(
      fc.property(
        fc.nat(seeds.length - 1),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0x00, 0x01, 0x7f, 0x80, 0xfe, 0xff), fc.nat(255)), { minLength: 1, maxLength: 8 }),
        (which, edits) => {
          const b = Uint8Array.from(seeds[which] as Uint8Array);
          for (const [where, special, random] of edits) b[Math.floor(where * (b.length - 1))] = where < 0.5 ? special : random;
          expectSane(b);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('on hostile sizes: zero-size and huge elements, unknown sizes everywhere, all-0xFF runs', () => {
    const zeroSize = concat(WEBM_HEADER(), el(0x18538067, concat(...Array.from({ length: 1000 }, () => el(0xec, [])))));
    const huge = concat(WEBM_HEADER(), [0x18, 0x53, 0x80, 0x67, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe], [0x1f, 0x43, 0xb6, 0x75, 0x08, 0, 0, 0, 0]);
    const hugeBox = concat([0, 0, 0, 1], text('ftypM4A '), [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    const zeroBoxes = concat([0, 0, 0, 16], text('ftypM4A '), [0, 0, 0, 0], ...Array.from({ length: 1000 }, () => concat([0, 0, 0, 8], text('moov'))));
    for (const b of [zeroSize, huge, hugeBox, zeroBoxes]) expectSane(b);
    expect(audioInfo(zeroSize)).toBeNull();
  });

  it('does bounded work: 1 MB of worst-case bytes behind each magic number', () => {
    // All 0xFF: every byte looks like an MP3 sync; FF F8 pairs: every other byte starts a FLAC
    // frame header. Linear work here takes milliseconds; a walk that rescanned (quadratic) would
    // take hours, so the generous limit (this machine may be loaded) still tells them apart.
    const mb = 1024 * 1024;
    const ff = new Uint8Array(mb).fill(0xff);
    const flacSyncs = new Uint8Array(mb).map((_, i) => (i % 2 ? 0xf8 : 0xff));
    const streamInfo = concat(text('fLaC'), [0x80, 0, 0, 34], new Uint8Array(10), [0x01, 0xf4, 0x00, 0xf0], new Uint8Array(20)); // 8 kHz
    const page = concat(text('OggS'), [0, 2], new Uint8Array(21));
    const pages = new Uint8Array(mb).map((_, i) => page[i % page.length] as number);
    // A moov of 8-byte boxes (each once a reason to look the whole moov over again); 256 KB, so
    // that quadratic work fails the limit below in about a minute rather than hanging.
    const emptyBoxes = new Uint8Array(mb / 4).map((_, i) => [0, 0, 0, 8, 0x6d, 0x76, 0x65, 0x78][i % 8] as number); // 'mvex'
    const manyBoxes = concat(text('\0\0\0\x0cftypM4A '), [0, 0x10, 0, 8], text('moov'), emptyBoxes);
    const cases = [manyBoxes, concat([0xff, 0xfb], ff), concat(streamInfo, ff), concat(streamInfo, flacSyncs), concat(text('RIFF\0\0\0\0WAVE'), ff),
      concat([0x1a, 0x45, 0xdf, 0xa3, 0x80], ff), pages, concat(text('\0\0\0\x08ftyp'), ff)];
    for (const b of cases) {
      const started = performance.now();
      expectSane(b);
      expect(performance.now() - started).toBeLessThan(5000);
    }
  });
});
