/**
 * A site's scopes in plain words, for the approval window and the site lists. One line per
 * scope: a new scope (speech, transcription, images) adds its line here and its message in
 * public/_locales/en/messages.json.
 */
import { t, type MessageKey } from '../i18n/t';
import type { Scope } from '../protocol/scopes';

const WORDS: Readonly<Record<Scope, MessageKey>> = {
  chat: 'scope_chat',
  models: 'scope_models',
  embed: 'scope_embed',
  speech: 'scope_speech',
  transcription: 'scope_transcription',
  images: 'scope_images',
};

export function scopeInWords(scope: Scope): string {
  // A scope from a newer wallet's data that this one has no words for reads as its id.
  const key: MessageKey | undefined = WORDS[scope];
  return key ? t(key) : scope;
}

export function scopesInWords(scopes: readonly Scope[]): string[] {
  return scopes.map(scopeInWords);
}
