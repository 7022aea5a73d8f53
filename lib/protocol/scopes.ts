/**
 * The scopes a site or app can be granted, spelled once. Each capability's scope is also the
 * ledger kind its requests write (`models` lists models and writes nothing).
 * This file has no runtime imports: every realm may include it.
 */
export const SCOPES = ['chat', 'models', 'embed', 'speech', 'transcription', 'images'] as const;
export type Scope = (typeof SCOPES)[number];

/** The scopes served by a model of their own kind, each with its own default model in a grant. */
export const MEDIA_SCOPES = ['speech', 'transcription', 'images'] as const satisfies readonly Scope[];
export type MediaScope = (typeof MEDIA_SCOPES)[number];
