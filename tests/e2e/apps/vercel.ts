/** The Vercel AI SDK's `streamText` with an OpenAI provider built on `byokFetch`. */
import { createOpenAI } from '@ai-sdk/openai';
import { streamText } from 'ai';
import { byokFetch, type FetchLike } from '../../../client/src/index.js';
import { describeError, type StreamRun } from './result';

/** What the SDK sent: the URL, the JSON body and the header names. */
export interface SentRequest {
  url: string;
  body: unknown;
  headers: string[];
}

export interface VercelRun extends StreamRun {
  sent: SentRequest[];
}

/** `api: 'chat'` uses `.chat(model)` (Chat Completions); `'responses'` the default `provider(model)`. */
export async function streamWith({ api, prompt, model }: { api: 'chat' | 'responses'; prompt: string; model: string }): Promise<VercelRun> {
  const sent: SentRequest[] = [];
  const recording: FetchLike = (input, init) => {
    sent.push({
      url: String(input instanceof Request ? input.url : input),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : null,
      headers: [...new Headers(init?.headers).keys()],
    });
    return byokFetch(input, init);
  };
  const provider = createOpenAI({ apiKey: 'byok', fetch: recording });
  const run: VercelRun = { deltas: [], text: '', sent };
  try {
    const result = streamText({
      model: api === 'chat' ? provider.chat(model) : provider(model),
      system: 'Be brief.',
      prompt,
      maxRetries: 0,
      onError: ({ error }) => {
        run.error = describeError(error);
      },
    });
    for await (const delta of result.textStream) run.deltas.push(delta);
    run.finish = await result.finishReason;
    run.usage = await result.usage;
  } catch (e) {
    run.error = describeError(e);
  }
  run.text = run.deltas.join('');
  return run;
}
