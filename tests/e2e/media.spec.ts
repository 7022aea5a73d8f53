/**
 * Speech, transcription and images through `window.byok` (issue 24) against the bundled mock:
 * each capability's result (an audio Blob that decodes, a transcript of the bytes sent, PNG
 * images), a WebM recorded in the page by MediaRecorder, a 19 MB upload arriving byte-identical,
 * the budget refusal of an image that would not fit, the scope refusal, the abort of a long
 * speech reaching the provider, and bad input refused before anything is sent or charged.
 * The audio is built and the Blobs described inside the page (tests/e2e/pages/media.js).
 */
import { test, expect, PASSPHRASE, TEST_KEY, type Mock } from './fixtures';
import { byokCall } from './po/app';
import { MediaApp } from './po/media';
import { connectApproved, walletWithKeys } from './po/setup';
import type { OptionsPage } from './po/options-page';

const MEDIA = ['speech', 'transcription', 'images'];
/** The prices of docs/API.md: tts-1 $15 per million characters, whisper-1 $0.006 a minute, dall-e-3 $0.04 an image. */
const TTS1_PER_CHAR = 15 / 1e6;
const WHISPER_PER_SECOND = 0.006 / 60;
const DALLE3_IMAGE = 0.04;
const MB = 1024 * 1024;

/**
 * The wallet with the mock's keys, priced as OpenAI prices these models: the mock runs on
 * 127.0.0.1, and a local endpoint is free unless the person sets a price.
 */
async function pricedWallet(options: OptionsPage, mockUrl: string): Promise<void> {
  await walletWithKeys(options, mockUrl, TEST_KEY, PASSPHRASE);
  await options.setMediaPrice('tts-1', 'per million characters', 15);
  await options.setMediaPrice('whisper-1', 'per minute of audio', 0.006);
  await options.setMediaPrice('dall-e-3', 'per image', DALLE3_IMAGE);
}

const spent = async (app: MediaApp) => ((await byokCall(app.page, 'getGrant')) as { spentUsd: number }).spentUsd;
const uploads = (mock: Mock) => mock.stats().uploads;
/** The provider's media routes the mock was called on (a key check may list models meanwhile). */
const mediaCalls = (mock: Mock) => Object.keys(mock.stats().byPath).filter((path) => /\/v1\/(audio|images)\//.test(path));

test.describe('media through window.byok', () => {
  test('speak: an audio Blob of the asked type that the browser decodes, charged per character', async ({ context, options, app: tab, site, mock }) => {
    await pricedWallet(options, mock.url);
    const app = await MediaApp.open(tab, site.url);
    await connectApproved(context, tab, { scopes: MEDIA }, '2');
    mock.reset();

    const text = 'Read this sentence aloud, please.';
    const mp3 = await app.speak({ text });
    expect(mp3.error).toBeUndefined();
    expect(mp3.result).toMatchObject({ isBlob: true, model: 'tts-1', provider: 'openai', usage: { characters: text.length } });
    expect(mp3.result?.costUsd).toBeCloseTo(text.length * TTS1_PER_CHAR, 12);
    expect(mp3.result?.audio.type).toBe('audio/mpeg');
    // The mock speaks 60 ms per character; the browser decodes the bytes it sent.
    expect(mp3.result?.audio.seconds).toBeCloseTo(text.length * 0.06, 0);
    expect(mock.stats().audio.at(-1)).toMatchObject({ path: '/v1/audio/speech', model: 'tts-1', format: 'mp3', done: true, bytes: mp3.result?.audio.size });

    const wav = await app.speak({ text: 'Short.', format: 'wav', voice: 'nova', speed: 2 });
    expect(wav.result?.audio).toMatchObject({ type: 'audio/wav' });
    expect(wav.result?.audio.seconds).toBeCloseTo((6 * 0.06) / 2, 2);
    expect(mock.stats().last?.body).toMatchObject({ model: 'tts-1', input: 'Short.', voice: 'nova', response_format: 'wav', speed: 2 });
    expect(await spent(app)).toBeCloseTo((text.length + 6) * TTS1_PER_CHAR, 12);
  });

  test('transcribe: a WAV as Blob, Uint8Array and ArrayBuffer, and a WebM that MediaRecorder wrote in the page', async ({ context, options, app: tab, site, mock }) => {
    await pricedWallet(options, mock.url);
    const app = await MediaApp.open(tab, site.url);
    await connectApproved(context, tab, { scopes: MEDIA }, '2');
    mock.reset();

    const wav = await app.transcribe({ wav: 2 });
    expect(wav.error).toBeUndefined();
    expect(wav.result?.text).toBe(`Mock transcript of ${wav.sent.size} bytes, sha256 ${wav.sent.sha256.slice(0, 12)}.`);
    expect(wav.result).toMatchObject({ model: 'whisper-1', provider: 'openai' });
    expect(wav.result?.usage.seconds).toBeCloseTo(2, 1);
    expect(wav.result?.costUsd).toBeCloseTo(2 * WHISPER_PER_SECOND, 9);
    expect(uploads(mock).at(-1)).toMatchObject({ path: '/v1/audio/transcriptions', model: 'whisper-1', bytes: wav.sent.size, sha256: wav.sent.sha256 });

    for (const bytes of ['uint8array', 'arraybuffer'] as const) {
      const sent = await app.transcribe({ bytes, wav: 1 }, { language: 'en', prompt: 'A tone.' });
      expect(sent.error).toBeUndefined();
      expect(uploads(mock).at(-1)).toMatchObject({ bytes: sent.sent.size, sha256: sent.sent.sha256 });
      expect(mock.stats().last?.body).toMatchObject({ model: 'whisper-1', language: 'en', prompt: 'A tone.' });
    }

    // A voice note recorded here: WebM has no duration in its header; the wallet measures it.
    const recorded = await app.record();
    expect(recorded.type).toMatch(/^audio\/webm/);
    const webm = await app.transcribe({ recording: true });
    expect(webm.error).toBeUndefined();
    expect(webm.sent.size).toBe(recorded.size);
    expect(webm.result?.text).toBe(`Mock transcript of ${recorded.size} bytes, sha256 ${webm.sent.sha256.slice(0, 12)}.`);
    expect(webm.result?.usage.seconds).toBeGreaterThan(0.5);
    expect(webm.result?.usage.seconds).toBeLessThan(3);
    expect(uploads(mock).at(-1)).toMatchObject({ bytes: recorded.size, sha256: webm.sent.sha256 });
  });

  test('a 19 MB upload arrives at the provider byte-identical', async ({ context, options, app: tab, site, mock }) => {
    await pricedWallet(options, mock.url);
    const app = await MediaApp.open(tab, site.url);
    await connectApproved(context, tab, { scopes: MEDIA }, '2');
    mock.reset();
    const big = await app.transcribe({ bigWav: 19 * MB });
    expect(big.error).toBeUndefined();
    expect(big.sent.size).toBe(19 * MB);
    expect(uploads(mock)).toEqual([expect.objectContaining({ bytes: 19 * MB, sha256: big.sent.sha256, filename: expect.any(String) })]);
    expect(big.result?.text).toBe(`Mock transcript of ${19 * MB} bytes, sha256 ${big.sent.sha256.slice(0, 12)}.`);
  });

  test('generateImage: PNG Blobs with the revised prompt, charged per image', async ({ context, options, app: tab, site, mock }) => {
    await pricedWallet(options, mock.url);
    const app = await MediaApp.open(tab, site.url);
    await connectApproved(context, tab, { scopes: MEDIA }, '2');
    mock.reset();
    const drawn = await app.generateImage({ prompt: 'a lighthouse at dusk' });
    expect(drawn.error).toBeUndefined();
    expect(drawn.result).toMatchObject({ model: 'dall-e-3', provider: 'openai', usage: { images: 1 } });
    expect(drawn.result?.costUsd).toBeCloseTo(DALLE3_IMAGE, 12);
    expect(drawn.result?.images).toEqual([{ type: 'image/png', size: expect.any(Number), width: 32, height: 32, isBlob: true, revisedPrompt: 'A mock rendering of: a lighthouse at dusk' }]);
    expect(mock.stats().byPath['/v1/images/generations']).toBe(1);
    expect(await spent(app)).toBeCloseTo(DALLE3_IMAGE, 12);
  });

  test('an image that would not fit the budget is refused with 4402 before anything is sent', async ({ context, options, app: tab, site, mock }) => {
    await pricedWallet(options, mock.url);
    const app = await MediaApp.open(tab, site.url);
    await connectApproved(context, tab, { scopes: MEDIA }, '0.03');
    mock.reset();
    const refused = await app.generateImage({ prompt: 'a lighthouse' });
    expect(refused.error?.code).toBe(4402);
    expect(mock.stats().byPath['/v1/images/generations']).toBeUndefined();
    expect(await spent(app)).toBe(0);
    // What fits still runs.
    const spoken = await app.speak({ text: 'Still here.' });
    expect(spoken.error).toBeUndefined();
  });

  test('without the images scope, generateImage is refused with 4100', async ({ context, options, app: tab, site, mock }) => {
    await pricedWallet(options, mock.url);
    const app = await MediaApp.open(tab, site.url);
    await connectApproved(context, tab, { scopes: ['speech', 'transcription'] }, '2');
    mock.reset();
    expect((await app.generateImage({ prompt: 'a lighthouse' })).error?.code).toBe(4100);
    expect(mock.stats().byPath['/v1/images/generations']).toBeUndefined();
    expect((await app.speak({ text: 'Granted.' })).error).toBeUndefined();
  });

  test('aborting a long speech stops the provider mid-stream', async ({ context, options, app: tab, site, mock }) => {
    await pricedWallet(options, mock.url);
    const app = await MediaApp.open(tab, site.url);
    await connectApproved(context, tab, { scopes: MEDIA }, '2');
    mock.reset();
    // 4 000 characters of speech, 50 ms between the mock's 16 KB chunks: seconds of streaming.
    await app.startSpeech({ text: `[[delay:50]] ${'Once upon a time. '.repeat(220)}`, format: 'wav' });
    await expect.poll(() => mock.stats().audio.at(-1)?.sent ?? 0).toBeGreaterThan(0);
    const abortedAt = await app.abortSpeech();
    await expect.poll(() => app.speechOutcome()).toBeTruthy();
    const outcome = await app.speechOutcome();
    expect(outcome?.error?.name).toBe('AbortError');
    expect((outcome?.at ?? Infinity) - abortedAt).toBeLessThan(1_000);
    await expect.poll(() => mock.stats().audio.at(-1)?.aborted).toBe(true);
    const cut = mock.stats().audio.at(-1)!;
    expect(cut.done).toBe(false);
    expect(cut.sent).toBeLessThan(cut.bytes);
  });

  test('bad input is refused with -32602, nothing sent, nothing charged', async ({ context, options, app: tab, site, mock }) => {
    await pricedWallet(options, mock.url);
    const app = await MediaApp.open(tab, site.url);
    await connectApproved(context, tab, { scopes: MEDIA }, '2');
    mock.reset();
    const notAudio = await app.transcribe({ notAudio: 4096 });
    expect(notAudio.error?.code).toBe(-32602);
    expect(notAudio.error?.message).toMatch(/audio/);
    const tooLarge = await app.transcribe({ bigWav: 25 * MB + 1 });
    expect(tooLarge.error?.code).toBe(-32602);
    expect(tooLarge.error?.message).toMatch(/audio/);
    const empty = await app.speak({ text: '' });
    expect(empty.error?.code).toBe(-32602);
    expect(empty.error?.message).toMatch(/text/);
    expect(mediaCalls(mock)).toEqual([]);
    expect(uploads(mock)).toEqual([]);
    expect(await spent(app)).toBe(0);
  });
});
