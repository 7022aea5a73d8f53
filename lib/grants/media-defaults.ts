/**
 * The default model of each media capability a grant has (`GrantRecord.defaults`): which models
 * can be one (those of the scope's kind, lib/providers/model-kind.ts), which one the approval
 * window starts with, and the check the worker runs on what the person picked. A request without
 * a `model` uses its scope's default, so a default must be an approved model of that kind.
 */
import { MEDIA_SCOPES, type MediaScope, type Scope } from '../protocol/scopes';
import { modelKind, type ModelKind } from '../providers/model-kind';

export type MediaDefaults = Partial<Record<MediaScope, string>>;

/** The model kind each media scope uses. */
export const MEDIA_KIND: Readonly<Record<MediaScope, ModelKind>> = { speech: 'speech', transcription: 'transcription', images: 'image' };

/** Started with when offered: OpenAI's standard model of each capability (the page API's documented defaults). */
const PREFERRED: Readonly<Record<MediaScope, string>> = { speech: 'tts-1', transcription: 'whisper-1', images: 'dall-e-3' };

export function isMediaScope(scope: Scope): scope is MediaScope {
  return (MEDIA_SCOPES as readonly Scope[]).includes(scope);
}

/** The media scopes among `scopes`, in their canonical order. */
export function mediaScopesOf(scopes: readonly Scope[]): MediaScope[] {
  return MEDIA_SCOPES.filter((s) => scopes.includes(s));
}

/** The models of `models` that can serve `scope`, in their order. */
export function defaultChoices(models: readonly string[], scope: MediaScope): string[] {
  return models.filter((m) => modelKind(m) === MEDIA_KIND[scope]);
}

/** The default to start with among `choices`: the preferred model when offered, else the first ('' for none). */
export function initialDefault(choices: readonly string[], scope: MediaScope): string {
  return choices.includes(PREFERRED[scope]) ? PREFERRED[scope] : (choices[0] ?? '');
}

/**
 * The defaults a grant of `scopes` and `models` gets: each media scope keeps the default `given`
 * (or `kept`) when it is still one of its choices, else starts with {@link initialDefault}; a
 * scope with no model of its kind has none. Scopes not granted have none.
 */
export function fillDefaults(scopes: readonly Scope[], models: readonly string[], given: MediaDefaults = {}, kept: MediaDefaults = {}): MediaDefaults {
  const out: MediaDefaults = {};
  for (const scope of mediaScopesOf(scopes)) {
    const choices = defaultChoices(models, scope);
    const wanted = [given[scope], kept[scope]].find((m) => m !== undefined && choices.includes(m));
    const model = wanted ?? initialDefault(choices, scope);
    if (model) out[scope] = model;
  }
  return out;
}

/**
 * What is wrong with defaults the person sent, or null: each must be for a granted media scope,
 * one of the approved models, and of that scope's kind. The message names the field.
 */
export function defaultsProblem(defaults: MediaDefaults, scopes: readonly Scope[], models: readonly string[]): { field: string; reason: string } | null {
  for (const [scope, model] of Object.entries(defaults) as [MediaScope, string | undefined][]) {
    if (model === undefined) continue;
    const field = `defaults.${scope}`;
    if (!scopes.includes(scope)) return { field, reason: 'the scope is not granted' };
    if (!models.includes(model)) return { field, reason: 'must be one of the approved models' };
    if (modelKind(model) !== MEDIA_KIND[scope]) return { field, reason: `'${model}' cannot serve ${scope}` };
  }
  return null;
}
