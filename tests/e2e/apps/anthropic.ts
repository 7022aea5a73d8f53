/** The official Anthropic SDK in a page, unchanged but for `fetch: byokFetch`. */
import Anthropic, { APIUserAbortError } from '@anthropic-ai/sdk';
import { byokFetch } from '../../../client/src/index.js';
import { describeError, type StreamRun } from './result';

const client = () => new Anthropic({ apiKey: 'byok', dangerouslyAllowBrowser: true, fetch: byokFetch, maxRetries: 0 });

/** `messages.stream()`: the text events, then the final message. */
export async function streamMessage({ prompt, model }: { prompt: string; model: string }): Promise<StreamRun & { stopReason?: string | null }> {
  const run: StreamRun & { stopReason?: string | null } = { deltas: [], text: '' };
  try {
    const stream = client().messages.stream({ model, max_tokens: 200, system: 'Be brief.', messages: [{ role: 'user', content: prompt }] });
    stream.on('text', (delta) => run.deltas.push(delta));
    const message = await stream.finalMessage();
    run.stopReason = message.stop_reason;
    run.usage = message.usage;
    run.finish = message.content[0]?.type === 'text' ? message.content[0].text : null;
  } catch (e) {
    run.error = describeError(e, { APIUserAbortError });
  }
  run.text = run.deltas.join('');
  return run;
}
