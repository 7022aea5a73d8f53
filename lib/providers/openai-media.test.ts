import { describe, expect, it } from 'vitest';
import { ErrorCode, WalletError } from '../protocol/errors';
import { createOpenAIAdapter } from './openai';
import { bytesResponse, mediaFetch, type MediaResponder } from '../../tests/support/providers/media-fetch';
import { wavBytes } from '../../tests/support/media-harness';
import type { ProviderCredentials } from './types';

const KEY = 'sk-proj-M3diaKey0123456789abcdefghijWXYZ';
const creds = (over: Partial<ProviderCredentials> = {}): ProviderCredentials => ({ kind: 'openai', label: 'OpenAI', secret: KEY, ...over });
const open = () => ({ readyToSend: Promise.resolve() });
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function setup(respond: MediaResponder) {
  const fake = mediaFetch(respond);
  const adapter = createOpenAIAdapter({ fetch: fake.fetch });
  return { ...fake, adapter: adapter as Required<typeof adapter> };
}

describe('OpenAI adapter: speech', () => {
  it('sends the JSON body of /audio/speech and reads the audio to its end', async () => {
    const { adapter, calls } = setup((_r, signal) => bytesResponse([new Uint8Array([1, 2]), new Uint8Array([3])], { type: 'audio/mpeg', signal }));
    const out = await adapter.speak(creds(), { model: 'tts-1', text: 'Hello', voice: 'nova', format: 'mp3', speed: 1.5 }, open(), new AbortController().signal);
    expect(out).toEqual({ audio: new Uint8Array([1, 2, 3]), mimeType: 'audio/mpeg', model: 'tts-1' });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ url: 'https://api.openai.com/v1/audio/speech', method: 'POST' });
    expect(calls[0]!.headers.get('authorization')).toBe(`Bearer ${KEY}`);
    expect(calls[0]!.json).toEqual({ model: 'tts-1', input: 'Hello', voice: 'nova', response_format: 'mp3', speed: 1.5 });
  });

  it('sends nothing before the pending entry is written, and says when it sent', async () => {
    const { adapter, calls } = setup((_r, signal) => bytesResponse([new Uint8Array([1])], { type: 'audio/wav', signal }));
    let allow!: () => void;
    const readyToSend = new Promise<void>((r) => (allow = r));
    let sent = false;
    const out = adapter.speak(creds(), { model: 'gpt-4o-mini-tts', text: 'Hi', format: 'wav', instructions: 'calm' }, { readyToSend, onSent: () => (sent = true) }, new AbortController().signal);
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).toHaveLength(0);
    expect(sent).toBe(false);
    allow();
    await out;
    expect(sent).toBe(true);
    expect(calls[0]!.json).toEqual({ model: 'gpt-4o-mini-tts', input: 'Hi', voice: 'alloy', response_format: 'wav', instructions: 'calm' });
  });

  it('an abort stops the audio mid-stream', async () => {
    const controller = new AbortController();
    let pieces = 0;
    const { adapter } = setup((_r, signal) =>
      bytesResponse([new Uint8Array([1]), new Uint8Array([2])], {
        type: 'audio/mpeg',
        signal,
        stall: true,
        onChunk: () => {
          pieces += 1;
          if (pieces === 2) setTimeout(() => controller.abort(), 0);
        },
      }),
    );
    const error = await adapter.speak(creds(), { model: 'tts-1', text: 'long', format: 'mp3' }, open(), controller.signal).catch((e: unknown) => e);
    expect((error as { name?: string }).name).toBe('AbortError');
    expect(pieces).toBe(2);
  });

  it('refuses more than OpenAI’s 4 096 characters before sending (-32602 naming text)', async () => {
    const { adapter, calls } = setup(() => json(200, {}));
    await expect(adapter.speak(creds(), { model: 'tts-1', text: 'x'.repeat(4_097), format: 'mp3' }, open(), new AbortController().signal)).rejects.toMatchObject({
      code: ErrorCode.invalidParams,
      message: expect.stringContaining('text'),
    });
    expect(calls).toHaveLength(0);
  });

  it('scrubs the key from a provider error', async () => {
    const { adapter } = setup(() => json(401, { error: { message: `Incorrect API key provided: ${KEY}`, type: 'invalid_request_error', code: 'invalid_api_key' } }));
    const error = await adapter.speak(creds(), { model: 'tts-1', text: 'Hi', format: 'mp3' }, open(), new AbortController().signal).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WalletError);
    expect((error as WalletError).message).not.toContain(KEY);
    expect((error as WalletError).data).toMatchObject({ kind: 'auth', status: 401 });
  });
});

describe('OpenAI adapter: transcription', () => {
  it('uploads a multipart form with the file and the fields, and reads json with its token usage', async () => {
    const { adapter, calls } = setup(() => json(200, { text: 'hello there', usage: { type: 'tokens', input_tokens: 120, output_tokens: 9, total_tokens: 129 } }));
    const audio = wavBytes(1);
    const out = await adapter.transcribe(
      creds(),
      { model: 'gpt-4o-transcribe', audio, mimeType: 'audio/wav', fileName: 'audio.wav', language: 'en', prompt: 'names', responseFormat: 'json', temperature: 0.2 },
      open(),
      new AbortController().signal,
    );
    expect(out).toEqual({ text: 'hello there', model: 'gpt-4o-transcribe', usage: { inputTokens: 120, outputTokens: 9 } });
    expect(calls[0]).toMatchObject({ url: 'https://api.openai.com/v1/audio/transcriptions', method: 'POST' });
    const form = calls[0]!.form!;
    expect(form.get('model')).toBe('gpt-4o-transcribe');
    expect(form.get('language')).toBe('en');
    expect(form.get('prompt')).toBe('names');
    expect(form.get('response_format')).toBe('json');
    expect(form.get('temperature')).toBe('0.2');
    const file = form.get('file') as File;
    expect(file.name).toBe('audio.wav');
    expect(file.type).toBe('audio/wav');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(audio);
  });

  it.each([
    ['text', 'hello\n', { text: 'hello', body: 'hello\n' }],
    ['srt', '1\n00:00:00,000 --> 00:00:01,000\nhello\n\n2\n00:00:01,000 --> 00:00:02,000\nworld\n', { text: 'hello world' }],
    ['vtt', 'WEBVTT\n\n00:00.000 --> 00:01.000\nhello\n', { text: 'hello' }],
  ] as const)('reads the %s format as the provider’s own body', async (format, raw, expected) => {
    const { adapter } = setup(() => new Response(raw, { status: 200, headers: { 'content-type': 'text/plain' } }));
    const out = await adapter.transcribe(creds(), { model: 'whisper-1', audio: wavBytes(1), mimeType: 'audio/wav', fileName: 'audio.wav', responseFormat: format }, open(), new AbortController().signal);
    expect(out).toMatchObject({ ...expected, body: raw, usage: null });
  });

  it('reads verbose_json (billed by duration: no token usage)', async () => {
    const body = { text: 'hi', language: 'english', duration: 1.5, usage: { type: 'duration', seconds: 2 } };
    const { adapter } = setup(() => json(200, body));
    const out = await adapter.transcribe(creds(), { model: 'whisper-1', audio: wavBytes(1), mimeType: 'audio/wav', fileName: 'audio.wav', responseFormat: 'verbose_json' }, open(), new AbortController().signal);
    expect(out).toEqual({ text: 'hi', language: 'english', model: 'whisper-1', usage: null, body: JSON.stringify(body) });
  });

  it('uploads nothing when the pending entry cannot be written', async () => {
    const { adapter, calls } = setup(() => json(200, { text: 'x' }));
    const readyToSend = Promise.reject(new Error('QuotaExceededError'));
    await expect(adapter.transcribe(creds(), { model: 'whisper-1', audio: wavBytes(1), mimeType: 'audio/wav', fileName: 'a.wav', responseFormat: 'json' }, { readyToSend }, new AbortController().signal)).rejects.toBeInstanceOf(Error);
    expect(calls).toHaveLength(0);
  });

  it('goes to the key’s base URL (Groq’s OpenAI endpoint)', async () => {
    const { adapter, calls } = setup(() => json(200, { text: 'x' }));
    await adapter.transcribe(creds({ label: 'Groq', baseUrl: 'https://api.groq.com/openai/v1' }), { model: 'whisper-large-v3', audio: wavBytes(1), mimeType: 'audio/wav', fileName: 'a.wav', responseFormat: 'json' }, open(), new AbortController().signal);
    expect(calls[0]!.url).toBe('https://api.groq.com/openai/v1/audio/transcriptions');
  });
});

describe('OpenAI adapter: images', () => {
  const png = btoa(String.fromCharCode(137, 80, 78, 71));

  it('asks dall-e for b64_json and decodes the images', async () => {
    const { adapter, calls } = setup(() => json(200, { created: 1, data: [{ b64_json: png, revised_prompt: 'a fluffy cat' }] }));
    const out = await adapter.generateImage(creds(), { model: 'dall-e-3', prompt: 'a cat', n: 1, size: '1024x1792', quality: 'hd', style: 'natural' }, open(), new AbortController().signal);
    expect(out).toEqual({ images: [{ bytes: new Uint8Array([137, 80, 78, 71]), mimeType: 'image/png', revisedPrompt: 'a fluffy cat' }], model: 'dall-e-3', usage: null });
    expect(calls[0]).toMatchObject({ url: 'https://api.openai.com/v1/images/generations', method: 'POST' });
    expect(calls[0]!.json).toEqual({ model: 'dall-e-3', prompt: 'a cat', n: 1, size: '1024x1792', quality: 'hd', style: 'natural', response_format: 'b64_json' });
  });

  it('gpt-image-1: no response_format (it refuses one), its output format, and its token usage', async () => {
    const usage = { input_tokens: 12, output_tokens: 272, total_tokens: 284, input_tokens_details: { text_tokens: 12, image_tokens: 0 } };
    const { adapter, calls } = setup(() => json(200, { created: 1, data: [{ b64_json: png }, { b64_json: png }], usage }));
    const out = await adapter.generateImage(creds(), { model: 'gpt-image-1', prompt: 'owls', n: 2, quality: 'low', outputFormat: 'webp', background: 'transparent' }, open(), new AbortController().signal);
    expect(out.usage).toEqual({ inputTokens: 12, outputTokens: 272 });
    expect(out.images.map((i) => i.mimeType)).toEqual(['image/webp', 'image/webp']);
    expect(calls[0]!.json).toEqual({ model: 'gpt-image-1', prompt: 'owls', n: 2, quality: 'low', output_format: 'webp', background: 'transparent' });
  });

  it('fetches an image a server answered with a URL, and gives bytes', async () => {
    const { adapter, calls } = setup((r, signal) =>
      r.url.endsWith('/images/generations') ? json(200, { data: [{ url: 'https://cdn.example/img.png' }] }) : bytesResponse([new Uint8Array([9, 9])], { type: 'image/png', signal }),
    );
    const out = await adapter.generateImage(creds({ baseUrl: 'https://llm.example/v1' }), { model: 'some-image', prompt: 'p', n: 1 }, open(), new AbortController().signal);
    expect(out.images).toEqual([{ bytes: new Uint8Array([9, 9]), mimeType: 'image/png' }]);
    expect(calls.map((c) => c.url)).toEqual(['https://llm.example/v1/images/generations', 'https://cdn.example/img.png']);
  });

  it('an answer without images is malformed', async () => {
    const { adapter } = setup(() => json(200, { data: [] }));
    await expect(adapter.generateImage(creds(), { model: 'dall-e-2', prompt: 'p', n: 1 }, open(), new AbortController().signal)).rejects.toMatchObject({ code: ErrorCode.provider });
  });
});
