/**
 * Settlement: a pending entry moves from `inflight` into the ledger, and the grant's spend and
 * the day's rollup change with it, in one transaction or not at all. A batch of settlements
 * shares the transaction; each is applied in turn to what the ones before it wrote, and a
 * twice-settled entry is settled once.
 */
import type { GrantRecord } from '../db/tables/grants';
import type { InflightEntry } from '../db/tables/inflight';
import type { LedgerEntry, LedgerStatus, MediaUnits } from '../db/tables/ledger';
import type { RollupRecord } from '../db/tables/rollups';
import { completion, request } from '../db/idb';
import { localDay, periodKey } from '../budget/period';
import { withKeySpend } from './key-spend';

export interface Settlement {
  status: Exclude<LedgerStatus, 'pending'>;
  inputTokens: number;
  outputTokens: number;
  costNano: number;
  /** A media request's units (characters, seconds, images): on its ledger line and summed in the day's rollup. */
  units?: MediaUnits;
  errorCode?: number;
  errorMessage?: string;
}

export interface SettleJob {
  id: string;
  settlement: Settlement;
  at: number;
  /** The entry's origin and model, when the caller holds them: their rows are read with the entry. */
  known?: Pick<LedgerEntry, 'origin' | 'model'>;
}

export interface Settled {
  entry: LedgerEntry;
  /** The grant with its new spend, when the settlement charged it. */
  charged?: GrantRecord;
}

/**
 * The rows a settlement writes, from the rows it read. The cost is recorded as given, even above
 * the reservation: what a provider billed is spent, and the site's spend must show it (a spend
 * over the budget refuses the site's next requests until it is within budget again).
 */
export function settledRows(entry: LedgerEntry, s: Settlement, at: number, grant: GrantRecord | undefined, rollup: RollupRecord | undefined) {
  const cost = Math.max(0, s.costNano);
  const settled: LedgerEntry = {
    ...entry,
    status: s.status,
    inputTokens: s.inputTokens,
    outputTokens: s.outputTokens,
    costNano: cost,
    durationMs: at - entry.at,
    settledAt: at,
    ...(s.errorCode === undefined ? {} : { errorCode: s.errorCode, errorMessage: s.errorMessage }),
  };
  // The settlement's units replace the ones the pending entry was metered with (none: none recorded).
  delete settled.units;
  if (s.units) settled.units = s.units;
  let charged: GrantRecord | undefined;
  if (grant && cost > 0) {
    const key = periodKey(grant.period, at);
    charged = { ...grant, spentNano: (grant.periodKey === key ? grant.spentNano : 0) + cost, periodKey: key };
  }
  const rolled: RollupRecord = {
    origin: entry.origin,
    day: localDay(at),
    model: entry.model,
    provider: entry.provider,
    requests: (rollup?.requests ?? 0) + 1,
    inputTokens: (rollup?.inputTokens ?? 0) + s.inputTokens,
    outputTokens: (rollup?.outputTokens ?? 0) + s.outputTokens,
    costNano: (rollup?.costNano ?? 0) + cost,
    ...sumUnits(rollup, s.units),
  };
  return { settled, charged, rollup: withKeySpend(rolled, rollup, entry.keyId, cost) };
}

/** The day's media units with this settlement's added; a unit neither has stays absent. */
function sumUnits(rollup: RollupRecord | undefined, units: MediaUnits | undefined): Pick<RollupRecord, 'characters' | 'seconds' | 'images'> {
  const out: Pick<RollupRecord, 'characters' | 'seconds' | 'images'> = {};
  for (const unit of ['characters', 'seconds', 'images'] as const) {
    const total = (rollup?.[unit] ?? 0) + (units?.[unit] ?? 0);
    if (rollup?.[unit] !== undefined || units?.[unit] !== undefined) out[unit] = total;
  }
  return out;
}

/**
 * Settles `jobs` in one transaction: one round trip reads every entry in flight (and the grant
 * and rollup rows of those whose origin is known), at most one more reads the rest, and the
 * writes go out with the commit. Resolves with each job's result (undefined: the entry was not in flight).
 */
export async function settleAll(db: IDBDatabase, jobs: readonly SettleJob[]): Promise<(Settled | undefined)[]> {
  const tx = db.transaction(['inflight', 'ledger', 'grants', 'rollups'], 'readwrite');
  const done = completion(tx);
  try {
    const rows = new RowReader(tx);
    for (const job of jobs) if (job.known) rows.prefetch(job.known.origin, localDay(job.at), job.known.model);
    const pending = await Promise.all(jobs.map((job) => request<InflightEntry | undefined>(tx.objectStore('inflight').get(job.id))));
    pending.forEach((entry, i) => entry && rows.prefetch(entry.origin, localDay(jobs[i]!.at), entry.model));
    await rows.all();

    const results: (Settled | undefined)[] = [];
    const seen = new Set<string>();
    for (const [i, job] of jobs.entries()) {
      const entry = pending[i];
      if (!entry || seen.has(job.id)) {
        results.push(undefined);
        continue;
      }
      seen.add(job.id);
      const day = localDay(job.at);
      const { settled, charged, rollup } = settledRows(entry, job.settlement, job.at, rows.grant(entry.origin), rows.rollup(entry.origin, day, entry.model));
      tx.objectStore('inflight').delete(job.id);
      tx.objectStore('ledger').put(settled);
      if (charged) rows.setGrant(charged);
      rows.setRollup(rollup);
      results.push({ entry: settled, ...(charged ? { charged } : {}) });
    }
    rows.writeChanged();
    tx.commit();
    await done;
    return results;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted.
    }
    await done.catch(() => undefined);
    throw error;
  }
}

/** The grant and rollup rows of a batch: each read once, then updated in memory and written once. */
class RowReader {
  private readonly reads: Promise<unknown>[] = [];
  private readonly grants = new Map<string, GrantRecord | undefined>();
  private readonly rollups = new Map<string, RollupRecord | undefined>();
  private readonly changed = { grants: new Set<string>(), rollups: new Set<string>() };

  constructor(private readonly tx: IDBTransaction) {}

  prefetch(origin: string, day: string, model: string): void {
    if (!this.grants.has(origin)) {
      this.grants.set(origin, undefined);
      this.read(this.tx.objectStore('grants').get(origin), (row) => this.grants.set(origin, row as GrantRecord | undefined));
    }
    const key = rollupKey(origin, day, model);
    if (!this.rollups.has(key)) {
      this.rollups.set(key, undefined);
      this.read(this.tx.objectStore('rollups').get([origin, day, model]), (row) => this.rollups.set(key, row as RollupRecord | undefined));
    }
  }

  /** Resolves once every read issued so far has answered. */
  async all(): Promise<void> {
    await Promise.all(this.reads.splice(0));
  }

  grant(origin: string): GrantRecord | undefined {
    return this.grants.get(origin);
  }

  rollup(origin: string, day: string, model: string): RollupRecord | undefined {
    return this.rollups.get(rollupKey(origin, day, model));
  }

  setGrant(grant: GrantRecord): void {
    this.grants.set(grant.origin, grant);
    this.changed.grants.add(grant.origin);
  }

  setRollup(rollup: RollupRecord): void {
    const key = rollupKey(rollup.origin, rollup.day, rollup.model);
    this.rollups.set(key, rollup);
    this.changed.rollups.add(key);
  }

  writeChanged(): void {
    for (const origin of this.changed.grants) this.tx.objectStore('grants').put(this.grants.get(origin));
    for (const key of this.changed.rollups) this.tx.objectStore('rollups').put(this.rollups.get(key));
  }

  private read(req: IDBRequest, store: (row: unknown) => void): void {
    const reading = request(req).then(store);
    // Awaited in `all()`; a failure before then aborts the transaction and rejects the batch.
    reading.catch(() => undefined);
    this.reads.push(reading);
  }
}

function rollupKey(origin: string, day: string, model: string): string {
  return JSON.stringify([origin, day, model]);
}
