/**
 * Names and limits of the local-apps channel that both sides need: the wallet (lib/apps) and the
 * host (bridge/src), which bundles this file and must not pull in zod.
 */

/** The native-messaging host's registered name (its manifest's `name`). */
export const BRIDGE_HOST_NAME = 'dev.byok.bridge';

/** What a local app may be called: its grant origin is `app:NAME`. */
export const APP_NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,63}$/;

/** What a local app may be granted (`connect --scopes`): every capability a site may have. */
export const APP_SCOPES = ['chat', 'models', 'embed', 'speech', 'transcription', 'images'] as const;
export type AppScope = (typeof APP_SCOPES)[number];
/** What an app asks for without `--scopes`: what coding agents and most tools use. */
export const DEFAULT_APP_SCOPES: readonly AppScope[] = ['chat', 'models', 'embed'];

/** The grant origin's scheme for local apps, e.g. `app:claude-code`. */
export const APP_ORIGIN_PREFIX = 'app:';

/** Chromium refuses a host -> browser message over 1 MB: the host splits bigger ones into parts of this many characters. */
export const PART_CHARS = 128 * 1024;

/** The largest message the wallet reassembles from parts (a request body is at most 32 MB). */
export const MAX_ASSEMBLED_CHARS = 40 * 1024 * 1024;

/** The largest request body the endpoint reads. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

/** The port the wallet asks the host for first; a busy one falls back to any free port. */
export const DEFAULT_BRIDGE_PORT = 47_390;
