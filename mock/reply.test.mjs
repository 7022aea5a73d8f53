// Directives and reply plans, without HTTP.
import { describe, expect, it } from 'vitest';
import { parseDirectives } from './directives.mjs';
import { embed, embeddingInputs, toBase64 } from './embeddings.mjs';
import { maskKey } from './errors.mjs';
import { parseOpenAIMessages } from './openai-input.mjs';
import { parseAnthropicMessages } from './anthropic-input.mjs';
import { applyStop, planReply, splitPieces, splitWords } from './reply.mjs';
import { sampleFromSchema } from './schema.mjs';

/**
 * @param {string} userText
 * @param {Partial<import('./reply.mjs').ReplyRequest>} [overrides]
 * @returns {import('./reply.mjs').ReplyRequest}
 */
function request(userText, overrides = {}) {
  return {
    provider: 'openai',
    model: 'm',
    conversation: { userText, images: 0, toolResults: null, inputTokens: 1 },
    stop: [],
    maxTokens: null,
    jsonMode: false,
    tools: [],
    toolChoice: 'auto',
    ...overrides,
  };
}

describe('parseDirectives', () => {
  it('reads every directive and strips them from the text', () => {
    const found = parseDirectives('a [[chunks:3]] b [[delay:10]] [[burst]] [[hang]] [[error:429]] [[echo-key]] [[tool:f:{"x":[[1]]}]] [[image-tokens:48169]] [[output-tokens:50000]] c');
    expect(found).toEqual({ chunks: 3, delayMs: 10, burst: true, hang: true, errorStatus: 429, echoKey: true, tool: { name: 'f', arguments: '{"x":[[1]]}' }, imageTokens: 48_169, outputTokens: 50_000, text: 'a b c' });
  });

  it('takes [[tool:NAME]] as {} and keeps invalid JSON raw', () => {
    expect(parseDirectives('[[tool:ping]]').tool).toEqual({ name: 'ping', arguments: '{}' });
    expect(parseDirectives('[[tool:f:{oops]]').tool).toEqual({ name: 'f', arguments: '{oops' });
  });

  it('ignores malformed or out-of-range directives', () => {
    for (const text of ['[[error:200]]', '[[error:abc]]', '[[chunks:-1]]', '[[delay]]', '[[tool:', '[[unknown]]']) {
      const found = parseDirectives(text);
      expect(found).toMatchObject({ chunks: null, errorStatus: null, hang: false, tool: null });
    }
    expect(parseDirectives('[[delay:99999999]]').delayMs).toBe(60_000);
  });
});

describe('planReply', () => {
  it('plans the default reply word by word', () => {
    const plan = planReply(request('hi [[delay:5]]'));
    expect(plan).toMatchObject({ kind: 'reply', delayMs: 5, finish: 'end', tool: null });
    expect(plan.kind === 'reply' && plan.chunks.join('')).toBe('Hello from the mock openai (m). You said: hi');
  });

  it('lets errors win over everything else', () => {
    expect(planReply(request('[[error:503]] [[tool:x]] [[echo-key]]'))).toEqual({ kind: 'error', status: 503 });
    expect(planReply(request('[[echo-key]] [[chunks:3]]'))).toEqual({ kind: 'echo-key' });
  });

  it('honours tool_choice none, required and a named tool', () => {
    const tools = [
      { name: 'a', schema: { type: 'object' } },
      { name: 'b', schema: { type: 'object', properties: { n: { type: 'number' } }, required: ['n'] } },
    ];
    expect(planReply(request('[[tool:x]]', { toolChoice: 'none' }))).toMatchObject({ tool: null, finish: 'end' });
    expect(planReply(request('q', { tools, toolChoice: 'required' }))).toMatchObject({ tool: { name: 'a' }, finish: 'tool' });
    const named = planReply(request('q', { tools, toolChoice: { name: 'b' } }));
    expect(named.kind === 'reply' && JSON.parse(named.chunks.join(''))).toEqual({ n: 0 });
    expect(planReply(request('q', { tools }))).toMatchObject({ tool: null });
  });

  it('prefers the tool result over the tool directive', () => {
    const conversation = { userText: '[[tool:x]]', images: 0, toolResults: ['42'], inputTokens: 1 };
    const plan = planReply(request('', { conversation }));
    expect(plan.kind === 'reply' && plan.chunks.join('')).toBe('Tool said: 42');
  });

  it('applies stop before max tokens, and max tokens to tool arguments too', () => {
    const plan = planReply(request('[[chunks:6]]', { stop: ['w4'], maxTokens: 3 }));
    expect(plan).toMatchObject({ finish: 'length', chunks: ['w0 ', 'w1 ', 'w2 '], stopSequence: null });
    const stopped = planReply(request('[[chunks:6]]', { stop: ['1 w', 'w3'] }));
    expect(stopped).toMatchObject({ finish: 'stop', chunks: ['w0 ', 'w'], stopSequence: '1 w' });
    const tool = planReply(request('[[tool:f:{"a":"bbbbbbbbbbbbbbbbbbbb"}]]', { maxTokens: 1 }));
    expect(tool).toMatchObject({ finish: 'length', tool: { name: 'f' } });
    expect(tool.kind === 'reply' && tool.chunks).toHaveLength(1);
  });
});

describe('chunking helpers', () => {
  it('splits words with their trailing spaces', () => {
    expect(splitWords(' a  b\nc')).toEqual([' ', 'a  ', 'b\n', 'c']);
    expect(splitWords('')).toEqual([]);
  });

  it('splits arguments into at least two pieces that join back', () => {
    for (const json of ['{}', '{"a":1}', JSON.stringify({ long: 'x'.repeat(100), emoji: '😀😀' })]) {
      const pieces = splitPieces(json);
      expect(pieces.length).toBeGreaterThanOrEqual(2);
      expect(pieces.join('')).toBe(json);
    }
  });

  it('cuts inside a chunk at a stop sequence and ignores empty stop strings', () => {
    expect(applyStop(['ab', 'cd'], ['c'])).toEqual({ chunks: ['ab'], stopSequence: 'c' });
    expect(applyStop(['ab', 'cd'], ['b'])).toEqual({ chunks: ['a'], stopSequence: 'b' });
    expect(applyStop(['ab'], [''])).toEqual({ chunks: ['ab'], stopSequence: null });
  });
});

describe('input checks (hostile inputs)', () => {
  it.each([
    [undefined, 'messages'],
    [null, 'messages'],
    [[], 'messages'],
    [[null], 'messages[0]'],
    [[{ role: 'robot', content: 'x' }], 'messages[0].role'],
    [[{ role: 'user', content: 42 }], 'messages[0].content'],
    [[{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'javascript:alert(1)' } }] }], 'messages[0].content[0].image_url.url'],
    [[{ role: 'tool', tool_call_id: 'nope', content: 'x' }], 'messages[0].role'],
    [[{ role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '{}' } }] }, { role: 'user', content: 'x' }], 'messages[1].role'],
  ])('OpenAI rejects %j at %s', (messages, param) => {
    expect(parseOpenAIMessages(messages)).toMatchObject({ ok: false, param });
  });

  it.each([
    [[{ role: 'robot', content: 'x' }]],
    [[{ role: 'user', content: [{ type: 'image', source: { type: 'base64', media_type: 'image/bmp', data: 'AA==' } }] }]],
    [[{ role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_x', content: 'x' }] }]],
    [[{ role: 'user', content: [{ type: 'video' }] }]],
    [[{ role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'f', input: {} }] }, { role: 'user', content: 'no result' }]],
  ])('Anthropic rejects %j', (messages) => {
    expect(parseAnthropicMessages(undefined, messages).ok).toBe(false);
  });

  it('counts tokens: ceil(chars / 4) + 4 per message + 85 per image', () => {
    const parsed = parseOpenAIMessages([
      { role: 'system', content: 'abcd' },
      { role: 'user', content: [{ type: 'text', text: 'efgh' }, { type: 'image_url', image_url: { url: 'https://x.test/a.png' } }] },
    ]);
    expect(parsed).toMatchObject({ ok: true, value: { inputTokens: 2 + 8 + 85, images: 1, userText: 'efgh' } });
  });
});

describe('schema samples, embeddings, key masks', () => {
  it('samples required properties only, safely', () => {
    const schema = { type: 'object', properties: { s: { type: 'string' }, e: { enum: ['x', 'y'] }, o: { type: 'object', properties: { b: { type: 'boolean' } }, required: ['b'] }, skip: { type: 'string' } }, required: ['s', 'e', 'o', '__proto__'] };
    const sample = sampleFromSchema(schema);
    expect(sample).toEqual({ s: '', e: 'x', o: { b: false }, ['__proto__']: {} });
    expect(Object.getPrototypeOf(sample)).toBe(Object.prototype);
    expect(sampleFromSchema(null)).toEqual({});
  });

  it('embeds deterministically to unit float32 vectors', () => {
    const a = embed('hello');
    expect(a).toEqual(embed('hello'));
    expect(a).toHaveLength(8);
    expect(Math.hypot(...a)).toBeCloseTo(1, 5);
    expect(a.every((x) => Math.fround(x) === x)).toBe(true);
    const bytes = Buffer.from(toBase64(a), 'base64');
    expect(Array.from({ length: 8 }, (_, i) => bytes.readFloatLE(i * 4))).toEqual(a);
    expect(embed('x', 20)).toHaveLength(20);
    expect(embeddingInputs([1, 2])).toEqual(['[1,2]']);
    expect(embeddingInputs([])).toBeNull();
    expect(embeddingInputs([{}])).toBeNull();
  });

  it('masks keys like OpenAI', () => {
    expect(maskKey('sk-bad-key-xyz')).toBe('sk-b***xyz');
    expect(maskKey('short')).toBe('***');
  });
});
