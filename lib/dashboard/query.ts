/**
 * The request log's filters: site, model, status and a time range, newest first. A site filter
 * walks the `[origin+at]` index and a time range the `at` index, so a filtered page never reads
 * the whole ledger; model and status are checked on the rows the index yields. Requests in
 * flight (the small `inflight` store) are read whole and merged in.
 */
import type { WalletDb } from '../db/database';
import type { LedgerEntry, LedgerStatus } from '../db/tables/ledger';
import type { LedgerOrigins } from '../ledger/origins';

export interface LedgerQuery {
  origin?: string | undefined;
  model?: string | undefined;
  status?: LedgerStatus | undefined;
  /** Inclusive, milliseconds since the epoch. */
  from?: number | undefined;
  /** Inclusive. */
  to?: number | undefined;
  limit?: number | undefined;
}

/** A ledger row as the extension's pages see it: no reservation price, no checkpoint. */
export type LedgerRow = LedgerEntry;

export const DEFAULT_QUERY_LIMIT = 500;

export async function queryLedger(db: WalletDb, q: LedgerQuery = {}): Promise<LedgerRow[]> {
  const from = q.from ?? 0;
  const to = q.to ?? Number.MAX_SAFE_INTEGER;
  if (from > to) return [];
  const range = q.origin
    ? db.ledger.where('[origin+at]').between([q.origin, from], [q.origin, to], true, true)
    : db.ledger.where('at').between(from, to, true, true);
  const matches = (r: LedgerEntry) => (!q.model || r.model === q.model) && (!q.status || r.status === q.status);
  const limit = q.limit ?? DEFAULT_QUERY_LIMIT;
  const newest = q.model || q.status ? range.reverse().filter(matches) : range.reverse();
  // One read transaction: a settlement moving a row between the two stores is seen whole.
  const [rows, inflight] = await db.transaction('r', db.ledger, db.inflight, async () => [
    await newest.limit(limit).toArray(),
    await db.inflight.filter((r) => (!q.origin || r.origin === q.origin) && r.at >= from && r.at <= to && matches(r)).toArray(),
  ]);
  const newestFirst = inflight.length === 0 ? rows : [...rows, ...inflight].sort((a, b) => b.at - a.at).slice(0, limit);
  return newestFirst.map(toRow);
}

/** Drops what the pending entry carried for the wallet's own use. */
export function toRow(entry: LedgerEntry): LedgerRow {
  const { price: _price, streamedChars: _chars, ...row } = entry as LedgerEntry & { price?: unknown; streamedChars?: unknown };
  return row;
}

/** The named time ranges of the log's filter. */
export const TIME_RANGES = {
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
  month: 30 * 86_400_000,
  all: null,
} as const;

export type TimeRange = keyof typeof TIME_RANGES;

/** `{ from }` for a named range ending now. */
export function rangeStart(range: TimeRange, now: number): number | undefined {
  const span = TIME_RANGES[range];
  return span === null ? undefined : now - span;
}

/**
 * The sites and models the log's filters offer: every site in the ledger (`origins`, see
 * lib/ledger/origins.ts), every model with usage.
 */
export async function logFilterChoices(db: WalletDb, origins: LedgerOrigins): Promise<{ origins: string[]; models: string[] }> {
  const sites = await origins.list();
  const models = new Set<string>();
  await db.rollups.each((r) => void models.add(r.model));
  return { origins: sites, models: [...models].sort() };
}
