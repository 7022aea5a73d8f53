/**
 * What providers bill for one image of a given size, by their published formulas (the sources
 * are in ./provider-bounds.ts). Written apart from the bounds table, so the tests compare the
 * table with the providers' own rules rather than with itself.
 */
import type { ImageDetail } from '../../lib/budget/provider-bounds';

type Charge = (width: number, height: number, detail: ImageDetail) => number;

/** OpenAI tiles: fit in 2048x2048, shortest side down to 768, `base` + `tile` per 512 px tile. */
export function openaiTiles(base: number, tile: number): Charge {
  return (width, height, detail) => {
    if (detail === 'low') return base;
    let w = width;
    let h = height;
    const fit = Math.min(1, 2048 / Math.max(w, h));
    w = Math.round(w * fit);
    h = Math.round(h * fit);
    const shorten = Math.min(1, 768 / Math.min(w, h));
    w = Math.round(w * shorten);
    h = Math.round(h * shorten);
    return base + tile * Math.ceil(w / 512) * Math.ceil(h / 512);
  };
}

/**
 * OpenAI patches: 32 px patches; above `cap`, the image is scaled down to fit `cap` patches and
 * then to a whole number of patches across; the count (at most `cap`) times `multiplier`.
 */
export function openaiPatches(cap: number, multiplier: number, maxSide = Infinity): Charge {
  return (width, height) => {
    const side = Math.min(1, maxSide / Math.max(width, height));
    let w = width * side;
    let h = height * side;
    let patches = Math.ceil(w / 32) * Math.ceil(h / 32);
    if (patches > cap) {
      const shrink = Math.sqrt((cap * 32 * 32) / (w * h));
      w *= shrink;
      h *= shrink;
      const across = w / 32;
      const whole = Math.floor(across) / across;
      w *= whole;
      h *= whole;
      patches = Math.ceil(w / 32) * Math.ceil(h / 32);
    }
    return Math.ceil(Math.min(patches, cap) * multiplier);
  };
}

/** gpt-5.6 at `auto` (= `original`): the image as is; above 30,000 patches it is refused (nothing billed). */
export function openaiOriginalNoResize(cap: number, multiplier: number): Charge {
  return (width, height) => {
    const patches = Math.ceil(width / 32) * Math.ceil(height / 32);
    return patches > cap ? 0 : Math.ceil(patches * multiplier);
  };
}

/**
 * Anthropic: scaled down to fit `maxEdge` on the long side and `maxPixels` in all, padded to a
 * multiple of 28 px each way; the larger of width*height/750 and one token per 28 px patch.
 */
export function anthropicPixels(maxEdge: number, maxPixels: number): Charge {
  return (width, height) => {
    const scale = Math.min(1, maxEdge / Math.max(width, height), Math.sqrt(maxPixels / (width * height)));
    const w = Math.ceil(Math.max(1, Math.floor(width * scale)) / 28) * 28;
    const h = Math.ceil(Math.max(1, Math.floor(height * scale)) / 28) * 28;
    return Math.max(Math.ceil((w * h) / 750), (w / 28) * (h / 28));
  };
}

const upTo46 = anthropicPixels(1568, 1_230_000);
const highRes = anthropicPixels(2576, 3_800_000);

/** Each model's published image charge (every formula that may apply to it). */
export const PROVIDER_CHARGES: Readonly<Record<string, readonly Charge[]>> = {
  'gpt-4o-mini': [openaiTiles(2_833, 5_667)],
  'gpt-4o-mini-2024-07-18': [openaiTiles(2_833, 5_667)],
  'gpt-4o': [openaiTiles(85, 170)],
  'chatgpt-4o-latest': [openaiTiles(85, 170)],
  'gpt-4.1': [openaiTiles(85, 170)],
  'gpt-4-turbo': [openaiTiles(85, 170)],
  'gpt-4.1-mini': [openaiPatches(1_536, 1.62)],
  'gpt-4.1-nano': [openaiPatches(1_536, 2.46)],
  'o4-mini': [openaiPatches(1_536, 1.72)],
  o1: [openaiTiles(75, 150)],
  o3: [openaiTiles(75, 150)],
  'gpt-5': [openaiTiles(70, 140)],
  'gpt-5-mini': [openaiPatches(1_536, 1.62), openaiPatches(1_536, 1.2)],
  'gpt-5-nano': [openaiPatches(1_536, 2.46), openaiPatches(1_536, 1.5)],
  'gpt-5.2': [openaiPatches(2_500, 1.2), openaiTiles(70, 140)],
  'gpt-5.4-mini': [openaiPatches(1_536, 1.62), openaiPatches(2_500, 1.2)],
  'gpt-5.4-nano': [openaiPatches(1_536, 2.46), openaiPatches(2_500, 1.2)],
  'gpt-5.4': [openaiPatches(2_500, 1.2, 2048), openaiPatches(10_000, 1.2, 6000)],
  'gpt-5.5': [openaiPatches(2_500, 1.2, 2048), openaiPatches(10_000, 1.2, 6000)],
  'gpt-5.6-terra': [openaiPatches(2_500, 1.2, 2048), openaiOriginalNoResize(30_000, 1.2)],
  'openai/gpt-4o-mini': [openaiTiles(2_833, 5_667)],
  'claude-3-opus-20240229': [upTo46],
  'claude-3-5-sonnet-20241022': [upTo46],
  'anthropic/claude-3.5-haiku': [upTo46],
  'claude-sonnet-4-5-20250929': [upTo46],
  'claude-opus-4-6': [upTo46],
  'claude-opus-4-7': [highRes],
  'claude-sonnet-5': [highRes],
};

/** Every formula above: what a model of no known family might be billed by. */
export const ALL_CHARGES: readonly Charge[] = Object.values(PROVIDER_CHARGES).flat();
