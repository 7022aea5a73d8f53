import { describe, expect, it } from 'vitest';
import { JSON_MODE_INSTRUCTION, maxTokensFieldFor, toOpenAIChatRequest } from './openai-request';
import type { ResolvedChatRequest } from './types';

const opts = { label: 'OpenAI', maxTokensField: 'max_completion_tokens' as const };

describe('toOpenAIChatRequest', () => {
  it('maps the full intent', () => {
    const req: ResolvedChatRequest = {
      model: 'gpt-4.1',
      maxTokens: 256,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: [{ type: 'text', text: 'What is in this image?' }, { type: 'image', url: 'data:image/png;base64,iVBORw0KGgo=' }] },
        { role: 'assistant', content: null, toolCalls: [{ id: 'call_1', name: 'lookup', arguments: { q: 'cat', n: 2 } }] },
        { role: 'tool', toolCallId: 'call_1', content: '{"found":true}' },
        { role: 'assistant', content: [{ type: 'text', text: 'A cat.' }] },
        { role: 'user', content: 'Thanks' },
      ],
      tools: [{ name: 'lookup', description: 'Look something up', parameters: { type: 'object', properties: { q: { type: 'string' } } } }],
      toolChoice: { name: 'lookup' },
      responseFormat: { type: 'json_schema', name: 'answer', schema: { type: 'object' } },
      stop: ['END'],
      temperature: 0.2,
      topP: 0.9,
      seed: 7,
    };
    expect(toOpenAIChatRequest(req, opts)).toEqual({
      model: 'gpt-4.1',
      stream: true,
      stream_options: { include_usage: true },
      max_completion_tokens: 256,
      messages: [
        { role: 'system', content: 'Be brief.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is in this image?' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
          ],
        },
        { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{"q":"cat","n":2}' } }] },
        { role: 'tool', tool_call_id: 'call_1', content: '{"found":true}' },
        { role: 'assistant', content: 'A cat.' },
        { role: 'user', content: 'Thanks' },
      ],
      tools: [{ type: 'function', function: { name: 'lookup', description: 'Look something up', parameters: { type: 'object', properties: { q: { type: 'string' } } } } }],
      tool_choice: { type: 'function', function: { name: 'lookup' } },
      response_format: { type: 'json_schema', json_schema: { name: 'answer', schema: { type: 'object' } } },
      stop: ['END'],
      temperature: 0.2,
      top_p: 0.9,
      seed: 7,
    });
  });

  it.each([
    ['auto', 'auto'],
    ['none', 'none'],
    ['required', 'required'],
  ] as const)('maps toolChoice %s', (choice, wire) => {
    const body = toOpenAIChatRequest({ model: 'm', maxTokens: 1, messages: [{ role: 'user', content: 'x' }], tools: [{ name: 'f', parameters: {} }], toolChoice: choice }, opts);
    expect(body.tool_choice).toBe(wire);
  });

  it('maps json mode, a nameless json_schema, and an assistant answer with text and tool calls', () => {
    const json = toOpenAIChatRequest({ model: 'm', maxTokens: 1, messages: [{ role: 'user', content: 'JSON please' }], responseFormat: { type: 'json' } }, opts);
    expect(json.response_format).toEqual({ type: 'json_object' });
    const schema = toOpenAIChatRequest({ model: 'm', maxTokens: 1, messages: [{ role: 'user', content: 'x' }], responseFormat: { type: 'json_schema', schema: { type: 'object' } } }, opts);
    expect(schema.response_format).toEqual({ type: 'json_schema', json_schema: { name: 'response', schema: { type: 'object' } } });
    const mixed = toOpenAIChatRequest(
      { model: 'm', maxTokens: 1, messages: [{ role: 'assistant', content: 'Let me look.', toolCalls: [{ id: 'c', name: 'f', arguments: {} }] }] },
      opts,
    );
    expect(mixed.messages[0]).toEqual({ role: 'assistant', content: 'Let me look.', tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{}' } }] });
  });

  it("leaves out tool_choice 'none' when there are no tools (same meaning; OpenAI refuses it alone)", () => {
    const body = toOpenAIChatRequest({ model: 'm', maxTokens: 1, messages: [{ role: 'user', content: 'x' }], toolChoice: 'none' }, opts);
    expect(body).not.toHaveProperty('tool_choice');
  });

  it('refuses an image in an assistant message with 4200 naming the field', () => {
    expect(() =>
      toOpenAIChatRequest({ model: 'm', maxTokens: 1, messages: [{ role: 'assistant', content: [{ type: 'image', url: 'https://x.test/i.png' }] }] }, { ...opts, label: 'Groq' }),
    ).toThrow('Groq does not support images in assistant messages (messages[0].content[0])');
  });
});

describe('maxTokensFieldFor', () => {
  it.each([
    [undefined, 'max_completion_tokens'],
    ['https://api.openai.com/v1', 'max_completion_tokens'],
    ['https://api.openai.com.evil.test/v1', 'max_tokens'],
    ['https://api.groq.com/openai/v1', 'max_tokens'],
    ['http://localhost:11434/v1', 'max_tokens'],
    ['not a url', 'max_tokens'],
  ])('%s -> %s', (url, field) => {
    expect(maxTokensFieldFor(url)).toBe(field);
  });
});

describe('JSON mode', () => {
  it('adds the instruction OpenAI requires only when no message mentions JSON', () => {
    const base = { model: 'gpt-4o-mini', maxTokens: 10, responseFormat: { type: 'json' as const } };
    const plain = toOpenAIChatRequest({ ...base, messages: [{ role: 'user', content: 'list three colours' }] }, { label: 'OpenAI', maxTokensField: 'max_tokens' });
    expect(plain.messages[0]).toEqual({ role: 'system', content: JSON_MODE_INSTRUCTION });
    expect(plain.messages).toHaveLength(2);
    const said = toOpenAIChatRequest({ ...base, messages: [{ role: 'user', content: 'answer in json' }] }, { label: 'OpenAI', maxTokensField: 'max_tokens' });
    expect(said.messages).toHaveLength(1);
  });
});
