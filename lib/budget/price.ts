/**
 * A model's price as admission and settlement use it: tokens, and for a media model its own
 * unit (characters of speech, seconds of audio, images), each at its own rate. A cost sums them.
 */
import type { MediaUnits } from '../db/tables/ledger';
import { tokenCostNano, type Nano } from './money';

export interface Price {
  inputPerM: number;
  outputPerM: number;
  /** Speech: USD per million characters of text. */
  perMChars?: number;
  /** Transcription: USD per minute of audio (metered in whole seconds). */
  perMinute?: number;
  /** Transcription: the shortest audio a request is billed for (Groq bills at least 10 s). */
  minSeconds?: number;
  /** Images: USD per image (of the size and quality the request's price variant named). */
  perImage?: number;
}

/** What a call is charged for: its tokens, and a media call's own units. */
export interface Metered {
  inputTokens: number;
  outputTokens: number;
  units?: MediaUnits;
}

/** Nano-USD, rounded up: `count` units at `usd` each, `per` units to the priced quantity. */
function unitCostNano(count: number | undefined, usd: number | undefined, per: number): Nano {
  if (!count || !usd) return 0;
  return Math.ceil((count * usd * 1e9) / per - 1e-6);
}

export function costNano(price: Price, usage: Metered): Nano {
  const units = usage.units;
  return (
    tokenCostNano(usage.inputTokens, price.inputPerM) +
    tokenCostNano(usage.outputTokens, price.outputPerM) +
    unitCostNano(units?.characters, price.perMChars, 1_000_000) +
    unitCostNano(units?.seconds && Math.max(units.seconds, price.minSeconds ?? 0), price.perMinute, 60) +
    unitCostNano(units?.images, price.perImage, 1)
  );
}
