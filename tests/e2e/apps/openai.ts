/** The official `openai` SDK in a page, unchanged but for `fetch: byokFetch`. */
import OpenAI, { toFile, APIConnectionError, APIUserAbortError, AuthenticationError, BadRequestError, PermissionDeniedError, RateLimitError } from 'openai';
import { byokFetch } from '../../../client/src/index.js';
import { describeError, type StreamRun } from './result';
import { wav } from '../../support/audio-fixtures';

const errors = { APIUserAbortError, APIConnectionError, AuthenticationError, BadRequestError, PermissionDeniedError, RateLimitError };
const client = () => new OpenAI({ apiKey: 'byok', dangerouslyAllowBrowser: true, fetch: byokFetch, maxRetries: 0 });

export interface ChatArgs {
  prompt: string;
  model: string;
  /** Aborts the AbortController once this many deltas arrived. */
  abortAfterDeltas?: number;
}

/** The controller of the latest call, for {@link abort}. */
let current: AbortController | undefined;

/** Aborts the latest call (the test decides when, e.g. once the provider has the request). */
export async function abort(): Promise<void> {
  current?.abort();
}

/** `chat.completions.create({ stream: true })`, iterated with `for await`. */
export async function streamChat({ prompt, model, abortAfterDeltas }: ChatArgs): Promise<StreamRun> {
  const controller = (current = new AbortController());
  const run: StreamRun = { deltas: [], text: '' };
  try {
    const stream = await client().chat.completions.create(
      { model, messages: [{ role: 'user', content: prompt }], stream: true, stream_options: { include_usage: true } },
      { signal: controller.signal },
    );
    for await (const chunk of stream) {
      const choice = chunk.choices[0];
      if (choice?.delta.content) {
        run.deltas.push(choice.delta.content);
        if (abortAfterDeltas !== undefined && run.deltas.length >= abortAfterDeltas) controller.abort();
      }
      if (choice?.finish_reason) run.finish = choice.finish_reason;
      if (chunk.usage) run.usage = chunk.usage;
    }
  } catch (e) {
    run.error = describeError(e, errors);
  }
  run.text = run.deltas.join('');
  return run;
}

/** The `chat.completions.stream()` helper: aborting makes `finalChatCompletion()` raise the SDK's abort error. */
export async function streamHelper({ prompt, model, abortAfterDeltas }: ChatArgs): Promise<StreamRun> {
  const controller = (current = new AbortController());
  const run: StreamRun = { deltas: [], text: '' };
  const stream = client().chat.completions.stream({ model, messages: [{ role: 'user', content: prompt }] }, { signal: controller.signal });
  stream.on('content', (delta) => {
    run.deltas.push(delta);
    if (abortAfterDeltas !== undefined && run.deltas.length >= abortAfterDeltas) controller.abort();
  });
  try {
    const done = await stream.finalChatCompletion();
    run.finish = done.choices[0]?.finish_reason;
    run.usage = done.usage;
  } catch (e) {
    run.error = describeError(e, errors);
  }
  run.text = run.deltas.join('');
  return run;
}

/** `models.list()` and `models.retrieve(id)`. */
export async function listModels(retrieve: string): Promise<{ ids: string[]; retrieved?: string; error?: ReturnType<typeof describeError> }> {
  try {
    const page = await client().models.list();
    const ids = page.data.map((m) => m.id);
    const one = await client().models.retrieve(retrieve);
    return { ids, retrieved: one.id };
  } catch (e) {
    return { ids: [], error: describeError(e, errors) };
  }
}

/** A chat the wallet refuses, to see which SDK error it becomes. */
export async function chatOnce(args: { prompt: string; model: string }): Promise<{ text?: string; error?: ReturnType<typeof describeError> }> {
  try {
    const res = await client().chat.completions.create({ model: args.model, messages: [{ role: 'user', content: args.prompt }] });
    return { text: res.choices[0]?.message.content ?? '' };
  } catch (e) {
    return { error: describeError(e, errors) };
  }
}

/** `audio.speech.create`: the audio's type and size, as the SDK's Response gives them. */
export async function speech({ text }: { text: string }): Promise<{ type: string | null; size: number } | { error: unknown }> {
  try {
    const response = await client().audio.speech.create({ model: 'tts-1', voice: 'alloy', input: text, response_format: 'mp3' });
    return { type: response.headers.get('content-type'), size: (await response.arrayBuffer()).byteLength };
  } catch (e) {
    return { error: describeError(e, errors) };
  }
}

/** `audio.transcriptions.create` with a WAV made here (16 kHz 16-bit mono silence): the JSON answer's text, and an `srt` one. */
export async function transcription({ seconds }: { seconds: number }): Promise<{ text: string; srt: string } | { error: unknown }> {
  try {
    const file = await toFile(wav({ seconds }), 'note.wav', { type: 'audio/wav' });
    const json = await client().audio.transcriptions.create({ model: 'whisper-1', file });
    const srt = await client().audio.transcriptions.create({ model: 'whisper-1', file, response_format: 'srt' });
    return { text: json.text, srt: String(srt) };
  } catch (e) {
    return { error: describeError(e, errors) };
  }
}

/** `images.generate` with b64_json: each image's decoded size and its revised prompt. */
export async function image({ prompt }: { prompt: string }): Promise<{ images: { bytes: number; revised?: string }[] } | { error: unknown }> {
  try {
    const result = await client().images.generate({ model: 'dall-e-3', prompt, response_format: 'b64_json' });
    return { images: (result.data ?? []).map((d) => ({ bytes: atob(d.b64_json ?? '').length, ...(d.revised_prompt ? { revised: d.revised_prompt } : {}) })) };
  } catch (e) {
    return { error: describeError(e, errors) };
  }
}
