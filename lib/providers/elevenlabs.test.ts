import { describe, expect, it } from 'vitest';
import { ErrorCode, WalletError } from '../protocol/errors';
import { createElevenLabsAdapter, ELEVENLABS_DEFAULT_VOICE } from './elevenlabs';
import { bytesResponse, mediaFetch, type MediaResponder } from '../../tests/support/providers/media-fetch';
import { wavBytes } from '../../tests/support/media-harness';
import { adapterForKey, credentialsFor } from './registry';
import type { ProviderCredentials, ResolvedChatRequest } from './types';

const KEY = 'sk_0123456789abcdef0123456789abcdef0123456789abcdef';
const creds: ProviderCredentials = { kind: 'elevenlabs', label: 'ElevenLabs', secret: KEY, baseUrl: 'https://api.elevenlabs.io' };
const open = () => ({ readyToSend: Promise.resolve() });
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function setup(respond: MediaResponder) {
  const fake = mediaFetch(respond);
  const adapter = createElevenLabsAdapter({ fetch: fake.fetch });
  return { ...fake, adapter: adapter as Required<typeof adapter> };
}

describe('ElevenLabs adapter', () => {
  it('is the adapter and base URL of an ElevenLabs key', () => {
    expect(adapterForKey({ provider: 'elevenlabs' }).kind).toBe('elevenlabs');
    expect(credentialsFor({ provider: 'elevenlabs' }, KEY)).toMatchObject({ kind: 'elevenlabs', label: 'ElevenLabs', baseUrl: 'https://api.elevenlabs.io' });
  });

  it('text to speech: POST /v1/text-to-speech/{voice} with its output format, the key in xi-api-key', async () => {
    const { adapter, calls } = setup((_r, signal) => bytesResponse([new Uint8Array([0xff, 0xfb]), new Uint8Array([1])], { type: 'audio/mpeg', signal }));
    const out = await adapter.speak(creds, { model: 'eleven_multilingual_v2', text: 'Hello', voice: 'voice 1', format: 'mp3', speed: 1.1 }, open(), new AbortController().signal);
    expect(out).toEqual({ audio: new Uint8Array([0xff, 0xfb, 1]), mimeType: 'audio/mpeg', model: 'eleven_multilingual_v2' });
    expect(calls[0]).toMatchObject({ url: 'https://api.elevenlabs.io/v1/text-to-speech/voice%201?output_format=mp3_44100_128', method: 'POST' });
    expect(calls[0]!.headers.get('xi-api-key')).toBe(KEY);
    expect(calls[0]!.headers.get('authorization')).toBeNull();
    expect(calls[0]!.json).toEqual({ text: 'Hello', model_id: 'eleven_multilingual_v2', voice_settings: { speed: 1.1 } });
  });

  it('uses its default voice, and sends nothing before the pending entry is written', async () => {
    const { adapter, calls } = setup((_r, signal) => bytesResponse([new Uint8Array([1])], { type: 'audio/ogg', signal }));
    let allow!: () => void;
    const readyToSend = new Promise<void>((r) => (allow = r));
    const out = adapter.speak(creds, { model: 'eleven_flash_v2_5', text: 'Hi', format: 'opus' }, { readyToSend }, new AbortController().signal);
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).toHaveLength(0);
    allow();
    await out;
    expect(calls[0]!.url).toBe(`https://api.elevenlabs.io/v1/text-to-speech/${ELEVENLABS_DEFAULT_VOICE}?output_format=opus_48000_128`);
  });

  it('an abort stops the speech mid-stream', async () => {
    const controller = new AbortController();
    const { adapter } = setup((_r, signal) => bytesResponse([new Uint8Array([1])], { type: 'audio/mpeg', signal, stall: true, onChunk: () => setTimeout(() => controller.abort(), 0) }));
    const error = await adapter.speak(creds, { model: 'eleven_multilingual_v2', text: 'long', format: 'mp3' }, open(), controller.signal).catch((e: unknown) => e);
    expect((error as { name?: string }).name).toBe('AbortError');
  });

  it('speech to text: a multipart POST /v1/speech-to-text with model_id, the file and the language', async () => {
    const { adapter, calls } = setup(() => json(200, { language_code: 'eng', language_probability: 0.98, text: 'hello', words: [] }));
    const audio = wavBytes(1);
    const out = await adapter.transcribe(creds, { model: 'scribe_v1', audio, mimeType: 'audio/wav', fileName: 'audio.wav', language: 'en', responseFormat: 'json' }, open(), new AbortController().signal);
    expect(out).toEqual({ text: 'hello', model: 'scribe_v1', usage: null, language: 'eng' });
    expect(calls[0]).toMatchObject({ url: 'https://api.elevenlabs.io/v1/speech-to-text', method: 'POST' });
    expect(calls[0]!.headers.get('xi-api-key')).toBe(KEY);
    const form = calls[0]!.form!;
    expect(form.get('model_id')).toBe('scribe_v1');
    expect(form.get('language_code')).toBe('en');
    const file = form.get('file') as File;
    expect(file.name).toBe('audio.wav');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(audio);
  });

  it('lists its models for the key check, with the speech-to-text model it does not list', async () => {
    const { adapter, calls } = setup(() => json(200, [{ model_id: 'eleven_multilingual_v2', can_do_text_to_speech: true }, { model_id: 'eleven_flash_v2_5' }]));
    expect(await adapter.listModels(creds)).toEqual(['eleven_multilingual_v2', 'eleven_flash_v2_5', 'scribe_v1']);
    expect(calls[0]).toMatchObject({ url: 'https://api.elevenlabs.io/v1/models', method: 'GET' });
  });

  it('a refused key is an auth error, scrubbed of the key', async () => {
    const { adapter } = setup(() => json(401, { detail: { status: 'invalid_api_key', message: `Invalid API key: ${KEY}` } }));
    const error = await adapter.listModels(creds).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WalletError);
    expect(error).toMatchObject({ code: ErrorCode.provider, data: { kind: 'auth', status: 401 } });
    expect((error as WalletError).message).toContain('ElevenLabs');
    expect((error as WalletError).message).not.toContain(KEY);
  });

  it('chat, embeddings and what it cannot make are 4200 naming ElevenLabs, nothing sent', async () => {
    const { adapter, calls } = setup(() => json(200, {}));
    const chat = { model: 'eleven_multilingual_v2', maxTokens: 1, messages: [{ role: 'user', content: 'hi' }] } as ResolvedChatRequest;
    await expect(adapter.chat(creds, chat, { onDelta: () => undefined }, new AbortController().signal)).rejects.toMatchObject({ code: ErrorCode.unsupported, message: 'ElevenLabs does not support chat' });
    await expect(adapter.embed(creds, { model: 'x', input: 'hi' }, new AbortController().signal)).rejects.toMatchObject({ code: ErrorCode.unsupported });
    await expect(adapter.speak(creds, { model: 'eleven_multilingual_v2', text: 'Hi', format: 'aac' }, open(), new AbortController().signal)).rejects.toMatchObject({ code: ErrorCode.unsupported });
    await expect(
      adapter.transcribe(creds, { model: 'scribe_v1', audio: wavBytes(1), mimeType: 'audio/wav', fileName: 'a.wav', responseFormat: 'srt' }, open(), new AbortController().signal),
    ).rejects.toMatchObject({ code: ErrorCode.unsupported });
    expect(calls).toHaveLength(0);
  });
});
