// The mock's file formats: multipart parsing, the audio it writes and reads, the PNG encoder.
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { audioSeconds, mp3Plan, sniffAudio, wavPlan } from './audio-files.mjs';
import { multipartBoundary, parseMultipart } from './multipart.mjs';
import { crc32, encodePng, pngSize } from './png.mjs';

describe('multipart', () => {
  it('reads the boundary, quoted or not, and only from multipart/form-data', () => {
    expect(multipartBoundary('multipart/form-data; boundary=abc')).toBe('abc');
    expect(multipartBoundary('multipart/form-data; boundary="a b"')).toBe('a b');
    expect(multipartBoundary('application/json')).toBeNull();
    expect(multipartBoundary('multipart/form-data')).toBeNull();
  });

  it('parses what a browser FormData sends: repeated fields, a binary file with its name and type', async () => {
    const bytes = new Uint8Array(Array.from({ length: 1000 }, (_, i) => (i * 7) % 256));
    const form = new FormData();
    form.append('model', 'whisper-1');
    form.append('timestamp_granularities[]', 'word');
    form.append('timestamp_granularities[]', 'segment');
    form.append('file', new Blob([bytes], { type: 'audio/webm' }), 'rec "1".webm');
    const request = new Request('http://x.invalid', { method: 'POST', body: form });
    const boundary = multipartBoundary(request.headers.get('content-type') ?? '');
    const parsed = parseMultipart(Buffer.from(await request.arrayBuffer()), boundary ?? '');
    expect(parsed?.fields).toEqual({ model: ['whisper-1'], 'timestamp_granularities[]': ['word', 'segment'] });
    expect(parsed?.files).toHaveLength(1);
    expect(parsed?.files[0]).toMatchObject({ name: 'file', contentType: 'audio/webm' });
    expect(parsed?.files[0]?.filename).toMatch(/^rec (%22|")1(%22|")\.webm$/);
    expect(Buffer.compare(parsed?.files[0]?.data ?? Buffer.alloc(0), Buffer.from(bytes))).toBe(0);
  });

  it('refuses a body without its closing boundary', () => {
    const body = Buffer.from('--b\r\nContent-Disposition: form-data; name="model"\r\n\r\nwhisper-1\r\n');
    expect(parseMultipart(body, 'b')).toBeNull();
    expect(parseMultipart(Buffer.from('no boundary here'), 'b')).toBeNull();
  });
});

describe('audio files', () => {
  it('writes a WAV whose header says its length', () => {
    const plan = wavPlan(0.5, 8000);
    const file = plan.read(0, plan.bytes);
    expect(file.subarray(0, 4).toString()).toBe('RIFF');
    expect(file.readUInt32LE(4)).toBe(file.length - 8);
    expect(audioSeconds(file, 'wav')).toBe(0.5);
  });

  it('reads the same bytes in pieces as whole', () => {
    for (const plan of [wavPlan(0.3), mp3Plan(0.5)]) {
      const pieces = [];
      for (let at = 0; at < plan.bytes; at += 333) pieces.push(plan.read(at, 333));
      expect(Buffer.concat(pieces).equals(plan.read(0, plan.bytes))).toBe(true);
    }
  });

  it('writes MPEG-1 and MPEG-2 Layer III frames a parser can count', () => {
    expect(audioSeconds(mp3Plan(10, 44_100, 128).read(0, 10 ** 6), 'mp3')).toBeCloseTo(10, 1);
    expect(audioSeconds(mp3Plan(10, 24_000, 64).read(0, 10 ** 6), 'mp3')).toBeCloseTo(10, 1);
    expect(() => mp3Plan(1, 44_100, 144)).toThrow(RangeError);
  });

  it('tells audio containers from other bytes', () => {
    expect(sniffAudio(Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f]))).toBe('webm');
    expect(sniffAudio(Buffer.from('OggS\0\x02'))).toBe('ogg');
    expect(sniffAudio(Buffer.from('ID3\x04\0\0\0\0\0\0'))).toBe('mp3');
    expect(sniffAudio(Buffer.from('\0\0\0\x20ftypM4A '))).toBe('mp4');
    expect(sniffAudio(Buffer.from('%PDF-1.7'))).toBeNull();
    expect(sniffAudio(Buffer.from('\x89PNG\r\n\x1a\n'))).toBeNull();
  });
});

describe('PNG', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('writes chunks with valid CRCs and rows a zlib inflater reads back', () => {
    const png = encodePng(3, 2, (x, y) => [x * 100, y * 100, 7, 128], true);
    expect(pngSize(png)).toEqual({ width: 3, height: 2 });
    for (let at = 8; at < png.length; ) {
      const length = png.readUInt32BE(at);
      expect(png.readUInt32BE(at + 8 + length)).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
      if (png.subarray(at + 4, at + 8).toString() === 'IDAT') {
        const raw = inflateSync(png.subarray(at + 8, at + 8 + length));
        expect([...raw.subarray(0, 9)]).toEqual([0, 0, 0, 7, 128, 100, 0, 7, 128]);
      }
      at += 12 + length;
    }
  });
});
