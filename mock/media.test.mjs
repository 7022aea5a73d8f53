// The mock's OpenAI media routes (speech, transcriptions, images), driven by the official `openai` SDK.
import { createHash } from 'node:crypto';
import OpenAI, { toFile } from 'openai';
import { describe, expect, it, vi } from 'vitest';
import { audioSeconds, sniffAudio, wavPlan } from './audio-files.mjs';
import { pngSize } from './png.mjs';
import { useMock } from './testing.mjs';

const mock = useMock();
const KEY = 'sk-test-media-123456';

/** @param {string} [apiKey] */
function client(apiKey = KEY) {
  return new OpenAI({ apiKey, baseURL: `${mock().url}/v1`, maxRetries: 0 });
}

/** @param {number} seconds */
const wav = (seconds) => {
  const plan = wavPlan(seconds, 16_000);
  return plan.read(0, plan.bytes);
};

/** @param {Buffer} bytes */
const sha = (bytes) => createHash('sha256').update(bytes).digest('hex');

describe('POST /v1/audio/speech', () => {
  it('answers a WAV whose length follows the input, as a stream with the right type', async () => {
    const input = 'Read this aloud, please.'; // 24 characters: 1.44 s at 60 ms each
    const response = await client().audio.speech.create({ model: 'tts-1', voice: 'alloy', input, response_format: 'wav' });
    expect(response.headers.get('content-type')).toBe('audio/wav');
    expect(response.headers.get('content-length')).toBeNull();
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(sniffAudio(bytes)).toBe('wav');
    expect(audioSeconds(bytes, 'wav')).toBeCloseTo(1.44, 3);
    expect(bytes.length).toBe(44 + 1.44 * 24_000 * 2);
    expect(mock().stats().audio).toEqual([expect.objectContaining({ path: '/v1/audio/speech', model: 'tts-1', format: 'wav', bytes: bytes.length, sent: bytes.length, done: true, aborted: false })]);
  });

  it('answers MP3 by default, as frames a decoder can walk, and halves the length at speed 2', async () => {
    const input = 'x'.repeat(100);
    const normal = Buffer.from(await (await client().audio.speech.create({ model: 'tts-1', voice: 'nova', input })).arrayBuffer());
    const fast = Buffer.from(await (await client().audio.speech.create({ model: 'tts-1', voice: 'nova', input, speed: 2 })).arrayBuffer());
    expect(sniffAudio(normal)).toBe('mp3');
    expect(audioSeconds(normal, 'mp3')).toBeCloseTo(6, 1);
    expect(audioSeconds(fast, 'mp3')).toBeCloseTo(3, 1);
  });

  it('sends each format with its Content-Type', async () => {
    const types = { mp3: 'audio/mpeg', opus: 'audio/opus', aac: 'audio/aac', flac: 'audio/flac', wav: 'audio/wav', pcm: 'audio/pcm' };
    for (const [format, type] of Object.entries(types)) {
      const response = await client().audio.speech.create({ model: 'gpt-4o-mini-tts', voice: 'coral', input: 'hi', response_format: /** @type {'mp3'} */ (format), instructions: 'cheerfully' });
      expect(response.headers.get('content-type')).toBe(type);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
  });

  it('refuses what the API refuses, in its error shape: long input, bad voice, instructions for tts-1', async () => {
    const cases = [
      [{ model: 'tts-1', voice: 'alloy', input: 'x'.repeat(4097) }, 'input', 'string_above_max_length'],
      [{ model: 'tts-1', voice: 'alloy', input: '' }, 'input', 'string_below_min_length'],
      [{ model: 'tts-1', voice: 'nobody', input: 'hi' }, 'voice', 'invalid_value'],
      [{ model: 'tts-1', voice: 'alloy', input: 'hi', instructions: 'whisper' }, 'instructions', 'unsupported_parameter'],
      [{ model: 'tts-1', voice: 'alloy', input: 'hi', speed: 5 }, 'speed', 'invalid_value'],
    ];
    for (const [body, param, code] of cases) {
      const error = await client().audio.speech.create(/** @type {any} */ (body)).catch((e) => e);
      expect(error).toBeInstanceOf(OpenAI.BadRequestError);
      expect(error.error).toMatchObject({ param, code, type: 'invalid_request_error' });
    }
    expect(mock().stats().audio).toEqual([]);
  });

  it('shows a client abort mid-stream in the stats', async () => {
    const controller = new AbortController();
    const response = await client().audio.speech.create({ model: 'tts-1', voice: 'alloy', input: `${'y'.repeat(4000)} [[delay:50]]`, response_format: 'wav' }, { signal: controller.signal });
    const reader = /** @type {ReadableStream<Uint8Array>} */ (response.body).getReader();
    await reader.read();
    controller.abort();
    await vi.waitFor(() => expect(mock().stats().audio[0]).toMatchObject({ aborted: true, done: false }));
    const [record] = mock().stats().audio;
    expect(record?.sent).toBeLessThan(record?.bytes ?? 0);
    expect(mock().stats().aborted).toBe(1);
  });

  it('[[hang]] sends the headers, then nothing until the client leaves', async () => {
    const controller = new AbortController();
    const response = await client().audio.speech.create({ model: 'tts-1', voice: 'alloy', input: 'wait [[hang]]' }, { signal: controller.signal });
    expect(response.headers.get('content-type')).toBe('audio/mpeg');
    expect(mock().stats()).toMatchObject({ active: 1, audio: [{ sent: 0, done: false, aborted: false }] });
    controller.abort();
    await vi.waitFor(() => expect(mock().stats()).toMatchObject({ active: 0, audio: [{ sent: 0, aborted: true }] }));
  });

  it('obeys [[error:429]] and a bad key like the chat routes', async () => {
    const limited = await client().audio.speech.create({ model: 'tts-1', voice: 'alloy', input: 'hi [[error:429]]' }).catch((e) => e);
    expect(limited).toBeInstanceOf(OpenAI.RateLimitError);
    expect(limited.headers.get('retry-after')).toBe('7');
    const unauthorized = await client('sk-bad-key-123').audio.speech.create({ model: 'tts-1', voice: 'alloy', input: 'hi' }).catch((e) => e);
    expect(unauthorized).toBeInstanceOf(OpenAI.AuthenticationError);
  });
});

describe('POST /v1/audio/transcriptions', () => {
  it('transcribes a WAV deterministically, with whisper-1 duration usage', async () => {
    const audio = wav(2.5);
    const result = await client().audio.transcriptions.create({ model: 'whisper-1', file: await toFile(audio, 'note.wav', { type: 'audio/wav' }) });
    expect(result.text).toBe(`Mock transcript of ${audio.length} bytes, sha256 ${sha(audio).slice(0, 12)}.`);
    expect(result.usage).toEqual({ type: 'duration', seconds: 3 });
    expect(mock().stats().uploads).toEqual([{ path: '/v1/audio/transcriptions', model: 'whisper-1', field: 'file', filename: 'note.wav', contentType: 'audio/wav', bytes: audio.length, sha256: sha(audio) }]);
  });

  it('reports token usage for gpt-4o-transcribe and refuses its unsupported formats', async () => {
    const file = await toFile(wav(1), 'a.wav');
    const result = await client().audio.transcriptions.create({ model: 'gpt-4o-transcribe', file, prompt: 'names: Ada' });
    expect(result.usage).toMatchObject({ type: 'tokens', input_token_details: { audio_tokens: 10, text_tokens: 3 } });
    const refused = await client().audio.transcriptions.create({ model: 'gpt-4o-mini-transcribe', file: await toFile(wav(1), 'a.wav'), response_format: 'srt' }).catch((e) => e);
    expect(refused).toBeInstanceOf(OpenAI.BadRequestError);
    expect(refused.error.param).toBe('response_format');
  });

  it('answers every response_format in its own shape', async () => {
    const file = async () => toFile(wav(2), 'a.wav');
    const verbose = await client().audio.transcriptions.create({ model: 'whisper-1', file: await file(), response_format: 'verbose_json', language: 'de', timestamp_granularities: ['word', 'segment'] });
    expect(verbose).toMatchObject({ task: 'transcribe', language: 'german', duration: 2, usage: { type: 'duration', seconds: 2 } });
    expect(verbose.segments?.[0]).toMatchObject({ id: 0, start: 0, end: 2 });
    expect(verbose.words?.at(-1)).toMatchObject({ end: 2 });
    const text = await client().audio.transcriptions.create({ model: 'whisper-1', file: await file(), response_format: 'text' });
    expect(text).toMatch(/^Mock transcript of \d+ bytes, sha256 [0-9a-f]{12}\.\n$/);
    const srt = await client().audio.transcriptions.create({ model: 'whisper-1', file: await file(), response_format: 'srt' });
    expect(srt).toMatch(/^1\n00:00:00,000 --> 00:00:02,000\nMock transcript/);
    const vtt = await client().audio.transcriptions.create({ model: 'whisper-1', file: await file(), response_format: 'vtt' });
    expect(vtt).toMatch(/^WEBVTT\n\n00:00:00\.000 --> 00:00:02\.000\nMock transcript/);
  });

  it('refuses bytes that are no audio, and a body over 25 MB with a 413, having read all of it', async () => {
    const notAudio = await client().audio.transcriptions.create({ model: 'whisper-1', file: await toFile(Buffer.from('hello, not audio'), 'a.wav') }).catch((e) => e);
    expect(notAudio).toBeInstanceOf(OpenAI.BadRequestError);
    expect(notAudio.error).toMatchObject({ param: 'file', code: 'invalid_value' });
    const big = Buffer.alloc(25 * 1024 * 1024 + 1);
    wav(1).copy(big);
    const tooLarge = await client().audio.transcriptions.create({ model: 'whisper-1', file: await toFile(big, 'big.wav') }).catch((e) => e);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.error.message).toMatch(/^Maximum content size limit \(26214400\) exceeded \(\d+ bytes read\)$/);
    expect(mock().stats().uploads).toHaveLength(1); // the not-audio one: the oversized body was never kept
  });

  it('asks for multipart, as the API does', async () => {
    const res = await fetch(`${mock().url}/v1/audio/transcriptions`, { method: 'POST', headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/expected multipart\/form-data/);
  });

  it('keeps a binary upload byte-identical (every byte value, CRLF and boundary-like runs inside)', async () => {
    const audio = Buffer.concat([wav(0.5), Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 256)), Buffer.from('\r\n--\r\n\r\n')]);
    await client().audio.transcriptions.create({ model: 'whisper-1', file: await toFile(audio, 'bin.wav') });
    expect(mock().stats().uploads[0]).toMatchObject({ bytes: audio.length, sha256: sha(audio) });
  });
});

describe('POST /v1/images/generations', () => {
  it('dall-e-3: one URL served by the mock, a revised prompt, no usage', async () => {
    const result = await client().images.generate({ model: 'dall-e-3', prompt: 'a red fox' });
    expect(result.data).toHaveLength(1);
    expect(result.data?.[0]?.revised_prompt).toBe('A mock rendering of: a red fox');
    expect(result.usage).toBeUndefined();
    const image = await fetch(/** @type {string} */ (result.data?.[0]?.url));
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(pngSize(Buffer.from(await image.arrayBuffer()))).toEqual({ width: 32, height: 32 });
  });

  it('dall-e-3 takes n = 1 and its own sizes only; b64_json on request', async () => {
    const many = await client().images.generate({ model: 'dall-e-3', prompt: 'x', n: 2 }).catch((e) => e);
    expect(many.error).toMatchObject({ param: 'n', code: 'integer_above_max_value' });
    const square = await client().images.generate({ model: 'dall-e-3', prompt: 'x', size: '512x512' }).catch((e) => e);
    expect(square.error).toMatchObject({ param: 'size' });
    const wide = await client().images.generate({ model: 'dall-e-3', prompt: 'x', size: '1792x1024', quality: 'hd', response_format: 'b64_json' });
    expect(pngSize(Buffer.from(wide.data?.[0]?.b64_json ?? '', 'base64'))).toEqual({ width: 56, height: 32 });
  });

  it('gpt-image-1: always b64, token usage, no response_format', async () => {
    const result = await client().images.generate({ model: 'gpt-image-1', prompt: 'a cat', n: 2, quality: 'low', size: '1536x1024', background: 'transparent' });
    expect(result.data).toHaveLength(2);
    expect(result.data?.[0]?.url).toBeUndefined();
    expect(pngSize(Buffer.from(result.data?.[1]?.b64_json ?? '', 'base64'))).toEqual({ width: 48, height: 32 });
    expect(result).toMatchObject({ background: 'transparent', output_format: 'png', quality: 'low', size: '1536x1024', usage: { output_tokens: 2 * 408 } });
    const refused = await client().images.generate({ model: 'gpt-image-1', prompt: 'a cat', response_format: 'url' }).catch((e) => e);
    expect(refused.error).toMatchObject({ param: 'response_format', code: 'unknown_parameter' });
  });

  it('dall-e-2 is the default model, with n up to 10', async () => {
    const result = await client().images.generate({ prompt: 'dots', n: 3, size: '256x256', response_format: 'b64_json' });
    expect(result.data?.map((d) => pngSize(Buffer.from(d.b64_json ?? '', 'base64')))).toEqual([{ width: 8, height: 8 }, { width: 8, height: 8 }, { width: 8, height: 8 }]);
    expect(mock().stats().last).toMatchObject({ path: '/v1/images/generations', model: null });
  });

  it('obeys [[error:500]] in the prompt', async () => {
    const failed = await client().images.generate({ model: 'dall-e-3', prompt: 'x [[error:500]]' }).catch((e) => e);
    expect(failed).toBeInstanceOf(OpenAI.InternalServerError);
  });
});

describe('models', () => {
  it('lists the speech, transcription and image models', async () => {
    const ids = (await client().models.list()).data.map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining(['tts-1', 'tts-1-hd', 'gpt-4o-mini-tts', 'whisper-1', 'gpt-4o-transcribe', 'gpt-4o-mini-transcribe', 'dall-e-3', 'gpt-image-1']));
  });
});
