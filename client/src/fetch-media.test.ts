import OpenAI, { toFile } from 'openai';
import { describe, expect, it } from 'vitest';
import { createByokFetch, type ByokFetchOptions } from './fetch.js';
import { FakeByok, fakeAudio, fakeImage, fakeTranscript, fakeTranscriptBody } from './test-fake-byok.js';

const openai = (fake: FakeByok, opts: Omit<ByokFetchOptions, 'byok'> = {}) =>
  new OpenAI({ apiKey: 'byok', dangerouslyAllowBrowser: true, fetch: createByokFetch({ byok: fake, ...opts }), maxRetries: 0 });

/** A small WAV-looking upload with every byte value in it. */
const audioBytes = () => {
  const b = new Uint8Array(1000);
  b.forEach((_, i) => (b[i] = (i * 7) % 256));
  return b;
};

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('speech: audio.speech.create through byokFetch', () => {
  it('answers the audio bytes intact with the Blob type, and passes every field on', async () => {
    const fake = new FakeByok().grantAll();
    const res = await openai(fake).audio.speech.create({ model: 'gpt-4o-mini-tts', voice: 'coral', input: 'Read me aloud', instructions: 'Cheerful', speed: 1.25, response_format: 'wav' });
    expect(res.headers.get('content-type')).toBe('audio/wav');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(fakeAudio('Read me aloud'));
    expect(fake.speakRequests).toEqual([{ text: 'Read me aloud', voice: 'coral', model: 'gpt-4o-mini-tts', format: 'wav', instructions: 'Cheerful', speed: 1.25 }]);
  });

  it('defaults to mp3 (audio/mpeg), takes a custom voice id, and connects for the speech scope alone', async () => {
    const fake = new FakeByok();
    const res = await openai(fake).audio.speech.create({ model: 'tts-1', voice: { id: 'voice_123' }, input: 'Hi' });
    expect(res.headers.get('content-type')).toBe('audio/mpeg');
    expect(fake.calls.filter((c) => c.method === 'connect').map((c) => c.args)).toEqual([[{ scopes: ['speech'] }]]);
    expect(fake.speakRequests[0]).toEqual({ text: 'Hi', voice: 'voice_123', model: 'tts-1' });
  });

  it("audio the wallet left untyped gets the asked format's type", async () => {
    const fake = new FakeByok().grantAll();
    const real = fake.speak.bind(fake);
    fake.speak = async (req, o) => ({ ...(await real(req, o)), audio: new Blob([fakeAudio(req.text)]) });
    const res = await openai(fake).audio.speech.create({ model: 'tts-1', voice: 'alloy', input: 'Hi', response_format: 'opus' });
    expect(res.headers.get('content-type')).toBe('audio/ogg');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(fakeAudio('Hi'));
  });

  it("pcm, which the wallet cannot make, is the wallet's -32602 as a 400 naming the field", async () => {
    const fake = new FakeByok().grantAll();
    const err = await openai(fake).audio.speech.create({ model: 'tts-1', voice: 'alloy', input: 'Hi', response_format: 'pcm' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.BadRequestError);
    expect((err as InstanceType<typeof OpenAI.BadRequestError>).error).toMatchObject({ code: 'invalid_request', byok_code: -32602, message: expect.stringContaining('params.format') });
  });

  it("stream_format 'sse' is refused before the wallet is called, even when unsupported parameters are ignored", async () => {
    const fake = new FakeByok().grantAll();
    const err = await openai(fake, { unsupported: 'ignore' }).audio.speech.create({ model: 'tts-1', voice: 'alloy', input: 'Hi', stream_format: 'sse' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.BadRequestError);
    expect((err as InstanceType<typeof OpenAI.BadRequestError>).error).toMatchObject({ param: 'stream_format', code: 'unsupported_parameter' });
    expect(fake.calls.some((c) => c.method === 'speak')).toBe(false);
  });

  it('aborting reaches the wallet call', async () => {
    const fake = new FakeByok().grantAll();
    fake.mediaDelayMs = 10_000;
    const ac = new AbortController();
    const p = openai(fake).audio.speech.create({ model: 'tts-1', voice: 'alloy', input: 'A long text' }, { signal: ac.signal });
    await expect.poll(() => fake.speakRequests.length).toBe(1);
    ac.abort();
    await expect(p).rejects.toBeInstanceOf(OpenAI.APIUserAbortError);
    await expect.poll(() => fake.aborts).toBe(1);
  });

  it.each([
    [4001, 403, OpenAI.PermissionDeniedError],
    [4100, 401, OpenAI.AuthenticationError],
    [4200, 400, OpenAI.BadRequestError],
    [4402, 429, OpenAI.RateLimitError],
    [4900, 401, OpenAI.AuthenticationError],
    [5000, 502, OpenAI.InternalServerError],
  ])('the wallet error %i is a %i in OpenAI shape', async (code, status, cls) => {
    const fake = new FakeByok().grantAll().failNext({ code, method: 'speak', message: `no ${code}` });
    const err = await openai(fake).audio.speech.create({ model: 'tts-1', voice: 'alloy', input: 'Hi' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(cls);
    expect(err).toMatchObject({ status, error: { byok_code: code, message: `no ${code}` } });
  });
});

describe('transcription: audio.transcriptions.create with toFile(...)', () => {
  const file = () => toFile(audioBytes(), 'note.wav', { type: 'audio/wav' });
  const text = fakeTranscript(1000);

  it('json: { text, usage } and the upload reaches the wallet byte-identical, with its type and every field', async () => {
    const fake = new FakeByok().grantAll();
    const res = await openai(fake).audio.transcriptions.create({ file: await file(), model: 'whisper-1', language: 'en', prompt: 'A note', temperature: 0.2 });
    expect(res.text).toBe(text);
    expect(res.usage).toEqual({ type: 'duration', seconds: 1 });
    const req = fake.transcribeRequests[0];
    expect(req).toMatchObject({ model: 'whisper-1', language: 'en', prompt: 'A note', temperature: 0.2, responseFormat: 'json' });
    expect(req?.audio.type).toBe('audio/wav');
    expect(new Uint8Array(await req!.audio.arrayBuffer())).toEqual(audioBytes());
  });

  it("the SDK's streaming upload (a ReadableStream file) arrives intact; an untyped part is left for the wallet to sniff", async () => {
    const fake = new FakeByok().grantAll();
    const file = new Blob([audioBytes()]).stream() as unknown as File;
    expect(await openai(fake).audio.transcriptions.create({ model: 'whisper-1', file, response_format: 'text' })).toBe(fakeTranscriptBody('text', text));
    const audio = fake.transcribeRequests[0]?.audio;
    expect(audio?.type).toBe('');
    expect(new Uint8Array(await audio!.arrayBuffer())).toEqual(audioBytes());
  });

  it('an application/octet-stream part takes the type of its file extension', async () => {
    const fake = new FakeByok().grantAll();
    await openai(fake).audio.transcriptions.create({ model: 'whisper-1', file: await toFile(audioBytes(), 'memo.MP3') });
    expect(fake.transcribeRequests[0]?.audio.type).toBe('audio/mpeg');
  });

  it.each(['text', 'srt', 'vtt'] as const)("%s: the provider's body as text/plain", async (format) => {
    const fake = new FakeByok().grantAll();
    const out: string = await openai(fake).audio.transcriptions.create({ file: await file(), model: 'whisper-1', response_format: format });
    expect(out).toBe(fakeTranscriptBody(format, text));
  });

  it("verbose_json: the provider's JSON body (segments, duration, language)", async () => {
    const fake = new FakeByok().grantAll();
    const out = await openai(fake).audio.transcriptions.create({ file: await file(), model: 'whisper-1', response_format: 'verbose_json', timestamp_granularities: ['segment'] });
    expect(out).toMatchObject({ text, language: 'en', duration: 1, segments: [{ start: 0, end: 1, text }] });
  });

  it('text without a provider body falls back to the text; srt without one is a clear 502', async () => {
    const fake = new FakeByok().grantAll();
    const real = fake.transcribe.bind(fake);
    fake.transcribe = async (req, o) => ({ ...(await real(req, o)), body: undefined as unknown as string });
    expect(await openai(fake).audio.transcriptions.create({ file: await file(), model: 'whisper-1', response_format: 'text' })).toBe(text);
    await expect(openai(fake).audio.transcriptions.create({ file: await file(), model: 'whisper-1', response_format: 'srt' })).rejects.toMatchObject({ status: 502 });
  });

  it('stream: true is refused with a 400, never a wallet call', async () => {
    const fake = new FakeByok().grantAll();
    const err = await openai(fake).audio.transcriptions.create({ file: await file(), model: 'gpt-4o-transcribe', stream: true }).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 400, error: { param: 'stream', code: 'unsupported_parameter' } });
    expect(fake.calls.some((c) => c.method === 'transcribe')).toBe(false);
  });

  it('connects for the transcription scope and aborts reach the wallet', async () => {
    const fake = new FakeByok();
    fake.mediaDelayMs = 10_000;
    const ac = new AbortController();
    const p = openai(fake).audio.transcriptions.create({ file: await file(), model: 'whisper-1' }, { signal: ac.signal });
    await expect.poll(() => fake.transcribeRequests.length).toBe(1);
    expect(fake.grant?.scopes).toEqual(['transcription']);
    ac.abort();
    await expect(p).rejects.toBeInstanceOf(OpenAI.APIUserAbortError);
    await expect.poll(() => fake.aborts).toBe(1);
  });
});

describe('images: images.generate', () => {
  it('b64_json: the image bytes as base64, with the revised prompt and the created time', async () => {
    const fake = new FakeByok().grantAll();
    const res = await openai(fake).images.generate({ model: 'dall-e-3', prompt: 'a lighthouse', size: '1024x1024', quality: 'hd', style: 'natural', response_format: 'b64_json' });
    expect(res.data).toEqual([{ b64_json: b64(fakeImage(0)), revised_prompt: 'A vivid a lighthouse' }]);
    expect(res.created).toBeGreaterThan(1.7e9);
    expect(fake.imageRequests).toEqual([{ prompt: 'a lighthouse', model: 'dall-e-3', size: '1024x1024', quality: 'hd', style: 'natural' }]);
  });

  it('url: data: URLs of the images with their type (nothing is hosted)', async () => {
    const fake = new FakeByok().grantAll();
    const res = await openai(fake).images.generate({ model: 'gpt-image-1', prompt: 'two cats', n: 2, output_format: 'webp', background: 'transparent', response_format: 'url' });
    expect(res.data?.map((d) => d.url)).toEqual([`data:image/webp;base64,${b64(fakeImage(0))}`, `data:image/webp;base64,${b64(fakeImage(1))}`]);
    expect(fake.imageRequests[0]).toEqual({ prompt: 'two cats', model: 'gpt-image-1', n: 2, outputFormat: 'webp', background: 'transparent' });
  });

  it("without response_format: OpenAI's default, URLs for dall-e models, base64 for the others", async () => {
    const fake = new FakeByok().grantAll();
    expect((await openai(fake).images.generate({ model: 'dall-e-3', prompt: 'x' })).data?.[0]?.url).toMatch(/^data:image\/png;base64,/);
    expect((await openai(fake).images.generate({ model: 'gpt-image-1', prompt: 'x' })).data?.[0]?.b64_json).toBe(b64(fakeImage(0)));
  });

  it('connects for the images scope; a budget refusal is 429 insufficient_quota', async () => {
    const fake = new FakeByok().failNext({ code: 4402, method: 'generateImage', message: 'over budget' });
    const err = await openai(fake).images.generate({ model: 'gpt-image-1', prompt: 'x' }).catch((e: unknown) => e);
    expect(fake.grant?.scopes).toEqual(['images']);
    expect(err).toMatchObject({ status: 429, error: { code: 'insufficient_quota', byok_code: 4402 } });
  });

  it('stream and an n the wallet refuses are 400s', async () => {
    const fake = new FakeByok().grantAll();
    await expect(openai(fake).images.generate({ model: 'gpt-image-1', prompt: 'x', stream: true })).rejects.toMatchObject({ status: 400, error: { param: 'stream' } });
    await expect(openai(fake).images.generate({ model: 'gpt-image-1', prompt: 'x', n: 11 })).rejects.toMatchObject({ status: 400, error: { byok_code: -32602 } });
    expect(fake.calls.filter((c) => c.method === 'generateImage')).toHaveLength(1);
  });
});
