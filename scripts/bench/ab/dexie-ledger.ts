/**
 * The bench's stand-in for the raw IndexedDB path in the `ab-dexie-ledger` build
 * (scripts/bench/ab-builds.mjs): lib/ledger/ledger.ts imports `addRows` (lib/db/idb.ts) and
 * `settleAll` (lib/ledger/settle.ts) from here instead, and the two writes on a request's path go
 * through Dexie like every other write. The semantics are the same: the pending rows are added in
 * one transaction; a batch of settlements reads each entry in flight and its grant and rollup
 * rows, applies each settlement in turn to what the ones before it wrote (a twice-settled entry
 * once), and writes the same rows (`settledRows`), in one transaction or not at all.
 */
import { Dexie } from 'dexie';
import type { WalletDb } from '../../../lib/db/database';
import type { GrantRecord } from '../../../lib/db/tables/grants';
import type { RollupRecord } from '../../../lib/db/tables/rollups';
import type { LedgerEntry } from '../../../lib/db/tables/ledger';
import { localDay } from '../../../lib/budget/period';
import { settledRows, type Settled, type SettleJob } from '../../../lib/ledger/settle';

export type { Settled, SettleJob, Settlement } from '../../../lib/ledger/settle';

/** The wallet's own Dexie connection, the one `idb` is the backend of (the ledger hands over `db.backendDB()`). */
function dexieOf(idb: IDBDatabase): WalletDb {
  const open = (Dexie as unknown as { connections: Dexie[] }).connections;
  const db = open.find((d) => d.isOpen() && d.backendDB() === idb);
  if (!db) throw new Error('no Dexie connection holds this database');
  return db as WalletDb;
}

export async function addRows(idb: IDBDatabase, store: string, rows: readonly unknown[]): Promise<void> {
  const db = dexieOf(idb);
  try {
    await db.transaction('rw', store, () => db.table(store).bulkAdd([...rows]));
  } catch (error) {
    // The error of the row that failed, as the raw path rejects with (a ConstraintError for a duplicate id).
    throw error instanceof Dexie.BulkError ? (Object.values(error.failuresByPos)[0] ?? error) : error;
  }
}

type RollupKey = [string, string, string];

export async function settleAll(idb: IDBDatabase, jobs: readonly SettleJob[]): Promise<(Settled | undefined)[]> {
  const db = dexieOf(idb);
  return db.transaction('rw', [db.inflight, db.ledger, db.grants, db.rollups], async () => {
    const grants = new Map<string, GrantRecord | undefined>();
    const rollups = new Map<string, RollupRecord | undefined>();
    /** Reads the grant and rollup rows not read yet, as the raw path's RowReader does. */
    const read = async (wanted: { origin: string; day: string; model: string }[]) => {
      const origins = [...new Set(wanted.map((w) => w.origin))].filter((o) => !grants.has(o));
      const keys = wanted.map((w): RollupKey => [w.origin, w.day, w.model]).filter((k, i, all) => !rollups.has(JSON.stringify(k)) && all.findIndex((o) => JSON.stringify(o) === JSON.stringify(k)) === i);
      const [g, r] = await Promise.all([db.grants.bulkGet(origins), db.rollups.bulkGet(keys)]);
      origins.forEach((o, i) => grants.set(o, g[i]));
      keys.forEach((k, i) => rollups.set(JSON.stringify(k), r[i]));
    };
    // The entries in flight, and the rows of those whose origin the caller knows, in one go.
    const known = jobs.flatMap((job) => (job.known ? [{ origin: job.known.origin, day: localDay(job.at), model: job.known.model }] : []));
    const [pending] = await Promise.all([db.inflight.bulkGet(jobs.map((job) => job.id)), read(known)]);
    await read(pending.flatMap((entry, i) => (entry ? [{ origin: entry.origin, day: localDay(jobs[i]!.at), model: entry.model }] : [])));

    const results: (Settled | undefined)[] = [];
    const seen = new Set<string>();
    const settledEntries: LedgerEntry[] = [];
    const changed = { grants: new Set<string>(), rollups: new Set<string>() };
    for (const [i, job] of jobs.entries()) {
      const entry = pending[i];
      if (!entry || seen.has(job.id)) {
        results.push(undefined);
        continue;
      }
      seen.add(job.id);
      const day = localDay(job.at);
      const key = JSON.stringify([entry.origin, day, entry.model]);
      const { settled, charged, rollup } = settledRows(entry, job.settlement, job.at, grants.get(entry.origin), rollups.get(key));
      settledEntries.push(settled);
      if (charged) {
        grants.set(charged.origin, charged);
        changed.grants.add(charged.origin);
      }
      rollups.set(key, rollup);
      changed.rollups.add(key);
      results.push({ entry: settled, ...(charged ? { charged } : {}) });
    }
    await Promise.all([
      db.inflight.bulkDelete(settledEntries.map((e) => e.id)),
      db.ledger.bulkPut(settledEntries),
      db.grants.bulkPut([...changed.grants].map((o) => grants.get(o)!)),
      db.rollups.bulkPut([...changed.rollups].map((k) => rollups.get(k)!)),
    ]);
    return results;
  });
}
