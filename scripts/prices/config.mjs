/** What the price scripts share: where the pinned catalog lives and which parts of it byok keeps. */
import { fileURLToPath } from 'node:url';

export const CATALOG_PATH = fileURLToPath(new URL('../../data/catalog/genai-prices.json', import.meta.url));
/** Models the pinned catalog does not have yet, or facts it does not carry (output caps), each with its source. */
export const ADDITIONS_PATH = fileURLToPath(new URL('../../data/catalog/additions.json', import.meta.url));
export const GENERATED_PATH = fileURLToPath(new URL('../../lib/budget/catalog.generated.ts', import.meta.url));

/** byok's preset id (lib/providers/presets.ts) -> the catalog's provider id. Keyless presets have none. */
export const PRESET_TO_CATALOG = {
  openai: 'openai',
  anthropic: 'anthropic',
  gemini: 'google',
  xai: 'x-ai',
  groq: 'groq',
  together: 'together',
  deepseek: 'deepseek',
  mistral: 'mistral',
  openrouter: 'openrouter',
};

/** OpenRouter lists hundreds of vendors; the pinned copy keeps the vendors byok's presets serve. */
export const OPENROUTER_VENDORS = ['anthropic', 'deepseek', 'google', 'meta-llama', 'mistralai', 'openai', 'qwen', 'x-ai'];

/** Token prices (per million) and the media units (audio tokens and hours, image tokens). */
export const TOKEN_KEYS = ['input_mtok', 'output_mtok'];
export const MEDIA_KEYS = ['input_audio_mtok', 'output_audio_mtok', 'audio_hours', 'input_audio_hours', 'input_image_mtok', 'output_image_mtok'];
export const KEPT_PRICE_KEYS = [...TOKEN_KEYS, ...MEDIA_KEYS];
