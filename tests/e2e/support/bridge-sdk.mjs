// A local app for the end-to-end tests: the official SDKs, configured only by the environment
// `byok-bridge connect` printed. `node bridge-sdk.mjs <op> [arg]` prints one JSON result.
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';

const [op, arg] = process.argv.slice(2);
const openai = () => new OpenAI({ maxRetries: 0 });
const anthropic = () => new Anthropic({ maxRetries: 0 });
const failure = (e) => ({ error: { status: e.status ?? null, name: e.name, message: e.message, type: e.error?.error?.type ?? e.error?.type ?? null, headers: e.headers ? Object.fromEntries(e.headers) : null } });

async function run() {
  switch (op) {
    case 'openai-stream': {
      const stream = await openai().chat.completions.create({ model: arg || 'gpt-4o-mini', messages: [{ role: 'user', content: 'hello bridge' }], stream: true });
      let text = '';
      let chunks = 0;
      for await (const c of stream) {
        chunks++;
        text += c.choices[0]?.delta?.content ?? '';
      }
      return { text, chunks };
    }
    case 'openai-chat': {
      const r = await openai().chat.completions.create({ model: arg || 'gpt-4o-mini', messages: [{ role: 'user', content: 'hello' }] });
      return { text: r.choices[0].message.content };
    }
    case 'models':
      return { ids: (await openai().models.list()).data.map((m) => m.id) };
    case 'anthropic-stream': {
      const stream = anthropic().messages.stream({ model: arg || 'claude-haiku-4-5', max_tokens: 200, system: [{ type: 'text', text: 'be brief', cache_control: { type: 'ephemeral' } }], messages: [{ role: 'user', content: 'bonjour' }] });
      const m = await stream.finalMessage();
      return { text: m.content.map((b) => b.text ?? '').join('') };
    }
    case 'abort': {
      // A slow stream, dropped after two chunks: the wallet must stop the provider call.
      const ac = new AbortController();
      const stream = await openai().chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: '[[chunks:400]] [[delay:20]] go' }], stream: true }, { signal: ac.signal });
      let chunks = 0;
      try {
        for await (const c of stream) {
          if (c.choices[0]?.delta?.content) chunks++;
          if (chunks === 2) ac.abort();
        }
      } catch {
        // The SDK ends the iteration quietly or throws an AbortError: either way, the app let go.
      }
      return { aborted: ac.signal.aborted, chunks };
    }
    default:
      throw new Error(`unknown op ${op}`);
  }
}

run().then(
  (r) => console.log(JSON.stringify(r)),
  (e) => console.log(JSON.stringify(failure(e))),
);
