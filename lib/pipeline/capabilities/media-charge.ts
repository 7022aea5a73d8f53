/** What the media capabilities share: their count from the metered units, and a cut-short call's charge. */
import type { Metered } from '../../budget/price';
import type { MediaUnits } from '../../db/tables/ledger';
import type { Usage } from '../../protocol/chat';
import type { Bound, Counted, CutShort } from '../capability';

const NOTHING: Metered = { inputTokens: 0, outputTokens: 0 };

/**
 * After the call: what the provider billed, where it reported tokens (gpt-image-1, gpt-4o-transcribe);
 * else the metered units at their rates (the bound's estimate). The ledger records `units` either way.
 */
export function countMedia(bound: Bound<unknown>, usage: Usage | null, units: MediaUnits): Counted {
  if (usage) return { billed: usage, counted: usage, units };
  return { billed: null, counted: bound.estimate ?? { ...NOTHING, units }, units };
}

/**
 * A media call that failed once admitted. Never sent (the upload was stopped before it left):
 * nothing. Refused by the provider (an error status): nothing, a refused request is not billed.
 * Sent, then aborted, timed out or cut off: the provider may bill it whole (an aborted speech is
 * billed the characters sent), so its metered units are charged, within the reservation.
 */
export function cutShortMedia(bound: Bound<unknown>, how: CutShort): Counted {
  if (!how.sent || how.providerRefused) return { billed: null, counted: NOTHING };
  return { billed: null, counted: bound.estimate ?? { ...NOTHING, ...(bound.units ? { units: bound.units } : {}) }, ...(bound.units ? { units: bound.units } : {}) };
}

const encoder = new TextEncoder();
/** UTF-8 bytes: a byte-level tokenizer's tokens each cover at least one, so bytes bound tokens. */
export const utf8Bytes = (s: string | undefined): number => (s ? encoder.encode(s).length : 0);

/** Whether the provider bills this model by tokens (its price has token rates). */
export const tokenBilled = (price: { inputPerM: number; outputPerM: number }): boolean => price.inputPerM > 0 || price.outputPerM > 0;
