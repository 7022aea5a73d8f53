/**
 * Which offered models the approval window ticks at first (a contract tests outside rely on):
 * the models a site named, or else only those that serve the scopes it asked for — a chat model
 * for `chat`, an embedding model for `embed`. Everything else is offered unticked, so approving
 * as shown never grants more kinds of model than the site can use.
 */
import type { Scope } from '../db/tables/grants';
import { modelKind, type ModelKind } from '../providers/model-kind';

/** The kind of model a scope uses; `models` (listing) uses none of its own. */
const SCOPE_KIND: Readonly<Record<Scope, ModelKind | null>> = { chat: 'chat', embed: 'embedding', models: null, speech: 'speech', transcription: 'transcription', images: 'image' };

export function preselectModels(offered: readonly string[], scopes: readonly Scope[], requested: readonly string[] | null): string[] {
  if (requested) return offered.filter((m) => requested.includes(m));
  const kinds = new Set(scopes.map((s) => SCOPE_KIND[s]).filter((k) => k !== null));
  // A site that only lists models gets the chat models ticked: what a model list is usually for.
  if (kinds.size === 0) kinds.add('chat');
  return offered.filter((m) => kinds.has(modelKind(m)));
}

/** The default-model choices: the ticked chat models when the site chats, else every ticked model. */
export function defaultModelChoices(ticked: readonly string[], scopes: readonly Scope[]): string[] {
  if (!scopes.includes('chat')) return [...ticked];
  const chat = ticked.filter((m) => modelKind(m) === 'chat');
  return chat.length > 0 ? chat : [...ticked];
}
