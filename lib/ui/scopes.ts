/**
 * A site's scopes in plain words, for the approval window and the site lists. One line per
 * scope: a new scope (speech, transcription, images) adds its line here and nowhere else.
 */
import type { Scope } from '../protocol/scopes';

const WORDS: Readonly<Record<Scope, string>> = {
  chat: 'chat with AI models',
  models: 'list the models you allow',
  embed: 'create embeddings (text → vectors)',
  speech: 'turn text into speech',
  transcription: 'transcribe audio',
  images: 'create images',
};

export function scopeInWords(scope: Scope): string {
  return WORDS[scope] ?? scope;
}

export function scopesInWords(scopes: readonly Scope[]): string[] {
  return scopes.map(scopeInWords);
}
