/** The Prompt-API-shaped `LanguageModel` of the client lib. */
import { LanguageModel } from '../../../client/src/index.js';
import { describeError } from './result';

export interface LanguageModelRun {
  availability: string;
  reply?: string;
  streamed?: string[];
  contextUsage?: number;
  error?: ReturnType<typeof describeError>;
}

/** `availability()`, `create()`, then `prompt()` and `promptStreaming()` in one session. */
export async function promptAndStream({ first, second, model }: { first: string; second: string; model?: string }): Promise<LanguageModelRun> {
  const run: LanguageModelRun = { availability: await LanguageModel.availability() };
  try {
    const session = await LanguageModel.create({ initialPrompts: [{ role: 'system', content: 'Be terse.' }], ...(model ? { model } : {}) });
    run.reply = await session.prompt(first);
    run.streamed = [];
    for await (const delta of session.promptStreaming(second) as unknown as AsyncIterable<string>) run.streamed.push(delta);
    run.contextUsage = session.contextUsage;
    session.destroy();
  } catch (e) {
    run.error = describeError(e);
  }
  return run;
}
