/** The per-key part of a daily rollup row (lib/db/tables/rollups.ts), added up at settlement. */
import type { RollupRecord } from '../db/tables/rollups';

/**
 * `rolled` (the row with this settlement counted) with `cost` and one request added to `keyId`'s
 * totals, starting from what `before` held. An entry with no key (refused before a key was chosen)
 * adds nothing per key.
 */
export function withKeySpend(rolled: RollupRecord, before: RollupRecord | undefined, keyId: string | undefined, cost: number): RollupRecord {
  const keys = before?.keys;
  if (!keyId) return keys ? { ...rolled, keys } : rolled;
  const prior = keys && Object.hasOwn(keys, keyId) ? keys[keyId] : undefined;
  return { ...rolled, keys: { ...keys, [keyId]: { costNano: (prior?.costNano ?? 0) + cost, requests: (prior?.requests ?? 0) + 1 } } };
}
