// @ts-check
/**
 * The model lists, in OpenAI's (https://platform.openai.com/docs/api-reference/models/list) and
 * Anthropic's (https://docs.anthropic.com/en/api/models-list) formats.
 */

/** @typedef {{ id: string, created: number, owned_by: string }} OpenAIModel */

/** @type {OpenAIModel[]} */
export const OPENAI_MODELS = [
  { id: 'gpt-4o-mini', created: 1721172741, owned_by: 'system' },
  { id: 'gpt-4o', created: 1715367049, owned_by: 'system' },
  { id: 'text-embedding-3-small', created: 1705948997, owned_by: 'system' },
  { id: 'tts-1', created: 1681940951, owned_by: 'openai-internal' },
  { id: 'tts-1-hd', created: 1699046015, owned_by: 'system' },
  { id: 'gpt-4o-mini-tts', created: 1742403959, owned_by: 'system' },
  { id: 'whisper-1', created: 1677532384, owned_by: 'openai-internal' },
  { id: 'gpt-4o-transcribe', created: 1742068463, owned_by: 'system' },
  { id: 'gpt-4o-mini-transcribe', created: 1742068596, owned_by: 'system' },
  { id: 'dall-e-3', created: 1698785189, owned_by: 'system' },
  { id: 'gpt-image-1', created: 1745517030, owned_by: 'system' },
];

/** @type {OpenAIModel[]} what a local Ollama / LM Studio endpoint lists */
export const LOCAL_MODELS = [
  { id: 'llama3.2', created: 1727222400, owned_by: 'library' },
  { id: 'qwen2.5', created: 1726444800, owned_by: 'library' },
];

export const ANTHROPIC_MODELS = [
  { id: 'claude-sonnet-4-5', display_name: 'Claude Sonnet 4.5', created_at: '2025-09-29T00:00:00Z' },
  { id: 'claude-haiku-4-5', display_name: 'Claude Haiku 4.5', created_at: '2025-10-15T00:00:00Z' },
];

/**
 * `GET /v1/models`, OpenAI style.
 * @param {OpenAIModel[]} models
 */
export function openaiModelList(models) {
  return { object: 'list', data: models.map((m) => ({ id: m.id, object: 'model', created: m.created, owned_by: m.owned_by })) };
}

/** `GET /v1/models`, Anthropic style (one page holds them all). */
export function anthropicModelList() {
  const data = ANTHROPIC_MODELS.map((m) => ({ type: 'model', ...m }));
  return { data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null };
}
