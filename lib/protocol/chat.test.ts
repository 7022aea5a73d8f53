import { describe, expect, it } from 'vitest';
import { ChatRequest } from './chat';
import { parseOrThrow } from './validate';

describe('ChatRequest', () => {
  it('names the bad field', () => {
    expect(() => parseOrThrow(ChatRequest, { messages: [{ role: 'wizard', content: 'x' }] }, 'params')).toThrow(
      /params\.messages\[0\]\.role/,
    );
    expect(() => parseOrThrow(ChatRequest, { messages: [{ role: 'user', content: 'x' }], bogus: 1 }, 'params')).toThrow(
      'Invalid request: params.bogus: unknown field',
    );
  });
  it('accepts the full intent', () => {
    const req = parseOrThrow(ChatRequest, {
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'user', content: [{ type: 'text', text: 'hi' }, { type: 'image', url: 'data:image/png;base64,AAAA' }] },
        { role: 'assistant', content: null, toolCalls: [{ id: 'c1', name: 'f', arguments: { a: 1 } }] },
        { role: 'tool', toolCallId: 'c1', content: '42' },
      ],
      tools: [{ name: 'f', parameters: { type: 'object' } }],
      toolChoice: { name: 'f' },
      responseFormat: { type: 'json' },
      stop: ['x'],
      topP: 0.5,
      seed: 3,
    });
    expect(req.messages).toHaveLength(4);
  });
});
