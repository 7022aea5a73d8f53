/**
 * The usage ledger. A request is written as pending (with its reservation) before anything is
 * sent, into the small `inflight` store; its settlement moves it into the indexed ledger in one
 * transaction that also charges the grant and the day's rollup, so the ledger and the spend
 * shown can never disagree.
 */
import type { WalletDb } from '../db/database';
import type { LedgerEntry } from '../db/tables/ledger';
import type { GrantRecord } from '../db/tables/grants';
import type { InflightEntry } from '../db/tables/inflight';
import { costNano } from '../budget/price';
import { tokensForChars } from '../budget/estimate';
import { Batch } from '../db/batch';
import { addRows } from '../db/idb';
import { GroupCommit } from './group-commit';
import { LedgerOrigins } from './origins';
import { settleAll, type Settled, type SettleJob, type Settlement } from './settle';

export type { Settlement } from './settle';

/** A request in flight, as admission writes it. */
export type PendingEntry = InflightEntry;

export class Ledger {
  /** The two writes on a request's path, in raw IndexedDB (see lib/db/idb.ts). */
  private readonly pending: Batch<LedgerEntry, void>;
  private readonly settlements: Batch<SettleJob, Settled | undefined>;
  /** The other writes (refusals, checkpoints), through Dexie. */
  private readonly writes: GroupCommit;
  private readonly beginning = new Map<string, Promise<void>>();
  private readonly inFlight = new Set<{ origin: string | undefined; costNano: number; done: Promise<void> }>();
  /** The sites in the ledger (the request log's filter). */
  readonly origins: LedgerOrigins;

  constructor(
    private readonly db: WalletDb,
    private readonly now: () => number = Date.now,
    /**
     * Told of each settlement as it commits, with the grant's new spend when it was charged (the
     * grants cache and the budget gate hear it in the same task, so no admission sees both).
     */
    private readonly onSettled: (settled: LedgerEntry, charged: GrantRecord | undefined) => void = () => undefined,
  ) {
    this.origins = new LedgerOrigins(db);
    this.pending = new Batch(async (rows) => {
      await addRows(await this.idb(), 'inflight', rows);
      return rows.map(() => undefined);
    });
    this.settlements = new Batch(async (jobs) => settleAll(await this.idb(), jobs));
    this.writes = new GroupCommit((body) => this.db.transaction('rw', this.db.ledger, this.db.inflight, body));
  }

  /** Dexie's connection, opened if it is not yet. */
  private async idb(): Promise<IDBDatabase> {
    if (!this.db.isOpen()) await this.db.open();
    return this.db.backendDB();
  }

  /** Writes the entry as pending; resolves once it is committed. */
  async begin(entry: PendingEntry): Promise<void> {
    const adding = this.pending.run(entry);
    this.beginning.set(entry.id, adding);
    try {
      await adding;
    } finally {
      this.beginning.delete(entry.id);
    }
    this.origins.note(entry.origin);
  }

  /** Resolves once the pending write of `id`, if one is in flight, is done (it has its own transaction). */
  private begun(id: string): Promise<unknown> {
    return this.beginning.get(id)?.catch(() => undefined) ?? Promise.resolve();
  }

  /** Records a request refused before it was sent (nothing reserved, nothing charged). */
  refused(entry: Omit<LedgerEntry, 'status' | 'costNano' | 'reservedNano' | 'inputTokens' | 'outputTokens' | 'inputEstimate'> & { errorCode: number; errorMessage: string }): Promise<unknown> {
    const written = this.writes.run(() => this.db.ledger.add({ ...entry, status: 'refused', inputTokens: 0, outputTokens: 0, costNano: 0, reservedNano: 0, inputEstimate: 0 }));
    return written.then((value) => {
      this.origins.note(entry.origin);
      return value;
    });
  }

  checkpoint(id: string, streamedChars: number): Promise<unknown> {
    return this.begun(id).then(() => this.writes.run(() => this.db.inflight.update(id, { streamedChars })));
  }

  /** A fallback moved the request to another key (lib/pipeline/fallback.ts): its pending entry names it before anything is sent to it. */
  switchKey(id: string, keyId: string): Promise<unknown> {
    return this.begun(id).then(() => this.writes.run(() => this.db.inflight.update(id, { keyId })));
  }

  /**
   * Settles a pending entry once (a second settlement is ignored): the entry, the grant's spend
   * and the day's rollup change together or not at all. `known` (the entry's origin and model,
   * when the caller holds it) lets the three reads go out together.
   */
  settle(id: string, s: Settlement, known?: Pick<LedgerEntry, 'origin' | 'model'>): Promise<void> {
    const at = this.now();
    const tracked = { origin: known?.origin, costNano: Math.max(0, s.costNano), done: Promise.resolve() };
    this.inFlight.add(tracked);
    const settling = this.begun(id)
      .then(nextTask)
      .then(() => this.settlements.run({ id, settlement: s, at, ...(known ? { known } : {}) }))
      .then(
        (settled) => {
          // In the same task as the cache and the gate hear it: the cost is never counted twice.
          this.inFlight.delete(tracked);
          if (settled) this.onSettled(settled.entry, settled.charged);
        },
        (error: unknown) => {
          this.inFlight.delete(tracked);
          throw error;
        },
      );
    tracked.done = settling.catch(() => undefined);
    return settling;
  }

  /** What the settlements in flight for `origin` charge once they commit. */
  unsettledNano(origin: string): number {
    let total = 0;
    for (const s of this.inFlight) if (s.origin === origin) total += s.costNano;
    return total;
  }

  /**
   * Resolves once the settlements in flight now (of `origin`, or all) have committed or failed:
   * what a reader of spend awaits, as a chat's answer may go out before its settlement commits.
   */
  async settled(origin?: string): Promise<void> {
    const waits = [...this.inFlight].filter((s) => origin === undefined || s.origin === undefined || s.origin === origin);
    await Promise.all(waits.map((s) => s.done));
  }

  /**
   * Settles every entry a previous worker left pending: charged the wallet's own count of what
   * was sent and streamed, never more than its reservation. Run before admitting anything.
   */
  async recoverPending(): Promise<number> {
    const pending = await this.db.inflight.toArray();
    for (const entry of pending) {
      const outputTokens = tokensForChars(entry.streamedChars ?? 0);
      // A media request's units, as metered before it was sent, count as sent (within the reservation).
      const usage = { inputTokens: entry.inputEstimate, outputTokens, ...(entry.units ? { units: entry.units } : {}) };
      await this.settle(entry.id, {
        status: 'interrupted',
        ...usage,
        // The wallet's own count, a guess: kept within the reservation.
        costNano: Math.min(costNano(entry.price, usage), entry.reservedNano),
        errorMessage: 'The wallet stopped while the request was in flight',
      });
    }
    return pending.length;
  }
}

/**
 * A settlement starts in the task after the one that asked for it: a request's answer, sent in
 * that same task, does not wait while the settlement's transaction is set up. It is counted from
 * the start (`unsettledNano`, `settled`), so nothing reads a spend without it.
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
