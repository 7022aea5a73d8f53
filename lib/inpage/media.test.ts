/**
 * The page's media methods (docs/API.md): their shape checks before anything is sent, audio given
 * as a Blob, an ArrayBuffer or a Uint8Array sent as a Blob beside the JSON, answers' Blobs (typed by
 * the worker: lib/background/binary.ts) given as they came, and a cancel that goes the way its
 * request went.
 */
import { describe, expect, it, vi } from 'vitest';
import { createProvider } from './provider';
import { createTransport, type Transport } from './transport';
import { MAX_AUDIO_BYTES, audioBlob, transcribeParams } from './media';
import { MAX_AUDIO_BYTES as SCHEMA_MAX_AUDIO_BYTES } from '../protocol/media';
import { BINARY_MESSAGE, TO_PAGE_BINARY, TO_WALLET_BINARY, readEnvelope, type BinaryEnvelope } from '../protocol/binary';
import { TO_WALLET, wireMessage, type PageEvent } from '../protocol/wire';

const ORIGIN = 'https://app.example';

/** A provider whose transport records its calls and answers each with `answer`. */
function recorded(answer: unknown = {}) {
  const calls: { method: string; params: unknown; options: unknown }[] = [];
  const transport: Transport = {
    request: (method, params, options) => (calls.push({ method, params, options }), Promise.resolve(answer)),
    subscribe: () => undefined,
  };
  return { byok: createProvider(transport, new Map<PageEvent, Set<(data: unknown) => void>>()), calls };
}

/** A page window: what the page sends (events and window messages), and a way to answer as the content script. */
function page() {
  const sent: { m: unknown; blobs: Blob[] }[] = [];
  const win = Object.assign(new EventTarget(), {
    origin: ORIGIN,
    postMessage(data: unknown) {
      queueMicrotask(() => win.dispatchEvent(Object.assign(new Event('message'), { data, source: win })));
    },
  }) as unknown as Window;
  win.addEventListener(TO_WALLET, (event) => void sent.push({ m: wireMessage(event), blobs: [] }));
  win.addEventListener('message', (event) => {
    const envelope = readEnvelope((event as MessageEvent).data, TO_WALLET_BINARY);
    if (envelope) sent.push({ m: JSON.parse(envelope.detail), blobs: envelope.blobs });
  });
  const answer = (m: unknown, blobs: Blob[], source: unknown = win) =>
    win.dispatchEvent(Object.assign(new Event('message'), { data: { [BINARY_MESSAGE]: TO_PAGE_BINARY, detail: JSON.stringify(m), blobs } satisfies BinaryEnvelope, source }));
  const transport = createTransport(win, () => undefined);
  return { sent, answer, byok: createProvider(transport, new Map()) };
}

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

describe('the media methods check their shape before sending', () => {
  it.each([
    ['speak', undefined, 'req: expected an object'],
    ['speak', { text: 3 }, 'req.text: expected a string'],
    ['transcribe', 'x', 'req: expected an object'],
    ['transcribe', { audio: 'data:audio/wav;base64,AAAA' }, 'req.audio: expected a Blob, an ArrayBuffer or a Uint8Array'],
    ['transcribe', { audio: [1, 2] }, 'req.audio: expected a Blob, an ArrayBuffer or a Uint8Array'],
    ['transcribe', { audio: new Uint16Array(4) }, 'req.audio: expected a Blob, an ArrayBuffer or a Uint8Array'],
    ['transcribe', { audio: new Blob() }, 'req.audio: is empty'],
    ['generateImage', [], 'req: expected an object'],
    ['generateImage', { prompt: null }, 'req.prompt: expected a string'],
  ] as const)('%s(%j) is -32602', async (method, req, problem) => {
    const { byok, calls } = recorded();
    await expect((byok[method] as (r: unknown) => Promise<unknown>)(req)).rejects.toMatchObject({ code: -32602, message: `Invalid request: ${problem}` });
    expect(calls).toEqual([]);
  });

  it('refuses audio over 25 MiB, the schema\'s cap, and options that stream', async () => {
    expect(MAX_AUDIO_BYTES).toBe(SCHEMA_MAX_AUDIO_BYTES);
    const { byok, calls } = recorded();
    await expect(byok.transcribe({ audio: new Uint8Array(MAX_AUDIO_BYTES + 1) })).rejects.toMatchObject({ code: -32602, message: `Invalid request: req.audio: is larger than ${MAX_AUDIO_BYTES} bytes` });
    await expect(byok.speak({ text: 'hi' }, { onDelta: () => undefined })).rejects.toMatchObject({ code: -32602, message: 'Invalid request: opts.onDelta: this method does not stream' });
    await expect(byok.generateImage({ prompt: 'a cat' }, { signal: 'x' })).rejects.toMatchObject({ code: -32602, message: 'Invalid request: opts.signal: expected an AbortSignal' });
    expect(calls).toEqual([]);
  });

  it('sends audio as a Blob named with its type, whatever the page gave', async () => {
    const bytes = new Uint8Array([82, 73, 70, 70, 1, 2]);
    for (const audio of [new Blob([bytes], { type: 'audio/wav' }), bytes, bytes.buffer]) {
      const params = transcribeParams({ audio, language: 'en' }) as { audio: Blob; audioType?: string; language: string };
      expect(params.audio).toBeInstanceOf(Blob);
      expect(await bytesOf(params.audio)).toEqual(bytes);
      expect(params.language).toBe('en');
      expect(params.audioType).toBe(audio instanceof Blob ? 'audio/wav' : undefined);
    }
    expect(audioBlob(new Uint8Array(MAX_AUDIO_BYTES)).size).toBe(MAX_AUDIO_BYTES);
  });
});

describe("the media methods' answers", () => {
  it('are given to the page as the wallet shaped them', async () => {
    const audio = new Blob([new Uint8Array([1, 2])], { type: 'audio/mpeg' });
    const answer = { audio, model: 'tts-1', provider: 'openai', usage: { characters: 2 }, costUsd: 0.1 };
    const { byok, calls } = recorded(answer);
    expect(await byok.speak({ text: 'hi' }, { signal: new AbortController().signal })).toBe(answer);
    expect(await byok.generateImage({ prompt: 'a cat' })).toBe(answer);
    expect(calls.map((c) => c.method)).toEqual(['speak', 'generateImage']);
    expect((calls[0]!.options as { signal?: unknown; onDelta?: unknown }).onDelta).toBeUndefined();
  });
});

describe('a media call on the wire', () => {
  it('goes as a window message with its Blob, and resolves with the Blobs of the answer', async () => {
    const { byok, sent, answer } = page();
    const audio = new Uint8Array(1024).map((_, i) => i * 7);
    const result = byok.transcribe({ audio, language: 'en' });
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.m).toEqual({ t: 'req', id: 1, method: 'transcribe', params: { audio: { $blob: 0 }, language: 'en' } });
    expect(await bytesOf(sent[0]!.blobs[0]!)).toEqual(audio);
    answer({ t: 'res', id: 1, ok: true, value: { text: 'hello' } }, []);
    expect(await result).toEqual({ text: 'hello' });

    const speech = byok.speak({ text: 'hi' });
    // Another frame's message is not the answer.
    answer({ t: 'res', id: 2, ok: true, value: { audio: { $blob: 0 } } }, [new Blob(['<script>'], { type: 'text/html' })], {});
    answer({ t: 'res', id: 2, ok: true, value: { audio: { $blob: 0 } } }, [new Blob(['RIFF'], { type: 'audio/wav' })]);
    const out = (await speech) as { audio: Blob };
    expect(out.audio.type).toBe('audio/wav');
    expect(await out.audio.text()).toBe('RIFF');
  });

  it('cancels a call sent as a window message the same way, so the cancel cannot overtake it', async () => {
    const { byok, sent } = page();
    const controller = new AbortController();
    const result = byok.transcribe({ audio: new Blob(['x']) }, { signal: controller.signal });
    controller.abort();
    await expect(result).rejects.toMatchObject({ name: 'AbortError' });
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    expect(sent.map((s) => s.m)).toEqual([{ t: 'req', id: 1, method: 'transcribe', params: { audio: { $blob: 0 } } }, { t: 'cancel', id: 1 }]);
  });
});
