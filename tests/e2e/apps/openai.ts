/** The official `openai` SDK in a page, unchanged but for `fetch: byokFetch`. */
import OpenAI, { APIConnectionError, APIUserAbortError, AuthenticationError, BadRequestError, PermissionDeniedError, RateLimitError } from 'openai';
import { byokFetch } from '../../../client/src/index.js';
import { describeError, type StreamRun } from './result';

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
