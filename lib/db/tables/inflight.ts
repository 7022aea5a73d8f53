/**
 * Requests in flight: a pending entry lives here from before the call until its settlement
 * moves it into the ledger. A small store without indexes, so the write each request waits for
 * costs the same whatever the size of the ledger.
 */
import type { LedgerEntry } from './ledger';

export const inflightV1 = 'id';

export interface InflightEntry extends LedgerEntry {
  status: 'pending';
  /** The model's price when the request was admitted (a media model's own rates too): what recovery charges at. */
  price: { inputPerM: number; outputPerM: number; perMChars?: number; perMinute?: number; minSeconds?: number; perImage?: number };
  /** Characters streamed so far, checkpointed so a killed worker can still charge fairly. */
  streamedChars?: number;
}
