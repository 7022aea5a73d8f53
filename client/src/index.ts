/**
 * @byok/client: what app builders install to use the byok wallet (client/README.md).
 * Core (discovery, errors, connect / chat sugar), `byokFetch` for the OpenAI and Anthropic SDKs,
 * and a Prompt-API-shaped `LanguageModel`.
 */
export * from './core.js';
export { byokFetch, createByokFetch, type ByokFetchOptions, type FetchLike } from './fetch.js';
export * from './language-model.js';
