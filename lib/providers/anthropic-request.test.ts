import { describe, expect, it } from 'vitest';
import { toAnthropicRequest } from './anthropic-request';
import type { ResolvedChatRequest } from './types';

const base = { model: 'claude-sonnet-5-5', maxTokens: 512 };

describe('toAnthropicRequest', () => {
  it('maps the full intent: system on top, merged turns, images, tools, tool results', () => {
    const req: ResolvedChatRequest = {
      ...base,
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'system', content: [{ type: 'text', text: 'Answer in French.' }] },
        { role: 'user', content: [{ type: 'text', text: 'Compare these.' }, { type: 'image', url: 'data:image/png;base64,iVBORw0KGgo=' }] },
        { role: 'user', content: [{ type: 'image', url: 'https://example.com/cat.jpg' }] },
        { role: 'assistant', content: 'Checking.', toolCalls: [{ id: 'toolu_1', name: 'lookup', arguments: { q: 'cat' } }, { id: 'toolu_2', name: 'lookup', arguments: { q: 'dog' } }] },
        { role: 'tool', toolCallId: 'toolu_1', content: 'a cat' },
        { role: 'tool', toolCallId: 'toolu_2', content: [{ type: 'text', text: 'a dog' }, { type: 'image', url: 'https://example.com/dog.png' }] },
        { role: 'user', content: 'And?' },
        { role: 'system', content: 'Now answer in English.' },
        { role: 'assistant', content: '' },
        { role: 'user', content: 'Go on.' },
      ],
      tools: [{ name: 'lookup', description: 'Find things', parameters: { type: 'object', properties: { q: { type: 'string' } }, required: ['q'] } }],
      toolChoice: 'required',
      responseFormat: { type: 'json_schema', name: 'verdict', schema: { type: 'object', properties: { same: { type: 'boolean' } }, required: ['same'], additionalProperties: false } },
      stop: ['\n\nHuman:'],
    };
    const { body, jsonTool } = toAnthropicRequest(req, 'Anthropic');
    expect(jsonTool).toBe(false);
    expect(body).toEqual({
      model: 'claude-sonnet-5-5',
      max_tokens: 512,
      stream: true,
      system: 'You are terse.\n\nAnswer in French.',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Compare these.' },
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } },
            { type: 'image', source: { type: 'url', url: 'https://example.com/cat.jpg' } },
          ],
        },
        {
          role: 'assistant',
          content: [
            { type: 'text', text: 'Checking.' },
            { type: 'tool_use', id: 'toolu_1', name: 'lookup', input: { q: 'cat' } },
            { type: 'tool_use', id: 'toolu_2', name: 'lookup', input: { q: 'dog' } },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'toolu_1', content: 'a cat' },
            {
              type: 'tool_result',
              tool_use_id: 'toolu_2',
              content: [
                { type: 'text', text: 'a dog' },
                { type: 'image', source: { type: 'url', url: 'https://example.com/dog.png' } },
              ],
            },
            { type: 'text', text: 'And?' },
          ],
        },
        { role: 'system', content: 'Now answer in English.' },
        { role: 'user', content: [{ type: 'text', text: 'Go on.' }] },
      ],
      tools: [{ name: 'lookup', description: 'Find things', input_schema: { type: 'object', properties: { q: { type: 'string' } }, required: ['q'] } }],
      tool_choice: { type: 'any' },
      output_config: { format: { type: 'json_schema', schema: { type: 'object', properties: { same: { type: 'boolean' } }, required: ['same'], additionalProperties: false } } },
      stop_sequences: ['\n\nHuman:'],
    });
  });

  it.each([
    ['auto', { type: 'auto' }],
    ['none', { type: 'none' }],
    ['required', { type: 'any' }],
    [{ name: 'f' }, { type: 'tool', name: 'f' }],
  ] as const)('maps toolChoice %j', (choice, wire) => {
    const { body } = toAnthropicRequest({ ...base, messages: [{ role: 'user', content: 'x' }], tools: [{ name: 'f', parameters: { type: 'object' } }], toolChoice: choice }, 'Anthropic');
    expect(body.tool_choice).toEqual(wire);
  });

  it('puts tool results first when a user message came before them in the same turn', () => {
    const { body } = toAnthropicRequest(
      {
        ...base,
        messages: [
          { role: 'assistant', content: null, toolCalls: [{ id: 't1', name: 'f', arguments: {} }] },
          { role: 'user', content: 'also this' },
          { role: 'tool', toolCallId: 't1', content: '' },
        ],
      },
      'Anthropic',
    );
    expect(body.messages[1]).toEqual({ role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1' }, { type: 'text', text: 'also this' }] });
  });

  it('refuses an image in a system message with 4200 naming the field', () => {
    expect(() =>
      toAnthropicRequest({ ...base, messages: [{ role: 'system', content: [{ type: 'image', url: 'https://x.test/a.png' }] }, { role: 'user', content: 'x' }] }, 'Anthropic'),
    ).toThrow('Anthropic does not support images in system messages (messages[0].content[0])');
  });
});
