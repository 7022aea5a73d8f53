/**
 * The usage ledger. A request is written as `pending` (with its reservation) before anything is
 * sent, and settled in one transaction that also charges the grant and the day's rollup, so the
 * ledger and the spend shown can never disagree.
 */
import type { WalletDb } from '../db/database';
import type { LedgerEntry, LedgerStatus } from '../db/tables/ledger';
import type { GrantRecord } from '../db/tables/grants';
import { localDay, periodKey } from '../budget/period';
import { costNano, type Price } from '../budget/price';
import { tokensForChars } from '../budget/estimate';
import { GroupCommit } from './group-commit';
import { LedgerOrigins } from './origins';

export interface Settlement {
  status: Exclude<LedgerStatus, 'pending'>;
  inputTokens: number;
  outputTokens: number;
  costNano: number;
  errorCode?: number;
  errorMessage?: string;
}

export interface PendingEntry extends LedgerEntry {
  status: 'pending';
  price: Price;
  /** Characters streamed so far, checkpointed so a killed worker can still charge fairly. */
  streamedChars?: number;
}

export class Ledger {
  private readonly writes: GroupCommit;
  /** The sites in the ledger (the request log's filter). */
  readonly origins: LedgerOrigins;

  constructor(
    private readonly db: WalletDb,
    private readonly now: () => number = Date.now,
    /** Told the grant's new spend after each settlement commits (the grants cache). */
    private readonly onGrantCharged: (grant: GrantRecord) => void = () => undefined,
  ) {
    this.origins = new LedgerOrigins(db);
    this.writes = new GroupCommit((body) => this.db.transaction('rw', this.db.ledger, this.db.grants, this.db.rollups, body));
  }

  /** Writes the entry as pending; resolves once it is committed. */
  async begin(entry: PendingEntry): Promise<void> {
    await this.writes.run(() => this.db.ledger.add(entry));
    this.origins.note(entry.origin);
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
    return this.writes.run(() => this.db.ledger.update(id, { streamedChars } as Partial<LedgerEntry>));
  }

  /**
   * Settles a pending entry once (a second settlement is ignored): the entry, the grant's spend
   * and the day's rollup change together or not at all. `known` (the entry's origin and model,
   * when the caller holds it) lets the three reads go out together.
   */
  async settle(id: string, s: Settlement, known?: Pick<LedgerEntry, 'origin' | 'model'>): Promise<void> {
    const charged = await this.writes.run(() => this.apply(id, s, this.now(), known));
    if (charged) this.onGrantCharged(charged);
  }

  /**
   * The writes of one settlement, inside the batch's transaction. Reads that do not depend on
   * each other go out together, and so do the writes: each await is a round trip to IndexedDB.
   */
  private async apply(id: string, s: Settlement, at: number, known?: Pick<LedgerEntry, 'origin' | 'model'>): Promise<GrantRecord | undefined> {
    const day = localDay(at);
    const related = (e: Pick<LedgerEntry, 'origin' | 'model'>) => Promise.all([this.db.grants.get(e.origin), this.db.rollups.get([e.origin, day, e.model])]);
    const [entry, prefetched] = await Promise.all([this.db.ledger.get(id), known ? related(known) : undefined]);
    if (!entry || entry.status !== 'pending') return undefined;
    const sameRows = known?.origin === entry.origin && known.model === entry.model;
    const [grant, rollup] = sameRows && prefetched ? prefetched : await related(entry);
    const cost = Math.max(0, Math.min(s.costNano, entry.reservedNano));
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
    let charged: GrantRecord | undefined;
    if (grant && cost > 0) {
      const key = periodKey(grant.period, at);
      charged = { ...grant, spentNano: (grant.periodKey === key ? grant.spentNano : 0) + cost, periodKey: key };
    }
    await Promise.all([
      this.db.ledger.put(settled),
      charged ? this.db.grants.put(charged) : undefined,
      this.db.rollups.put({
        origin: entry.origin,
        day,
        model: entry.model,
        provider: entry.provider,
        requests: (rollup?.requests ?? 0) + 1,
        inputTokens: (rollup?.inputTokens ?? 0) + s.inputTokens,
        outputTokens: (rollup?.outputTokens ?? 0) + s.outputTokens,
        costNano: (rollup?.costNano ?? 0) + cost,
      }),
    ]);
    return charged;
  }

  /**
   * Settles every entry a previous worker left pending: charged the wallet's own count of what
   * was sent and streamed, never more than its reservation. Run before admitting anything.
   */
  async recoverPending(): Promise<number> {
    const pending = (await this.db.ledger.where('status').equals('pending').toArray()) as PendingEntry[];
    for (const entry of pending) {
      const outputTokens = tokensForChars(entry.streamedChars ?? 0);
      const usage = { inputTokens: entry.inputEstimate, outputTokens };
      await this.settle(entry.id, {
        status: 'interrupted',
        ...usage,
        costNano: costNano(entry.price, usage),
        errorMessage: 'The wallet stopped while the request was in flight',
      });
    }
    return pending.length;
  }

  /** The newest entries first. */
  recent(options: { origin?: string; limit?: number } = {}): Promise<LedgerEntry[]> {
    const limit = options.limit ?? 200;
    if (options.origin) {
      return this.db.ledger.where('[origin+at]').between([options.origin, 0], [options.origin, Infinity]).reverse().limit(limit).toArray();
    }
    return this.db.ledger.orderBy('at').reverse().limit(limit).toArray();
  }
}
