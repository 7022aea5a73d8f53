import { createOpenAI } from '@ai-sdk/openai';
import { embed, generateText, jsonSchema, stepCountIs, streamText, tool } from 'ai';
import { describe, expect, it } from 'vitest';
import { createByokFetch } from './fetch.js';
import { CANNED, FakeByok } from './test-fake-byok.js';

/** The Vercel AI SDK's OpenAI provider on byokFetch; `sent` records what the SDK sent. */
function provider(fake: FakeByok) {
  const inner = createByokFetch({ byok: fake });
  const sent: { path: string; body: Record<string, unknown> }[] = [];
  const fetch = (input: string | URL | Request, init?: RequestInit) => {
    sent.push({ path: new URL(String(input)).pathname, body: JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown> });
    return inner(input, init);
  };
  return { ai: createOpenAI({ apiKey: 'byok', fetch }), sent };
}

const weather = tool({
  description: 'Weather for a city',
  inputSchema: jsonSchema<{ city: string }>({ type: 'object', properties: { city: { type: 'string' } }, required: ['city'] }),
  execute: async ({ city }) => `sunny in ${city}`,
});

describe('byokFetch with the real Vercel AI SDK (ai + @ai-sdk/openai)', () => {
  for (const api of ['chat', 'responses'] as const) {
    const model = (ai: ReturnType<typeof provider>['ai'], id: string) => (api === 'chat' ? ai.chat(id) : ai(id));

    it(`${api}: streamText streams the text, with usage and the finish reason`, async () => {
      const fake = new FakeByok().grantAll();
      const { ai, sent } = provider(fake);
      const result = streamText({ model: model(ai, 'gpt-4o-mini'), system: 'Be brief.', prompt: 'hi', temperature: 0.5, maxOutputTokens: 50 });
      const deltas: string[] = [];
      for await (const d of result.textStream) deltas.push(d);
      expect(deltas.join('')).toBe(CANNED.join(''));
      expect(await result.finishReason).toBe('stop');
      expect((await result.usage).outputTokens).toBe(CANNED.length);
      expect(sent.map((s) => s.path)).toEqual([api === 'chat' ? '/v1/chat/completions' : '/v1/responses']);
      expect(fake.chatRequests[0]).toMatchObject({ model: 'gpt-4o-mini', maxTokens: 50, temperature: 0.5, messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user' }] });
    });

    it(`${api}: a reasoning model's request (developer role, no temperature) is accepted`, async () => {
      const fake = new FakeByok({ models: [{ id: 'gpt-5', provider: 'openai', label: 'GPT-5' }] }).grantAll();
      const { ai, sent } = provider(fake);
      const { text } = await generateText({ model: model(ai, 'gpt-5'), system: 'sys', prompt: 'hi', maxOutputTokens: 40 });
      expect(text).toBe(CANNED.join(''));
      expect(JSON.stringify(sent[0]?.body)).toContain('"developer"');
      expect(fake.chatRequests[0]?.messages[0]).toEqual({ role: 'system', content: 'sys' });
    });

    it(`${api}: a tool loop runs to the end (tool call, the SDK executes it, the answer)`, async () => {
      const fake = new FakeByok({
        reply: (req) => (req.messages.some((m) => m.role === 'tool') ? { chunks: ['It is ', 'sunny.'] } : { toolCalls: [{ id: 'call_1', name: 'weather', arguments: { city: 'Paris' } }] }),
      }).grantAll();
      const { ai } = provider(fake);
      const result = await generateText({ model: model(ai, 'gpt-4o-mini'), prompt: 'Weather in Paris?', tools: { weather }, stopWhen: stepCountIs(3) });
      expect(result.text).toBe('It is sunny.');
      expect(result.steps[0]?.toolCalls[0]).toMatchObject({ toolName: 'weather', input: { city: 'Paris' } });
      expect(fake.chatRequests[1]?.messages.at(-1)).toEqual({ role: 'tool', toolCallId: 'call_1', content: expect.stringContaining('sunny in Paris') });
      expect(fake.chatRequests[0]?.tools?.[0]).toMatchObject({ name: 'weather', parameters: { required: ['city'] } });
    });

    it(`${api}: aborting streamText aborts the wallet request`, async () => {
      const fake = new FakeByok({ delayMs: 5, reply: () => ({ chunks: Array.from({ length: 200 }, (_, i) => `w${i} `) }) }).grantAll();
      const { ai } = provider(fake);
      const controller = new AbortController();
      const result = streamText({ model: model(ai, 'gpt-4o-mini'), prompt: 'long', abortSignal: controller.signal, onError: () => {} });
      const deltas: string[] = [];
      for await (const d of result.textStream) {
        deltas.push(d);
        if (deltas.length === 2) controller.abort();
      }
      expect(deltas.length).toBeLessThan(200);
      await expect.poll(() => fake.aborts).toBe(1);
    });
  }

  it('embed goes to /v1/embeddings and asks for the embed scope', async () => {
    const fake = new FakeByok();
    const { ai } = provider(fake);
    const { embedding } = await embed({ model: ai.embedding('text-embedding-3-small'), value: 'hello' });
    expect(embedding).toHaveLength(4);
    expect(fake.calls.find((c) => c.method === 'connect')?.args).toEqual([{ scopes: ['embed'] }]);
  });
});
