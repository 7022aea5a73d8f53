// @ts-check
/**
 * Speech, transcription and images in real Firefox ESR (issue 24), the counterpart of
 * tests/e2e/media.spec.ts: Firefox has no lane, so the bytes take the runtime port. The media
 * test page (tests/e2e/pages/media.html) builds the audio and describes the Blobs in the page.
 * Run: `npm run build:firefox && node --test tests/firefox/media.test.mjs`.
 */
import { mockAndSite, PASSPHRASE, TEST_KEY } from './support/servers.mjs';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertPrerequisites, launchFirefox } from './support/firefox.mjs';
import { OptionsPage, approve } from './support/po.mjs';
import { byokCall, openApp } from './support/app.mjs';
import { button } from './support/aria.mjs';
import { waitUntil } from './support/wait.mjs';

const TEST_TIMEOUT_MS = 180_000;
const MB = 1024 * 1024;
const MEDIA = ['speech', 'transcription', 'images'];
/**
 * The voice note comes from Firefox's fake microphone (a tone), without a permission prompt:
 * headless Firefox without an audio output device loses the tab when an AudioContext starts, so
 * the page records the microphone here (`media.html?source=microphone`) where Chromium records a
 * WebAudio oscillator.
 */
const AUDIO_PREFS = { 'media.navigator.streams.fake': true, 'media.navigator.permission.disabled': true };

const env = mockAndSite();

/**
 * @typedef {{ code?: number, name: string, message: string }} CallErrorInfo
 * @typedef {{ sent: { size: number, type: string, sha256: string }, result?: { text: string, model: string, usage: { seconds: number }, costUsd: number }, error?: CallErrorInfo }} Transcribed
 */

/**
 * Runs `mediaLab[method](...args)` in the media test page.
 * @param {import('puppeteer-core').Page} page
 * @param {string} method
 * @param {unknown[]} args
 * @returns {Promise<any>}
 */
function lab(page, method, ...args) {
  return page.evaluate((method, args) => Reflect.get(window, 'mediaLab')[method](...args), method, args);
}

/**
 * A Firefox with the mock's OpenAI key and the media page connected with `scopes` and `budget`.
 * @param {import('node:test').TestContext} t
 * @param {string[]} scopes
 * @param {string} budget
 */
async function connectedMediaPage(t, scopes, budget) {
  const firefox = await launchFirefox({ prefs: AUDIO_PREFS });
  t.after(() => firefox.close());
  const options = new OptionsPage(firefox);
  await options.createWallet(PASSPHRASE);
  await options.addKey({ provider: 'OpenAI', name: 'Mock OpenAI', key: TEST_KEY, baseUrl: `${env.mock.url}/v1` });
  // The mock is on 127.0.0.1, free until priced: OpenAI's prices, as a person sets them.
  await options.setMediaPrice('tts-1', 'per million characters', 15);
  await options.setMediaPrice('whisper-1', 'per minute of audio', 0.006);
  await options.setMediaPrice('dall-e-3', 'per image', 0.04);
  const app = await openApp(firefox.browser, `${env.site.url}/media.html?source=microphone`);
  await app.waitForFunction(() => 'mediaLab' in window);
  const connecting = byokCall(app, 'connect', { scopes });
  await approve(firefox, { budget });
  const grant = await connecting;
  assert.equal(grant.error, undefined, `connect failed: ${JSON.stringify(grant.error)}`);
  env.mock.reset();
  return { firefox, app };
}

/** @param {import('puppeteer-core').Page} app */
const spent = async (app) => (await byokCall(app, 'getGrant')).spentUsd;

describe('media in Firefox ESR', { concurrency: false }, () => {
  test('Firefox ESR and the Firefox build are there', () => assertPrerequisites());

  test('speak, transcribe a WAV and a recorded voice note, generate an image', { timeout: TEST_TIMEOUT_MS }, async (t) => {
    const { app } = await connectedMediaPage(t, MEDIA, '2');

    // Speech first: an answer's Blob reaching the content script once must not stop the page's
    // own Blobs (the transcriptions below) being taken there (lib/protocol/binary.ts, isBlob).
    const text = 'Read this sentence aloud, please.';
    const spoken = await lab(app, 'speak', { text });
    assert.equal(spoken.error, undefined, JSON.stringify(spoken.error));
    assert.equal(spoken.result.isBlob, true);
    assert.equal(spoken.result.audio.type, 'audio/mpeg');
    assert.equal(spoken.result.usage.characters, text.length);
    assert.ok(Math.abs(spoken.result.audio.seconds - text.length * 0.06) < 0.5, `decoded ${spoken.result.audio.seconds} s`);

    /** @type {Transcribed} */
    const wav = await lab(app, 'transcribe', { wav: 2 });
    assert.equal(wav.error, undefined, JSON.stringify(wav.error));
    assert.equal(wav.result?.text, `Mock transcript of ${wav.sent.size} bytes, sha256 ${wav.sent.sha256.slice(0, 12)}.`);
    assert.deepEqual(pick(env.mock.stats().uploads.at(-1)), { bytes: wav.sent.size, sha256: wav.sent.sha256 });

    await (await button(app, 'Record a voice note')).click();
    await waitUntil(() => app.evaluate(() => /^Recorded \d+ bytes$/.test(document.getElementById('recording')?.textContent ?? '')), { what: 'the recording' });
    const recorded = await lab(app, 'recorded');
    assert.match(recorded.type, /^audio\/(webm|ogg)/);
    /** @type {Transcribed} */
    const note = await lab(app, 'transcribe', { recording: true });
    assert.equal(note.error, undefined, JSON.stringify(note.error));
    assert.equal(note.sent.size, recorded.size);
    assert.deepEqual(pick(env.mock.stats().uploads.at(-1)), { bytes: recorded.size, sha256: note.sent.sha256 });
    assert.ok((note.result?.usage.seconds ?? 0) > 0.5 && (note.result?.usage.seconds ?? 0) < 3, `measured ${note.result?.usage.seconds} s`);

    const drawn = await lab(app, 'generateImage', { prompt: 'a lighthouse at dusk' });
    assert.equal(drawn.error, undefined, JSON.stringify(drawn.error));
    assert.deepEqual(drawn.result.images, [{ type: 'image/png', size: drawn.result.images[0].size, width: 32, height: 32, isBlob: true, revisedPrompt: 'A mock rendering of: a lighthouse at dusk' }]);
    assert.equal(drawn.result.usage.images, 1);
  });

  test('a 19 MB upload arrives byte-identical', { timeout: TEST_TIMEOUT_MS }, async (t) => {
    const { app } = await connectedMediaPage(t, MEDIA, '2');
    /** @type {Transcribed} */
    const big = await lab(app, 'transcribe', { bigWav: 19 * MB });
    assert.equal(big.error, undefined, JSON.stringify(big.error));
    assert.deepEqual(env.mock.stats().uploads.map(pick), [{ bytes: 19 * MB, sha256: big.sent.sha256 }]);
  });

  test('refusals: an image over budget (4402), no images scope (4100), bad input (-32602); nothing sent or charged', { timeout: TEST_TIMEOUT_MS }, async (t) => {
    const { firefox, app } = await connectedMediaPage(t, ['speech', 'transcription'], '0.03');
    assert.equal((await lab(app, 'generateImage', { prompt: 'a lighthouse' })).error?.code, 4100);
    assert.equal((await lab(app, 'transcribe', { notAudio: 4096 })).error?.code, -32602);
    assert.equal((await lab(app, 'transcribe', { bigWav: 25 * MB + 1 })).error?.code, -32602);
    assert.equal((await lab(app, 'speak', { text: '' })).error?.code, -32602);
    assert.deepEqual(Object.keys(env.mock.stats().byPath).filter((path) => /\/v1\/(audio|images)\//.test(path)), []);
    assert.equal(await spent(app), 0);

    // Asking for the images scope too opens the approval window again; the budget stays too small for one image.
    const connecting = byokCall(app, 'connect', { scopes: MEDIA });
    await approve(firefox, { budget: '0.03' });
    assert.equal((await connecting).error, undefined);
    assert.equal((await lab(app, 'generateImage', { prompt: 'a lighthouse' })).error?.code, 4402);
    assert.equal(env.mock.stats().byPath['/v1/images/generations'], undefined);
    assert.equal(await spent(app), 0);
  });

  test('aborting a long speech stops the provider mid-stream', { timeout: TEST_TIMEOUT_MS }, async (t) => {
    const { app } = await connectedMediaPage(t, MEDIA, '2');
    await lab(app, 'startSpeech', { text: `[[delay:50]] ${'Once upon a time. '.repeat(220)}`, format: 'wav' });
    await waitUntil(() => (env.mock.stats().audio.at(-1)?.sent ?? 0) > 0, { what: 'the speech to start streaming' });
    await lab(app, 'abortSpeech');
    const outcome = await waitUntil(() => lab(app, 'speechOutcome'), { what: 'the speech to end' });
    assert.equal(outcome.error?.name, 'AbortError');
    await waitUntil(() => env.mock.stats().audio.at(-1)?.aborted, { what: 'the mock to see the cut' });
    const cut = env.mock.stats().audio.at(-1);
    assert.ok(cut && cut.sent < cut.bytes && !cut.done);
  });
});

/**
 * @param {{ bytes: number, sha256: string } | undefined} upload
 */
function pick(upload) {
  return upload ? { bytes: upload.bytes, sha256: upload.sha256 } : undefined;
}
