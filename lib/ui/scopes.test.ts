import { describe, expect, it } from 'vitest';
import { scopeInWords, scopesInWords } from './scopes';

describe('scopes in plain words', () => {
  it('says what each scope lets a site do', () => {
    expect(scopeInWords('chat')).toBe('chat with AI models');
    expect(scopeInWords('models')).toBe('list the models you allow');
    expect(scopeInWords('embed')).toBe('create embeddings (text → vectors)');
  });

  it('keeps the order the site asked in', () => {
    expect(scopesInWords(['embed', 'chat'])).toEqual(['create embeddings (text → vectors)', 'chat with AI models']);
  });
});
