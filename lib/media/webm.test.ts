import { describe, expect, it } from 'vitest';
import { be, concat, el, float64, OPUS_SILENCE, text, uint, WEBM_HEADER, webm } from '../../tests/support/audio-fixtures';
import { webmSeconds } from './webm';

// Hand-built layouts: element IDs as in lib/media/webm.ts.
const info = (durationMs?: number) => el(0x1549a966, concat(uint(0x2ad7b1, 1_000_000), durationMs === undefined ? [] : float64(0x4489, durationMs)));
const track = (number: number, codec: string, audio: Uint8Array = new Uint8Array(0), type = 2) =>
  el(0xae, concat(uint(0xd7, number), uint(0x83, type), el(0x86, text(codec)), audio.length ? el(0xe1, audio) : []));
const tracks = (...entries: Uint8Array[]) => el(0x1654ae6b, concat(...entries));
const simpleBlock = (trackNumber: number, relativeMs: number, payload: number[]) =>
  el(0xa3, concat([0x80 | trackNumber], be((relativeMs + 0x10000) % 0x10000, 2), [0x80], payload));
const cluster = (timecodeMs: number | null, blocks: Uint8Array[], live = false) =>
  el(0x1f43b675, concat(timecodeMs === null ? [] : uint(0xe7, timecodeMs), ...blocks), live);
const file = (children: Uint8Array[], live = false) => concat(WEBM_HEADER(), el(0x18538067, concat(...children), live));
const opus = (n = 1) => tracks(track(n, 'A_OPUS'));

describe('webmSeconds', () => {
  it('Info Duration x TimecodeScale, agreeing with the blocks', () => {
    expect(webmSeconds(webm({ blocks: 120, durationMs: 2400 }))).toBe(2.4);
  });

  it("MediaRecorder's live layout: no Duration, unknown-size Segment and Clusters: the last block's end", () => {
    expect(webmSeconds(webm({ blocks: 175, live: true }))).toBe(3.5);
    expect(webmSeconds(webm({ blocks: 1, live: true }))).toBe(0.02);
    expect(webmSeconds(webm({ blocks: 1000, live: true, perCluster: 7 }))).toBe(20);
  });

  it('counts only audio tracks: video blocks that run later do not count', () => {
    expect(webmSeconds(webm({ blocks: 100, live: true, videoTrack: true }))).toBe(2);
  });

  it('a Duration that lies short does not shorten the measure; a longer one is taken', () => {
    expect(webmSeconds(webm({ blocks: 120, durationMs: 100 }))).toBe(2.4);
    expect(webmSeconds(webm({ blocks: 10, durationMs: 5000 }))).toBe(5);
  });

  it("takes each block's own length from its Opus TOC (MediaRecorder writes 60 ms packets)", () => {
    const sixty = [0x18, 0x00]; // SILK 60 ms, one frame
    const threeTwenties = [0xfb, 0x03, 0x00]; // CELT 20 ms, code 3: three frames
    expect(webmSeconds(file([info(), opus(), cluster(0, [simpleBlock(1, 0, sixty), simpleBlock(1, 60, sixty)])]))).toBe(0.12);
    expect(webmSeconds(file([info(), opus(), cluster(1000, [simpleBlock(1, -100, threeTwenties)])]))).toBe(0.96);
  });

  it('timestamps that lie (every block at 0) do not shorten the measure: the blocks are summed', () => {
    const blocks = Array.from({ length: 50 }, () => simpleBlock(1, 0, OPUS_SILENCE));
    expect(webmSeconds(file([info(), opus(), cluster(0, blocks)]))).toBe(1);
  });

  it('BlockGroup with BlockDuration, in TimecodeScale units', () => {
    const group = el(0xa0, concat(el(0xa1, concat([0x81], be(200, 2), [0x80], OPUS_SILENCE)), uint(0x9b, 500)));
    expect(webmSeconds(file([info(), opus(), cluster(1000, [group])]))).toBe(1.7);
  });

  it('PCM blocks: their bytes over the track rate', () => {
    const pcm = tracks(track(1, 'A_PCM/INT/LIT', concat(float64(0xb5, 16000), uint(0x9f, 1), uint(0x6264, 16))));
    expect(webmSeconds(file([info(), pcm, cluster(0, [simpleBlock(1, 0, new Array(3200).fill(0))])]))).toBe(0.1);
  });

  it("a block whose length it cannot tell: null, unless Info's Duration reaches past its start", () => {
    const vorbis = tracks(track(1, 'A_VORBIS'));
    const blocks = [simpleBlock(1, 0, [1, 2, 3]), simpleBlock(1, 900, [1, 2, 3])];
    expect(webmSeconds(file([info(), vorbis, cluster(0, blocks)]))).toBeNull();
    expect(webmSeconds(file([info(500), vorbis, cluster(0, blocks)]))).toBeNull();
    expect(webmSeconds(file([info(1000), vorbis, cluster(0, blocks)]))).toBe(1);
  });

  it('refuses a Cluster without a Timecode, Info or Tracks after blocks, and no blocks at all', () => {
    expect(webmSeconds(file([info(), opus(), cluster(null, [simpleBlock(1, 0, OPUS_SILENCE)])]))).toBeNull();
    expect(webmSeconds(file([opus(), cluster(0, [simpleBlock(1, 0, OPUS_SILENCE)]), info(5000)]))).toBeNull();
    expect(webmSeconds(file([info(), opus()]))).toBeNull();
  });

  it('ignores blocks of a track never declared (no decoder plays them)', () => {
    expect(webmSeconds(file([info(), opus(), cluster(0, [simpleBlock(1, 0, OPUS_SILENCE), simpleBlock(5, 5000, OPUS_SILENCE)])]))).toBe(0.02);
  });

  it('a known-size Cluster between unknown-size ones, and Void elements inside a live Cluster', () => {
    const voidEl = el(0xec, new Uint8Array(7));
    const b = file([info(), opus(), cluster(0, [simpleBlock(1, 0, OPUS_SILENCE), voidEl], true), cluster(20, [simpleBlock(1, 0, OPUS_SILENCE)]),
      cluster(40, [voidEl, simpleBlock(1, 0, OPUS_SILENCE)], true)], true);
    expect(webmSeconds(b)).toBe(0.06);
  });

  it('refuses more tracks than any audio file has (64), rather than holding them', () => {
    const many = (n: number) => tracks(...Array.from({ length: n }, (_, i) => track(i + 1, 'A_OPUS')));
    expect(webmSeconds(file([info(), many(64), cluster(0, [simpleBlock(1, 0, OPUS_SILENCE)])]))).toBe(0.02);
    expect(webmSeconds(file([info(), many(65), cluster(0, [simpleBlock(1, 0, OPUS_SILENCE)])]))).toBeNull();
  });

  it('refuses a file with no audio track, whatever its Duration', () => {
    const video = tracks(track(1, 'V_VP8', new Uint8Array(0), 1));
    expect(webmSeconds(file([info(3000), video, cluster(0, [simpleBlock(1, 0, [0x9d, 1, 0x2a])])]))).toBeNull();
    expect(webmSeconds(file([info(3000), opus()]))).toBe(3);
  });
});
