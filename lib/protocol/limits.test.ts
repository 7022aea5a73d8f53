/**
 * The per-method size limits (docs/PROTOCOL.md §4): one row per page method, the smallest for
 * anything else, and each at least the method's largest valid message, so nothing valid is
 * refused for its size.
 */
import { describe, expect, it } from 'vitest';
import { LARGEST_LIMIT, REQUEST_LIMITS, SMALLEST_LIMIT, requestLimit, requestTooLarge } from './limits';
import { pageMethodParams, type PageMethod } from './page-methods';
import { parseOrThrow } from './validate';
import { ToWalletSchema } from './wire-schema';
import { GenerateImageRequest, MAX_AUDIO_BYTES, MAX_IMAGE_PROMPT, MAX_SPEECH_CHARS, SpeakRequest, TranscribeRequest } from './media';

/** The media methods, whose params' schemas are lib/protocol/media.ts (registered in page-methods.ts by #24's handlers). */
const MEDIA_METHODS = { speak: SpeakRequest, transcribe: TranscribeRequest, generateImage: GenerateImageRequest };

/** Every character escaped in JSON to six (`\u0001`): the longest a string of its length encodes to. */
const escaped = (n: number) => '\u0001'.repeat(n);
const image = `data:image/png;base64,${'A'.repeat(20_000_000 - 22)}`;

/** Each method's largest message at its schema maxima, with its largest field escaped throughout. */
const LARGEST_VALID: Record<PageMethod, unknown[]> = {
  getGrant: [{ t: 'req', id: 2 ** 31, method: 'getGrant', stream: false }],
  disconnect: [{ t: 'req', id: 2 ** 31, method: 'disconnect', stream: false }],
  models: [{ t: 'req', id: 2 ** 31, method: 'models', stream: false }],
  connect: [
    {
      t: 'req',
      id: 2 ** 31,
      method: 'connect',
      params: {
        scopes: ['chat', 'models', 'embed'],
        models: Array.from({ length: 200 }, () => escaped(256)),
        budget: { usd: 999_999.999999, period: 'month' },
        reason: escaped(500),
      },
    },
  ],
  chat: [
    { t: 'req', id: 2 ** 31, method: 'chat', params: { messages: [{ role: 'user', content: escaped(4_000_000) }], model: 'm'.repeat(256), maxTokens: 1_000_000 }, stream: true },
    { t: 'req', id: 2 ** 31, method: 'chat', params: { messages: [{ role: 'user', content: [{ type: 'image', url: image }, { type: 'text', text: 'x'.repeat(4_000_000) }] }] }, stream: true },
  ],
  embed: [{ t: 'req', id: 2 ** 31, method: 'embed', params: { input: escaped(4_000_000), model: 'm'.repeat(256) } }],
};

describe('request size limits', () => {
  it('has one row per page method, and nothing else', () => {
    const methods = new Set([...Object.keys(pageMethodParams), ...Object.keys(MEDIA_METHODS)]);
    expect(Object.keys(REQUEST_LIMITS).sort()).toEqual([...methods].sort());
  });

  it('gives an unknown method, a prototype name or a non-string the smallest limit', () => {
    for (const method of ['transcribeAll', 'vault.unlock', '__proto__', 'constructor', 'toString', '', 42, null, undefined]) {
      expect(requestLimit(method), String(method)).toBe(SMALLEST_LIMIT);
    }
    expect(Math.min(...Object.values(REQUEST_LIMITS))).toBe(SMALLEST_LIMIT);
    expect(LARGEST_LIMIT).toBe(REQUEST_LIMITS.chat);
  });

  it.each(Object.entries(LARGEST_VALID))('%s: its largest valid message fits its limit', (method, samples) => {
    for (const m of samples) {
      const wire = parseOrThrow(ToWalletSchema, m);
      expect(wire.t).toBe('req');
      parseOrThrow(pageMethodParams[method as PageMethod], (m as { params?: unknown }).params);
      expect(JSON.stringify(m).length).toBeLessThanOrEqual(requestLimit(method));
    }
  });

  it('fits each media method\'s largest valid message, a Blob counting its bytes', () => {
    const audio = new Uint8Array(MAX_AUDIO_BYTES);
    const largest = {
      transcribe: { audio, audioType: escaped(128), model: 'm'.repeat(256), language: 'x'.repeat(16), prompt: escaped(4_000), responseFormat: 'verbose_json', temperature: 0.123456789 },
      speak: { text: escaped(MAX_SPEECH_CHARS), voice: escaped(128), model: 'm'.repeat(256), format: 'flac', instructions: escaped(4_096), speed: 0.333333333333 },
      generateImage: { prompt: escaped(MAX_IMAGE_PROMPT), n: 10, size: '1024x1792', quality: 'standard', model: 'm'.repeat(256), style: 'natural', background: 'transparent', outputFormat: 'jpeg' },
    };
    for (const [method, params] of Object.entries(largest)) {
      MEDIA_METHODS[method as keyof typeof MEDIA_METHODS].parse(params);
      // On the wire the audio is a Blob: a reference in the JSON, its bytes counted beside it.
      const { audio: bytes, ...rest } = params as { audio?: Uint8Array };
      const json = JSON.stringify({ t: 'req', id: 2 ** 31, method, params: bytes ? { ...rest, audio: { $blob: 0 } } : rest, stream: false });
      expect(json.length + (bytes ? bytes.byteLength + 2 : 0), method).toBeLessThanOrEqual(requestLimit(method));
    }
    // No more than the audio's cap and room for the rest: 26 MB of audio is refused by size.
    expect(requestLimit('transcribe')).toBeLessThan(MAX_AUDIO_BYTES + 1024 * 1024);
  });

  it('names the method and its limit, but not a method it does not know', () => {
    expect(requestTooLarge('chat')).toBe(`Invalid request: message: too large: chat allows at most ${32 * 1024 * 1024} characters of JSON`);
    expect(requestTooLarge('getGrant')).toBe('Invalid request: message: too large: getGrant allows at most 4096 characters of JSON');
    expect(requestTooLarge('x'.repeat(100))).toBe('Invalid request: message: too large: this message allows at most 4096 characters of JSON');
  });
});
