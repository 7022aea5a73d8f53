import { describe, expect, it } from 'vitest';
import { rememberSource, uploadSource } from './upload-source';

describe('uploadSource', () => {
  it('gives the Blob the bytes were read from, and the bytes themselves otherwise', async () => {
    const blob = new Blob([new Uint8Array([1, 2, 3])], { type: 'audio/wav' });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect(uploadSource(bytes)).toBe(bytes);
    rememberSource(bytes, blob);
    expect(uploadSource(bytes)).toBe(blob);
    expect(uploadSource(bytes.slice())).not.toBe(blob);
  });

  it('never gives a Blob whose size is not the bytes’ (the bytes are what was measured)', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    rememberSource(bytes, new Blob([new Uint8Array([1, 2])]));
    expect(uploadSource(bytes)).toBe(bytes);
  });
});
