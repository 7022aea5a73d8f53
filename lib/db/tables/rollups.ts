/** Per origin, model and day totals, so the dashboard never scans the ledger. */
export const rollupsV1 = '[origin+day+model], origin, day';

export interface RollupRecord {
  origin: string;
  /** Local calendar day, `YYYY-MM-DD`. */
  day: string;
  model: string;
  provider: string;
  requests: number;
  inputTokens: number;
  outputTokens: number;
  costNano: number;
  /** Media requests' own units, summed (absent: none that day). */
  characters?: number;
  seconds?: number;
  images?: number;
  /**
   * The day's spend on this row by the key that served it (keyId → totals), for "Spend by key".
   * Not indexed, so no schema version: rows settled before it existed have none, and their spend
   * shows as not attributed to a key (lib/dashboard/key-spend.ts).
   */
  keys?: Record<string, KeyDaySpend>;
}

export interface KeyDaySpend {
  costNano: number;
  requests: number;
}
