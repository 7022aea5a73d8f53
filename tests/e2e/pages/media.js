// @ts-check
/**
 * The media test app's page script (tests/e2e/pages/media.html), shared by the Chromium specs
 * (tests/e2e/media.spec.ts) and the Firefox ones (tests/firefox/media.test.mjs): it builds the
 * audio a test sends inside the page (a WAV, a 19 MB WAV, bytes that are no audio, a MediaRecorder
 * recording), calls `window.byok`'s media methods as an app would, and describes what came back
 * as plain data (a Blob cannot leave the page): its type, size, SHA-256, and what the browser
 * decodes of it.
 */

/**
 * @typedef {{ code?: number, name: string, message: string }} CallErrorInfo
 * @typedef {{ type: string, size: number, sha256: string, seconds: number | null }} AudioInfo
 * @typedef {{ type: string, size: number, width: number | null, height: number | null }} ImageInfo
 * @typedef {{ wav: number } | { bigWav: number } | { notAudio: number } | { recording: true } | { bytes: 'uint8array' | 'arraybuffer', wav: number }} AudioSpec
 */

/** The wallet's provider (a module script: its names stay out of the page's globals, where `byok` is the wallet's). @returns {any} */
const wallet = () => Reflect.get(window, 'byok');

/**
 * A PCM 16-bit mono WAV: `seconds` of a 440 Hz tone, or exactly `totalBytes` long.
 * @param {{ seconds?: number, totalBytes?: number, sampleRate?: number }} shape
 */
function wavBytes({ seconds = 1, totalBytes, sampleRate = 16_000 }) {
  const dataBytes = totalBytes !== undefined ? totalBytes - 44 : Math.round(seconds * sampleRate) * 2;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  const ascii = (/** @type {number} */ at, /** @type {string} */ text) => [...text].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
  for (let i = 0; i < Math.floor(dataBytes / 2); i += 1) view.setInt16(44 + i * 2, Math.round(3000 * Math.sin((2 * Math.PI * 440 * i) / sampleRate)) + (i % 7), true);
  return bytes;
}

/** @param {Blob | Uint8Array<ArrayBuffer> | ArrayBuffer} data */
async function sha256(data) {
  const buffer = data instanceof Blob ? await data.arrayBuffer() : data;
  const digest = await crypto.subtle.digest('SHA-256', buffer);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** @param {unknown} e */
function errorInfo(e) {
  const err = /** @type {CallErrorInfo} */ (e);
  return { code: err.code, name: err.name, message: err.message };
}

/**
 * What a browser makes of an audio Blob: its type, size, hash and decoded duration (null when
 * it cannot decode it).
 * @param {Blob} blob
 * @returns {Promise<AudioInfo>}
 */
async function describeAudio(blob) {
  const buffer = await blob.arrayBuffer();
  let seconds = null;
  try {
    seconds = (await new OfflineAudioContext(1, 1, 44_100).decodeAudioData(buffer.slice(0))).duration;
  } catch {
    seconds = null;
  }
  return { type: blob.type, size: blob.size, sha256: await sha256(buffer), seconds };
}

/**
 * @param {Blob} blob
 * @returns {Promise<ImageInfo>}
 */
async function describeImage(blob) {
  try {
    const bitmap = await createImageBitmap(blob);
    return { type: blob.type, size: blob.size, width: bitmap.width, height: bitmap.height };
  } catch {
    return { type: blob.type, size: blob.size, width: null, height: null };
  }
}

/** @type {Promise<Blob> | null} */
let recording = null;

/**
 * Records `chunks` quarter-second pieces with MediaRecorder, WebM/Opus where the browser writes
 * it. The sound is a tone (WebAudio OscillatorNode → MediaStreamDestination), started by the
 * Record button so that the AudioContext has the person's gesture behind it; with
 * `?source=microphone`, the microphone instead (a browser's fake device in tests: headless Firefox
 * without an audio output device loses the tab when an AudioContext starts).
 * @param {number} [chunks]
 */
async function record(chunks = 4) {
  const status = /** @type {HTMLElement} */ (document.getElementById('recording'));
  const microphone = new URLSearchParams(location.search).get('source') === 'microphone';
  /** @type {{ stream: MediaStream, stop: () => void }} */
  let source;
  if (microphone) {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    source = { stream, stop: () => stream.getTracks().forEach((track) => track.stop()) };
  } else {
    const context = new AudioContext();
    const oscillator = context.createOscillator();
    const destination = context.createMediaStreamDestination();
    oscillator.frequency.value = 330;
    oscillator.connect(destination);
    await context.resume();
    oscillator.start();
    source = {
      stream: destination.stream,
      stop: () => {
        oscillator.stop();
        void context.close();
      },
    };
  }
  const mimeType = ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus'].find((t) => MediaRecorder.isTypeSupported(t)) ?? '';
  const recorder = new MediaRecorder(source.stream, mimeType ? { mimeType } : {});
  /** @type {Blob[]} */
  const parts = [];
  return new Promise((resolve, reject) => {
    recorder.ondataavailable = (event) => {
      if (event.data.size > 0) parts.push(event.data);
      if (parts.length >= chunks && recorder.state === 'recording') recorder.stop();
    };
    recorder.onstop = () => {
      source.stop();
      const blob = new Blob(parts, { type: recorder.mimeType });
      status.textContent = `Recorded ${blob.size} bytes`;
      resolve(blob);
    };
    recorder.onerror = (event) => reject(new Error(`MediaRecorder failed: ${String(Reflect.get(event, 'error'))}`));
    recorder.start(250);
    status.textContent = 'Recording';
  });
}

/**
 * The audio a spec names, built in the page.
 * @param {AudioSpec} spec
 * @returns {Promise<Blob | Uint8Array<ArrayBuffer> | ArrayBuffer>}
 */
async function audioOf(spec) {
  if ('recording' in spec) {
    if (!recording) throw new Error('press "Record a voice note" first');
    return recording;
  }
  if ('bigWav' in spec) return new Blob([wavBytes({ totalBytes: spec.bigWav })], { type: 'audio/wav' });
  if ('notAudio' in spec) return new TextEncoder().encode('This is a text file, not audio. '.repeat(Math.ceil(spec.notAudio / 32))).slice(0, spec.notAudio);
  const bytes = wavBytes({ seconds: spec.wav });
  if ('bytes' in spec) return spec.bytes === 'arraybuffer' ? bytes.buffer : bytes;
  return new Blob([bytes], { type: 'audio/wav' });
}

const lab = {
  /**
   * `byok.speak(request)`, its audio described.
   * @param {Record<string, unknown>} request
   */
  async speak(request) {
    try {
      const { audio, ...rest } = await wallet().speak(request);
      return { result: { ...rest, audio: await describeAudio(audio), isBlob: audio instanceof Blob } };
    } catch (e) {
      return { error: errorInfo(e) };
    }
  },

  /** @type {{ controller: AbortController, outcome: unknown } | null} */
  speech: null,

  /**
   * Starts a speech that the test aborts later (`abortSpeech`); `speechOutcome` says how it ended.
   * @param {Record<string, unknown>} request
   */
  startSpeech(request) {
    const controller = new AbortController();
    const speech = { controller, outcome: /** @type {unknown} */ (undefined) };
    lab.speech = speech;
    wallet()
      .speak(request, { signal: controller.signal })
      .then(
        (/** @type {{ audio: Blob }} */ r) => (speech.outcome = { result: { size: r.audio.size } }),
        (/** @type {unknown} */ e) => (speech.outcome = { error: errorInfo(e), at: performance.now() }),
      );
  },

  abortSpeech() {
    lab.speech?.controller.abort();
    return performance.now();
  },

  speechOutcome() {
    return lab.speech?.outcome;
  },

  /**
   * `byok.transcribe({ audio, ...request })` with the audio `spec` names; also says what was sent.
   * @param {AudioSpec} spec
   * @param {Record<string, unknown>} [request]
   */
  async transcribe(spec, request = {}) {
    const audio = await audioOf(spec);
    const sent = { size: audio instanceof Blob ? audio.size : audio.byteLength, type: audio instanceof Blob ? audio.type : '', sha256: await sha256(audio) };
    try {
      return { sent, result: await wallet().transcribe({ audio, ...request }) };
    } catch (e) {
      return { sent, error: errorInfo(e) };
    }
  },

  /**
   * The same upload sent straight to a provider by `fetch` (the bench's baseline): ms taken.
   * @param {string} url e.g. `${mock}/v1/audio/transcriptions`
   * @param {string} key
   * @param {number} bytes
   */
  async directUpload(url, key, bytes) {
    const form = new FormData();
    form.append('model', 'whisper-1');
    form.append('file', /** @type {Blob} */ (await audioOf({ bigWav: bytes })), 'audio.wav');
    const started = performance.now();
    const response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: form });
    await response.json();
    return performance.now() - started;
  },

  /**
   * `byok.generateImage(request)`, each image described.
   * @param {Record<string, unknown>} request
   */
  async generateImage(request) {
    try {
      const { images, ...rest } = await wallet().generateImage(request);
      const described = await Promise.all(images.map(async (/** @type {{ blob: Blob, revisedPrompt?: string }} */ image) => ({ ...(await describeImage(image.blob)), isBlob: image.blob instanceof Blob, revisedPrompt: image.revisedPrompt })));
      return { result: { ...rest, images: described } };
    } catch (e) {
      return { error: errorInfo(e) };
    }
  },

  /** The recording the Record button made (null before), described. */
  async recorded() {
    return recording ? { type: (await recording).type, size: (await recording).size } : null;
  },
};

document.getElementById('record')?.addEventListener('click', () => {
  recording = record();
  recording.catch((/** @type {unknown} */ e) => {
    /** @type {HTMLElement} */ (document.getElementById('recording')).textContent = `Recording failed: ${String(e)}`;
  });
});
Reflect.set(window, 'mediaLab', lab);
