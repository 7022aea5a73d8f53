import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audioInfo } from './duration';

// Files made by real encoders and by Chromium's MediaRecorder (lib/media/testdata/README.md).
const dir = join(__dirname, 'testdata');
const reference = JSON.parse(readFileSync(join(dir, 'reference-seconds.json'), 'utf8')) as Record<string, number>;

describe('real files', () => {
  it('has a reference for every file there', () => {
    const files = readdirSync(dir).filter((f) => /\.(wav|mp3|m4a|ogg|flac|webm)$/.test(f));
    expect(files.sort()).toEqual(Object.keys(reference).sort());
  });

  for (const [file, seconds] of Object.entries(reference)) {
    it(`${file}: at least what a decoder plays, and at most 0.1 s more`, () => {
      const info = audioInfo(new Uint8Array(readFileSync(join(dir, file))));
      expect(info).not.toBeNull();
      expect(info!.seconds).toBeGreaterThanOrEqual(seconds - 1e-6);
      expect(info!.seconds).toBeLessThanOrEqual(seconds + 0.1);
    });
  }

  it("measures MediaRecorder's live WebM from its blocks: 60 ms Opus packets, not a 20 ms guess", () => {
    // Its last block starts at 0.9 s and holds 60 ms (ffprobe's packet list): 0.96 s.
    const info = audioInfo(new Uint8Array(readFileSync(join(dir, 'chrome-mediarecorder-timeslice.webm'))));
    expect(info).toEqual({ container: 'webm', mimeType: 'audio/webm', seconds: 0.96 });
  });
});
