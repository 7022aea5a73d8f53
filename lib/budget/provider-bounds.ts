/**
 * The most a provider can bill for the parts of a request that are not text: an image, and the
 * system prompt a provider adds when a request has tools. The wallet never downloads an image,
 * so an image's bound is the provider's worst case over every image size, after the provider's
 * own scaling. docs/BUDGETS.md explains each rule; the unit tests check each bound against the
 * provider's formula.
 *
 * Sources (read 2026-11):
 * - OpenAI, "Images and vision", Calculating costs and Model sizing behavior:
 *   https://developers.openai.com/api/docs/guides/images-vision
 * - Anthropic, "Images and vision", Evaluate image size:
 *   https://platform.claude.com/docs/en/build-with-claude/vision
 * - Anthropic, "Tool use", Pricing (tool use system prompt token count):
 *   https://platform.claude.com/docs/en/agents-and-tools/tool-use/overview#pricing
 */

/** OpenAI's `detail`; the wallet sends none, which the provider reads as `auto` (it may pick high). */
export type ImageDetail = 'low' | 'high' | 'auto';

export type ImageRule =
  /** Fit in 2048x2048, then shortest side at most 768; `base` + `tile` per 512 px tile; `low` is `base`. */
  | { kind: 'tiles'; base: number; tile: number }
  /** 32 px patches, the image scaled down to at most `maxPatches`, times `multiplier`; `detail` changes nothing. */
  | { kind: 'patches'; maxPatches: number; multiplier: number }
  /** Anthropic: about width*height/750, the image scaled down to at most `maxTokens`. */
  | { kind: 'pixels'; maxTokens: number };

interface Family {
  name: string;
  match: RegExp;
  image: ImageRule;
  /** Tokens of the system prompt the provider adds when the request has tools (Anthropic). */
  toolPrompt?: number;
}

/** After fitting 2048x2048 and a shortest side of at most 768: 2 x 4 tiles of 512 px. */
export const MAX_TILES = Math.ceil(768 / 512) * Math.ceil(2048 / 512);

// Anthropic's tool-use prompt, by tool choice (auto/none, any/tool), rounded up: Claude 3 Opus
// 530/281; Claude 3 Haiku and 3.5 Haiku 264/340; Claude 3.5 Sonnet up to Claude 4.6 346/313.
// Newer models have no published figure: 1,000, above every published one.
const claudeTools = { opus3: 550, haiku3: 350, sonnet35to46: 350, newer: 1_000 };
// Claude up to 4.6: at most 1568 px on the long edge and ~1.2 MP (~1,600 tokens; the docs' 1:2
// maximum, 784x1568, is 1,639), then padded to multiples of 28 px: below 1,800. Opus 4.7 and
// later: 2576 px and ~3.75 MP (~5,000), padded: below 5,400.
const claudeUpTo46: ImageRule = { kind: 'pixels', maxTokens: 1_800 };
const claudeHighRes: ImageRule = { kind: 'pixels', maxTokens: 5_400 };

/**
 * First match wins; a model id is matched without an OpenRouter `vendor/` prefix and with dots
 * between digits read as dashes (`claude-3.5-sonnet` is `claude-3-5-sonnet`).
 */
const FAMILIES: readonly Family[] = [
  // OpenAI, patch-based. The documented multipliers (1.62, 2.46, 1.72) are the highest reported.
  { name: 'gpt-4.1-mini, gpt-5-mini', match: /^gpt-(4-1|5)-mini\b/, image: { kind: 'patches', maxPatches: 1_536, multiplier: 1.62 } },
  { name: 'gpt-4.1-nano, gpt-5-nano', match: /^gpt-(4-1|5)-nano\b/, image: { kind: 'patches', maxPatches: 1_536, multiplier: 2.46 } },
  { name: 'o4-mini, codex-mini', match: /^(o4-mini|codex-mini)\b/, image: { kind: 'patches', maxPatches: 1_536, multiplier: 1.72 } },
  // gpt-5.4 mini/nano: documented as 1,536 patches, billed as up to 2,500; the higher multiplier.
  { name: 'gpt-5.4-mini, gpt-5.4-nano', match: /^gpt-5-4-(mini|nano)\b/, image: { kind: 'patches', maxPatches: 2_500, multiplier: 2.46 } },
  // gpt-5.4 and 5.5: `original` detail, up to 10,000 patches; gpt-5.6: `auto` is `original`, up to 30,000.
  { name: 'gpt-5.4, gpt-5.5', match: /^gpt-5-[45]\b/, image: { kind: 'patches', maxPatches: 10_000, multiplier: 1.2 } },
  { name: 'gpt-5.6', match: /^gpt-5-6\b/, image: { kind: 'patches', maxPatches: 30_000, multiplier: 1.2 } },
  // gpt-5.1 to 5.3 are reported billed as patches x 1.2 (up to 2,500); gpt-5 itself as 70 + 140 a tile.
  { name: 'gpt-5.1 to gpt-5.3', match: /^gpt-5-[123]\b/, image: { kind: 'patches', maxPatches: 2_500, multiplier: 1.2 } },
  // OpenAI, tile-based.
  { name: 'gpt-4o-mini', match: /^gpt-4o-mini\b/, image: { kind: 'tiles', base: 2_833, tile: 5_667 } },
  { name: 'gpt-5', match: /^gpt-5(-chat|-pro)?(-latest|-\d{4}-\d{2}-\d{2})?$/, image: { kind: 'tiles', base: 70, tile: 140 } },
  { name: 'gpt-4o, gpt-4.1, gpt-4.5, gpt-4-turbo', match: /^(chatgpt-4o|gpt-4o|gpt-4-1|gpt-4-5|gpt-4-turbo|gpt-4-vision)\b/, image: { kind: 'tiles', base: 85, tile: 170 } },
  { name: 'o1, o3', match: /^o[13]\b/, image: { kind: 'tiles', base: 75, tile: 150 } },
  // Anthropic.
  { name: 'Claude 3 Opus', match: /^claude-3-opus\b/, image: claudeUpTo46, toolPrompt: claudeTools.opus3 },
  { name: 'Claude 3 Haiku, 3.5 Haiku', match: /^claude-3(-5)?-haiku\b/, image: claudeUpTo46, toolPrompt: claudeTools.haiku3 },
  { name: 'Claude 3.x', match: /^claude-3-/, image: claudeUpTo46, toolPrompt: claudeTools.sonnet35to46 },
  { name: 'Claude 4 to 4.6', match: /^claude-(opus|sonnet|haiku)-4(-[0-6])?(-\d{8}|-latest)?$/, image: claudeUpTo46, toolPrompt: claudeTools.sonnet35to46 },
  { name: 'Claude, newer', match: /^claude-/, image: claudeHighRes, toolPrompt: claudeTools.newer },
];

/** The most `rule` can bill for one image at `detail`. */
export function ruleBound(rule: ImageRule, detail: ImageDetail = 'auto'): number {
  switch (rule.kind) {
    case 'tiles':
      return detail === 'low' ? rule.base : rule.base + MAX_TILES * rule.tile;
    case 'patches':
      return Math.ceil(rule.maxPatches * rule.multiplier);
    case 'pixels':
      return rule.maxTokens;
  }
}

/** The same id for `openai/gpt-4.1-mini`, `gpt-4.1-mini` and `GPT-4.1-MINI`. */
function normalized(model: string): string {
  const id = model.toLowerCase();
  const slash = id.lastIndexOf('/');
  return (slash >= 0 ? id.slice(slash + 1) : id).replace(/(\d)\.(\d)/g, '$1-$2');
}

function familyOf(model: string): Family | undefined {
  const id = normalized(model);
  return FAMILIES.find((f) => f.match.test(id));
}

/** A model of no known family: the largest bound of any family (gpt-4o-mini's 48,169 today). */
const UNKNOWN_IMAGE = Math.max(...FAMILIES.map((f) => ruleBound(f.image, 'high')));
const UNKNOWN_TOOL_PROMPT = Math.max(...FAMILIES.map((f) => f.toolPrompt ?? 0));

/** The most the provider of `model` can bill for one image, whatever its size. */
export function imageTokenBound(model: string | undefined, detail: ImageDetail = 'auto'): number {
  const family = model === undefined ? undefined : familyOf(model);
  return family ? ruleBound(family.image, detail) : UNKNOWN_IMAGE;
}

/** The tokens the provider of `model` adds when a request has tools (beyond their definitions). */
export function toolPromptBound(model: string | undefined): number {
  const family = model === undefined ? undefined : familyOf(model);
  return family ? (family.toolPrompt ?? 0) : UNKNOWN_TOOL_PROMPT;
}

/** The family's rule of `model`, or undefined (for tests and docs). */
export function imageRuleOf(model: string): ImageRule | undefined {
  return familyOf(model)?.image;
}
