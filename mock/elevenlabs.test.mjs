// The mock's ElevenLabs routes, driven with fetch as ElevenLabs' REST reference shows them.
import { describe, expect, it, vi } from 'vitest';
import { audioSeconds, sniffAudio, wavPlan } from './audio-files.mjs';
import { useMock } from './testing.mjs';

const mock = useMock();
const KEY = 'sk_test_eleven_123456';
const VOICE = '21m00Tcm4TlvDq8ikWAM';

/**
 * @param {string} path
 * @param {RequestInit & { key?: string | null }} [init]
 */
function call(path, init = {}) {
  const { key = KEY, ...rest } = init;
  /** @type {Record<string, string>} */
  const headers = { ...(/** @type {Record<string, string>} */ (rest.headers ?? {})) };
  if (key !== null) headers['xi-api-key'] = key;
  return fetch(`${mock().url}${path}`, { ...rest, headers });
}

/** @param {unknown} body */
const json = (body) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('text to speech', () => {
  it('answers MP3 (mp3_44100_128 by default) in chunks, counting the characters', async () => {
    const res = await call(`/v1/text-to-speech/${VOICE}`, json({ text: 'x'.repeat(50), model_id: 'eleven_multilingual_v2', voice_settings: { stability: 0.5, similarity_boost: 0.75 } }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/mpeg');
    expect(res.headers.get('x-character-count')).toBe('50');
    expect(res.headers.get('request-id')).toBeTruthy();
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(sniffAudio(bytes)).toBe('mp3');
    expect(audioSeconds(bytes, 'mp3')).toBeCloseTo(3, 1);
    expect(bytes[2]).toBe(0x90); // 128 kbps at 44.1 kHz
  });

  it('serves /stream and the output_format asked for', async () => {
    const pcm = await call(`/v1/text-to-speech/${VOICE}/stream?output_format=pcm_16000`, json({ text: 'hello' }));
    expect(pcm.headers.get('content-type')).toBe('audio/pcm');
    expect((await pcm.arrayBuffer()).byteLength).toBe(Math.round(5 * 0.06 * 16_000) * 2);
    const low = await call(`/v1/text-to-speech/${VOICE}?output_format=mp3_22050_32`, json({ text: 'hello' }));
    expect(sniffAudio(Buffer.from(await low.arrayBuffer()))).toBe('mp3');
    const unknown = await call(`/v1/text-to-speech/${VOICE}?output_format=wma_1`, json({ text: 'hello' }));
    expect(unknown.status).toBe(422);
    expect(await unknown.json()).toMatchObject({ detail: [{ loc: ['query', 'output_format'] }] });
  });

  it('refuses in its own shapes: no key, a bad key, no text, an unknown voice', async () => {
    const none = await call(`/v1/text-to-speech/${VOICE}`, { ...json({ text: 'hi' }), key: null });
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ detail: { status: 'needs_authorization', message: expect.any(String) } });
    const bad = await call(`/v1/text-to-speech/${VOICE}`, { ...json({ text: 'hi' }), key: 'nope' });
    expect(await bad.json()).toEqual({ detail: { status: 'invalid_api_key', message: 'Invalid API key' } });
    const missing = await call(`/v1/text-to-speech/${VOICE}`, json({ model_id: 'eleven_multilingual_v2' }));
    expect(missing.status).toBe(422);
    expect(await missing.json()).toMatchObject({ detail: [{ loc: ['body', 'text'], msg: 'Field required' }] });
    const voice = await call('/v1/text-to-speech/nobody', json({ text: 'hi' }));
    expect(voice.status).toBe(404);
    expect((await voice.json()).detail.status).toBe('voice_not_found');
  });

  it('obeys [[error:429]] and records an abort', async () => {
    const limited = await call(`/v1/text-to-speech/${VOICE}`, json({ text: 'hi [[error:429]]' }));
    expect(limited.status).toBe(429);
    expect((await limited.json()).detail.status).toBe('too_many_concurrent_requests');
    const controller = new AbortController();
    const res = await call(`/v1/text-to-speech/${VOICE}/stream`, { ...json({ text: `${'z'.repeat(3000)} [[delay:50]]` }), signal: controller.signal });
    await /** @type {ReadableStream<Uint8Array>} */ (res.body).getReader().read();
    controller.abort();
    await vi.waitFor(() => expect(mock().stats().audio[0]).toMatchObject({ path: `/v1/text-to-speech/${VOICE}/stream`, format: 'mp3_44100_128', aborted: true }));
  });
});

describe('speech to text', () => {
  it('transcribes a multipart upload into text and timed words', async () => {
    const plan = wavPlan(2, 16_000);
    const audio = plan.read(0, plan.bytes);
    const form = new FormData();
    form.append('model_id', 'scribe_v1');
    form.append('language_code', 'en');
    form.append('file', new Blob([audio], { type: 'audio/wav' }), 'memo.wav');
    const res = await call('/v1/speech-to-text', { method: 'POST', body: form });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ language_code: 'en', text: expect.stringMatching(new RegExp(`^Mock transcript of ${audio.length} bytes`)) });
    expect(body.words[0]).toMatchObject({ type: 'word', start: 0 });
    expect(body.words[1]).toMatchObject({ type: 'spacing', text: ' ' });
    expect(body.words.at(-1).end).toBe(2);
    expect(mock().stats().uploads[0]).toMatchObject({ path: '/v1/speech-to-text', model: 'scribe_v1', bytes: audio.length });
  });

  it('wants model_id and audio', async () => {
    const form = new FormData();
    form.append('file', new Blob(['not audio']), 'a.txt');
    const missing = await call('/v1/speech-to-text', { method: 'POST', body: form });
    expect(missing.status).toBe(422);
    form.append('model_id', 'scribe_v1');
    const notAudio = await call('/v1/speech-to-text', { method: 'POST', body: form });
    expect(notAudio.status).toBe(400);
    expect((await notAudio.json()).detail.status).toBe('invalid_content');
  });
});

describe('models and voices', () => {
  it('lists its models for a request with xi-api-key, and its voices', async () => {
    const models = await (await call('/v1/models')).json();
    expect(models.map((/** @type {{ model_id: string }} */ m) => m.model_id)).toEqual(['eleven_multilingual_v2', 'eleven_flash_v2_5']);
    const voices = await (await call('/v1/voices')).json();
    expect(voices.voices[0]).toMatchObject({ voice_id: VOICE, name: 'Rachel' });
    expect((await call('/v1/voices', { key: 'wrong' })).status).toBe(401);
  });
});
