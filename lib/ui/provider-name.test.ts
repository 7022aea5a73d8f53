import { describe, expect, it } from 'vitest';
import { providerName } from './provider-name';

describe('providerName', () => {
  it('names a preset by its label, an unknown provider in words, and anything else as it is', () => {
    expect(providerName('openai')).toBe('OpenAI');
    expect(providerName('anthropic')).toBe('Anthropic');
    expect(providerName('unknown')).toBe('Unknown provider');
    expect(providerName('my-proxy')).toBe('my-proxy');
  });
});
