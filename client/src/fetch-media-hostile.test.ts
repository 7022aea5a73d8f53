import { describe, expect, it } from 'vitest';
import { createByokFetch } from './fetch.js';
import { MAX_MULTIPART_BYTES } from './_multipart.js';
import { FakeByok, fakeTranscript } from './test-fake-byok.js';

const TRANSCRIBE = 'https://api.example/v1/audio/transcriptions';
const mediaCalls = (fake: FakeByok) => fake.calls.filter((c) => ['speak', 'transcribe', 'generateImage'].includes(c.method));

/** Sends `init` and expects a 400 in OpenAI's error shape with no wallet call. */
async function expect400(url: string, init: RequestInit, param?: string | null) {
  const fake = new FakeByok().grantAll();
  const res = await createByokFetch({ byok: fake })(url, { method: 'POST', ...init });
  const json = await res.json();
  expect(res.status).toBe(400);
  expect(json.error).toMatchObject({ type: 'invalid_request_error', message: expect.stringMatching(/.{10}/) });
  if (param !== undefined) expect(json.error.param).toBe(param);
  expect(mediaCalls(fake)).toEqual([]);
  return json.error as { message: string; code: string };
}

const form = (fields: Record<string, string | Blob>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};
const wav = () => new File([new Uint8Array([82, 73, 70, 70, 0, 1, 2, 255])], 'a.wav', { type: 'audio/wav' });

/** A raw multipart body as an app could write it by hand. */
const BOUNDARY = 'byok-test-boundary';
const rawMultipart = (file: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="model"\r\n\r\nwhisper-1\r\n` +
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.wav"\r\nContent-Type: audio/wav\r\n\r\n${file}\r\n--${BOUNDARY}--\r\n`;

describe('transcriptions: hostile and malformed bodies are 400s, never a wallet call', () => {
  it.each([
    ['no file', { body: form({ model: 'whisper-1' }) }, 'file'],
    ['a file that is a string', { body: form({ model: 'whisper-1', file: 'not a file' }) }, 'file'],
    ['an empty file', { body: form({ model: 'whisper-1', file: new File([], 'a.wav') }) }, 'file'],
    ['an unknown field', { body: form({ file: wav(), nonsense: '1' }) }, 'nonsense'],
    ['a prototype key', { body: form({ file: wav(), ...JSON.parse('{"__proto__":"x"}') }) }, '__proto__'],
    ['a bad temperature', { body: form({ file: wav(), temperature: 'warm' }) }, 'temperature'],
    ['an unknown response_format', { body: form({ file: wav(), response_format: 'diarized_json' }) }, 'response_format'],
    ['logprobs', { body: form({ file: wav(), 'include[]': 'logprobs' }) }, 'include'],
    ['word timestamps', { body: form({ file: wav(), 'timestamp_granularities[]': 'word' }) }, 'timestamp_granularities'],
    ['JSON instead of multipart', { body: JSON.stringify({ file: 'x', model: 'whisper-1' }), headers: { 'content-type': 'application/json' } }, null],
    ['no content type', { body: rawMultipart('x') }, null],
    ['multipart without a boundary', { body: rawMultipart('x'), headers: { 'content-type': 'multipart/form-data' } }, null],
    ['a malformed multipart body', { body: 'garbage', headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } }, null],
    ['a URL-encoded form', { body: new URLSearchParams({ file: 'x' }) }, null],
  ] as [string, RequestInit, string | null][])('%s', async (_, init, param) => {
    await expect400(TRANSCRIBE, init, param);
  });

  it('a FormData over 25 MB is refused before anything is read', async () => {
    const huge = new File([new Uint8Array(MAX_MULTIPART_BYTES + 1)], 'big.wav', { type: 'audio/wav' });
    const error = await expect400(TRANSCRIBE, { body: form({ file: huge, model: 'whisper-1' }) }, 'file');
    expect(error.message).toContain(String(MAX_MULTIPART_BYTES));
  });

  it('a raw multipart stream over the cap is cut off: reading stops at the cap', async () => {
    const chunk = new Uint8Array(1024 * 1024);
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled++;
        c.enqueue(chunk);
      },
    });
    const init = { body: endless, duplex: 'half', headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } } as RequestInit;
    await expect400(TRANSCRIBE, init, 'file');
    expect(pulled * chunk.byteLength).toBeLessThan(MAX_MULTIPART_BYTES + 4 * chunk.byteLength);
  });

  it('aborting while a raw body is still arriving rejects with the abort, without a wallet call', async () => {
    const fake = new FakeByok().grantAll();
    let cancelled = false;
    const stalled = new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(new TextEncoder().encode(`--${BOUNDARY}\r\n`)), cancel: () => void (cancelled = true) });
    const ac = new AbortController();
    const init = { method: 'POST', body: stalled, duplex: 'half', signal: ac.signal, headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } } as RequestInit;
    const p = createByokFetch({ byok: fake })(TRANSCRIBE, init);
    ac.abort();
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(mediaCalls(fake)).toEqual([]);
    await expect.poll(() => cancelled).toBe(true);
  });

  it('a file part over 25 MB inside an acceptable body is refused too', async () => {
    const f = form({ file: new File([new Uint8Array(25 * 1024 * 1024 + 1)], 'a.wav'), model: 'whisper-1' });
    await expect400(TRANSCRIBE, { body: f }, 'file');
  });
});

describe('transcriptions: a raw multipart body works like the SDK form', () => {
  it.each([
    ['a string body', (b: string) => ({ body: b })],
    ['a Request with a stream body', (b: string) => ({ request: new Request(TRANSCRIBE, { method: 'POST', body: new Blob([b]).stream(), duplex: 'half', headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } } as RequestInit) })],
  ] as const)('%s', async (_, make) => {
    const fake = new FakeByok().grantAll();
    const fetch = createByokFetch({ byok: fake });
    const made: { body?: string; request?: Request } = make(rawMultipart('RIFF-audio'));
    const res = made.request ? await fetch(made.request) : await fetch(TRANSCRIBE, { method: 'POST', body: made.body, headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ text: fakeTranscript('RIFF-audio'.length) });
    expect(await fake.transcribeRequests[0]?.audio.text()).toBe('RIFF-audio');
    expect(fake.transcribeRequests[0]).toMatchObject({ model: 'whisper-1', responseFormat: 'json' });
  });
});

describe('speech and images: hostile JSON bodies are 400s, never a wallet call', () => {
  const speech = [null, [], {}, { input: 5 }, { input: 'hi', voice: 5 }, { input: 'hi', voice: {} }, { input: 'hi', speed: 'fast' }, { input: 'hi', stream_format: 'mp3' }, { input: 'hi', extra: 1 }];
  const images = [null, {}, { prompt: 7 }, { prompt: 'x', n: 1.5 }, { prompt: 'x', size: 1024 }, { prompt: 'x', response_format: 'png' }, { prompt: 'x', output_compression: 50 }, { prompt: 'x', svg: {} }];
  it.each(speech.map((b) => [JSON.stringify(b)]))('/v1/audio/speech %s', async (body) => {
    await expect400('https://api.example/v1/audio/speech', { body });
  });
  it.each(images.map((b) => [JSON.stringify(b)]))('/v1/images/generations %s', async (body) => {
    await expect400('https://api.example/v1/images/generations', { body });
  });
  it('a GET on a media route is a 405', async () => {
    const res = await createByokFetch({ byok: new FakeByok() })('https://api.example/v1/audio/speech');
    expect(res.status).toBe(405);
  });
});

describe('a wallet without the media methods (an older byok)', () => {
  it('answers a 400 naming the missing method, without connecting', async () => {
    const fake = new FakeByok().grantAll();
    const old = Object.assign(Object.create(fake) as FakeByok, { speak: undefined });
    const res = await createByokFetch({ byok: old })('https://api.example/v1/audio/speech', { method: 'POST', body: JSON.stringify({ input: 'hi', model: 'tts-1', voice: 'alloy' }) });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'unsupported', message: expect.stringContaining('speak()') });
    expect(fake.calls).toEqual([]);
  });
});
