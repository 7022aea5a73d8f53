import { createOpenAI } from '@ai-sdk/openai';
import { experimental_generateSpeech, experimental_transcribe, generateImage, generateSpeech, transcribe } from 'ai';
import { describe, expect, it } from 'vitest';
import { createByokFetch } from './fetch.js';
import { FakeByok, fakeAudio, fakeImage, fakeTranscript } from './test-fake-byok.js';

/** The Vercel AI SDK's OpenAI provider on byokFetch; `paths` records where the SDK sent each call. */
function provider(fake: FakeByok) {
  const inner = createByokFetch({ byok: fake });
  const paths: string[] = [];
  const fetch = (input: string | URL | Request, init?: RequestInit) => {
    paths.push(new URL(String(input)).pathname);
    return inner(input, init);
  };
  return { ai: createOpenAI({ apiKey: 'byok', fetch }), paths };
}

/** A WAV header and some samples: the SDK sniffs the type from the bytes. */
const wav = () => {
  const b = new Uint8Array(64);
  b.set(new TextEncoder().encode('RIFF'), 0);
  b.set(new TextEncoder().encode('WAVEfmt '), 8);
  return b;
};

describe('byokFetch with the Vercel AI SDK media functions (ai + @ai-sdk/openai)', () => {
  it('generateSpeech: the audio bytes and their type', async () => {
    const fake = new FakeByok().grantAll();
    const { ai, paths } = provider(fake);
    const { audio } = await generateSpeech({ model: ai.speech('gpt-4o-mini-tts'), text: 'Read it aloud', voice: 'coral', outputFormat: 'wav', instructions: 'Calm', speed: 1.1 });
    expect(audio.uint8Array).toEqual(fakeAudio('Read it aloud'));
    expect(audio.mediaType).toBe('audio/wav');
    expect(paths).toEqual(['/v1/audio/speech']);
    expect(fake.speakRequests[0]).toEqual({ text: 'Read it aloud', voice: 'coral', model: 'gpt-4o-mini-tts', format: 'wav', instructions: 'Calm', speed: 1.1 });
  });

  it.each([
    ['whisper-1', 'verbose_json'],
    ['gpt-4o-transcribe', 'json'],
  ])('transcribe with %s (the SDK asks for %s)', async (model, format) => {
    const fake = new FakeByok().grantAll();
    const { ai, paths } = provider(fake);
    const result = await transcribe({ model: ai.transcription(model), audio: wav() });
    expect(result.text).toBe(fakeTranscript(64));
    expect(paths).toEqual(['/v1/audio/transcriptions']);
    expect(fake.transcribeRequests[0]).toMatchObject({ model, responseFormat: format });
    expect(new Uint8Array(await fake.transcribeRequests[0]!.audio.arrayBuffer())).toEqual(wav());
    if (format === 'verbose_json') {
      expect(result.durationInSeconds).toBe(1);
      expect(result.language).toBe('en');
      expect(result.segments).toEqual([{ text: fakeTranscript(64), startSecond: 0, endSecond: 1 }]);
    }
  });

  it.each(['dall-e-3', 'gpt-image-1'])('generateImage with %s: the image bytes', async (model) => {
    const fake = new FakeByok().grantAll();
    const { ai, paths } = provider(fake);
    const { images } = await generateImage({ model: ai.image(model), prompt: 'a lighthouse', size: '1024x1024' });
    expect(images.map((i) => i.uint8Array)).toEqual([fakeImage(0)]);
    expect(images[0]?.mediaType).toBe('image/png');
    expect(paths).toEqual(['/v1/images/generations']);
    expect(fake.imageRequests[0]).toEqual({ prompt: 'a lighthouse', model, n: 1, size: '1024x1024' });
  });

  it('the deprecated experimental_generateSpeech and experimental_transcribe still work', async () => {
    const fake = new FakeByok().grantAll();
    const { ai } = provider(fake);
    const { audio } = await experimental_generateSpeech({ model: ai.speech('tts-1'), text: 'Hi' });
    expect(audio.uint8Array).toEqual(fakeAudio('Hi'));
    expect((await experimental_transcribe({ model: ai.transcription('whisper-1'), audio: wav() })).text).toBe(fakeTranscript(64));
  });
});
