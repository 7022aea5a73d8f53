import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { imageTokenBound, toolPromptBound, type ImageDetail } from './provider-bounds';
import { inputTokenBound } from './estimate';
import { ALL_CHARGES, PROVIDER_CHARGES, openaiTiles } from '../../tests/support/provider-billing';
import type { ChatRequest } from '../protocol/chat';

const details: ImageDetail[] = ['low', 'high', 'auto'];
const UNKNOWN = ['gemini-2.5-pro', 'llama-3.3-70b-versatile', 'gpt-6-astra', 'm', 'deepseek-v4-pro'];

describe('image bounds per model family', () => {
  it('gpt-4o-mini: a 768x2048 image bills 48,169 tokens, and the bound covers it', () => {
    expect(openaiTiles(2_833, 5_667)(768, 2048, 'high')).toBe(48_169);
    expect(imageTokenBound('gpt-4o-mini')).toBeGreaterThanOrEqual(48_169);
    expect(imageTokenBound('gpt-4o-mini-2024-07-18', 'high')).toBeGreaterThanOrEqual(48_169);
    expect(imageTokenBound('openai/gpt-4o-mini')).toBeGreaterThanOrEqual(48_169);
  });

  it.each([
    ['gpt-4o', 85 + 8 * 170],
    ['gpt-4.1', 85 + 8 * 170],
    ['o3', 75 + 8 * 150],
    ['gpt-5', 70 + 8 * 140],
    ['gpt-4.1-mini', Math.ceil(1536 * 1.62)],
    ['gpt-4.1-nano', Math.ceil(1536 * 2.46)],
    ['o4-mini', Math.ceil(1536 * 1.72)],
    ['claude-sonnet-4-5-20250929', 1_800],
    ['claude-opus-4-7', 5_400],
  ])('%s: the worst case after the provider\'s scaling is %i tokens', (model, tokens) => {
    expect(imageTokenBound(model)).toBe(tokens);
  });

  it('detail low is the fixed base on tile models, and changes nothing on patch models', () => {
    expect(imageTokenBound('gpt-4o-mini', 'low')).toBe(2_833);
    expect(imageTokenBound('gpt-4o', 'low')).toBe(85);
    expect(imageTokenBound('gpt-4.1-mini', 'low')).toBe(imageTokenBound('gpt-4.1-mini', 'high'));
  });

  it('a model of no known family gets the largest bound of any family', () => {
    for (const model of [...UNKNOWN, undefined]) {
      expect(imageTokenBound(model)).toBe(imageTokenBound('gpt-4o-mini'));
      for (const model2 of Object.keys(PROVIDER_CHARGES)) expect(imageTokenBound(model)).toBeGreaterThanOrEqual(imageTokenBound(model2));
    }
  });

  it('property: for any image size and detail, no published charge of the model exceeds its bound', () => {
    const models = Object.keys(PROVIDER_CHARGES);
    fc.assert(
      fc.property(
        fc.constantFrom(...models, ...UNKNOWN),
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 1, max: 20_000 }),
        fc.constantFrom(...details),
        (model, width, height, detail) => {
          const charges = PROVIDER_CHARGES[model] ?? ALL_CHARGES;
          for (const charge of charges) expect(charge(width, height, detail)).toBeLessThanOrEqual(imageTokenBound(model, detail));
        },
      ),
      { numRuns: 3_000 },
    );
  });

  it('the worst sizes of each rule are within the bound (the corners a random search may miss)', () => {
    const corners = [[768, 2048], [2048, 768], [1536, 2048], [1092, 1092], [784, 1568], [1568, 784], [1936, 1936], [1288, 2576], [1800, 2400], [1600, 1600], [5475, 5475], [8000, 8000], [1, 20_000], [513, 1025]];
    for (const [model, charges] of Object.entries(PROVIDER_CHARGES)) {
      for (const [w, h] of corners) for (const charge of charges) expect(charge(w!, h!, 'high'), `${model} ${w}x${h}`).toBeLessThanOrEqual(imageTokenBound(model));
    }
  });
});

describe('the tool-use system prompt', () => {
  it('is added for Anthropic models (the documented count, rounded up), and the largest for an unknown model', () => {
    expect(toolPromptBound('claude-3-opus-20240229')).toBeGreaterThanOrEqual(530);
    expect(toolPromptBound('claude-3-haiku-20240307')).toBeGreaterThanOrEqual(340);
    expect(toolPromptBound('claude-sonnet-4-5')).toBeGreaterThanOrEqual(346);
    expect(toolPromptBound('gpt-4o')).toBe(0);
    expect(toolPromptBound('some-new-model')).toBeGreaterThanOrEqual(toolPromptBound('claude-3-opus'));
  });
});

describe('inputTokenBound', () => {
  const images = (n: number): ChatRequest => ({
    messages: [{ role: 'user', content: [{ type: 'text', text: 'describe' }, ...Array.from({ length: n }, () => ({ type: 'image' as const, url: 'https://img.example/x.png' }))] }],
  });

  it('counts each image at the model\'s worst case: 8 images on gpt-4o-mini are at least 8 x 48,169 tokens', () => {
    expect(inputTokenBound(images(8), 'gpt-4o-mini')).toBeGreaterThanOrEqual(8 * 48_169);
    expect(inputTokenBound(images(8), 'gpt-4o')).toBeLessThan(inputTokenBound(images(8), 'gpt-4o-mini'));
    expect(inputTokenBound(images(1), undefined)).toBe(inputTokenBound(images(1), 'gpt-4o-mini'));
  });

  it("adds the provider's tool prompt when the request has tools", () => {
    const withTools: ChatRequest = { messages: [{ role: 'user', content: 'hi' }], tools: [{ name: 't', parameters: { type: 'object' } }] };
    const claude = inputTokenBound(withTools, 'claude-sonnet-4-5');
    const openai = inputTokenBound(withTools, 'gpt-4o');
    expect(claude - openai).toBe(toolPromptBound('claude-sonnet-4-5'));
  });
});
