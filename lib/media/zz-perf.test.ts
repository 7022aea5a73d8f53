import { test } from 'vitest';
import { concat, text } from '../../tests/support/audio-fixtures';
import { audioInfo } from './duration';
test('perf', () => {
  const n = 25 * 1024 * 1024;
  const ff = new Uint8Array(n).fill(0xff);
  const rnd = new Uint8Array(n); for (let i = 0; i < n; i++) rnd[i] = (i * 2654435761) >>> 24;
  const fb = new Uint8Array(n); for (let i = 0; i < n; i += 4) fb.set([0xff, 0xfb, 0x10, 0x00], i);
  const flacHead = concat(text('fLaC'), [0x80, 0, 0, 34], new Uint8Array(10), [0x01, 0xf4, 0x00, 0xf0], new Uint8Array(20));
  const cases: [string, Uint8Array][] = [['mp3 ff', concat([0xff, 0xfb], ff)], ['mp3 rnd', concat([0xff, 0xfb], rnd)], ['mp3 tiny frames', fb], ['flac ff', concat(flacHead, ff)],
    ['flac rnd', concat(flacHead, rnd)], ['flac f8', concat(flacHead, ...Array.from({length: n/1024}, () => new Uint8Array(1024).fill(0xf8).map((x, i) => i % 2 ? 0xf8 : 0xff)))], ['wav', concat(text('RIFF\0\0\0\0WAVE'), ff)], ['webm', concat([0x1a, 0x45, 0xdf, 0xa3, 0x80], ff)],
    ['ogg rnd', concat(text('OggS'), rnd)], ['mp4', concat(text('\0\0\0\x08ftyp'), ff)]];
  for (const [name, b] of cases) { const t = performance.now(); const r = audioInfo(b); console.log(name, Math.round(performance.now() - t), 'ms', r?.seconds); }
});
