import { describe, expect, it } from 'vitest';
import { defaultModelChoices, preselectModels } from './preselect';

const OFFERED = ['gpt-4o-mini', 'gpt-4o', 'text-embedding-3-small', 'claude-haiku-4-5'];

describe('preselectModels: only what serves the asked-for scopes is ticked', () => {
  it('ticks the chat models for chat, not the embedding model', () => {
    expect(preselectModels(OFFERED, ['chat', 'models'], null)).toEqual(['gpt-4o-mini', 'gpt-4o', 'claude-haiku-4-5']);
  });

  it('ticks the embedding model for embed', () => {
    expect(preselectModels(OFFERED, ['embed'], null)).toEqual(['text-embedding-3-small']);
  });

  it('ticks both kinds for chat and embed', () => {
    expect(preselectModels(OFFERED, ['chat', 'embed'], null)).toEqual(OFFERED);
  });

  it('ticks chat models for a site that only lists models', () => {
    expect(preselectModels(OFFERED, ['models'], null)).toEqual(['gpt-4o-mini', 'gpt-4o', 'claude-haiku-4-5']);
  });

  it('ticks the models a site named, whatever their kind', () => {
    expect(preselectModels(OFFERED, ['chat'], ['text-embedding-3-small', 'gpt-4o'])).toEqual(['gpt-4o', 'text-embedding-3-small']);
  });
});

describe('defaultModelChoices', () => {
  it('offers the ticked chat models when the site chats', () => {
    expect(defaultModelChoices(['gpt-4o-mini', 'text-embedding-3-small'], ['chat', 'embed'])).toEqual(['gpt-4o-mini']);
  });

  it('offers every ticked model without the chat scope', () => {
    expect(defaultModelChoices(['text-embedding-3-small'], ['embed'])).toEqual(['text-embedding-3-small']);
  });

  it('falls back to every ticked model when none of them chats', () => {
    expect(defaultModelChoices(['text-embedding-3-small'], ['chat'])).toEqual(['text-embedding-3-small']);
  });
});
