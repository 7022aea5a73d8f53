/**
 * The distinct sites in the ledger, for the request log's site filter. Asking IndexedDB for the
 * unique origins walks every row (seconds at a million rows, while ledger writes wait); this
 * seeks the `[origin+at]` index from one site to the next, once, then keeps the set current as
 * requests are written.
 */
import type { IndexableType } from 'dexie';
import type { WalletDb } from '../db/database';

export class LedgerOrigins {
  private loaded: Promise<Set<string>> | null = null;
  /** Sites written since the wallet started; kept apart so a read racing a write misses none. */
  private readonly written = new Set<string>();

  constructor(private readonly db: WalletDb) {}

  /** Records that `origin` has a row in the ledger. */
  note(origin: string): void {
    this.written.add(origin);
  }

  /** Every site with a row in the ledger, sorted. */
  async list(): Promise<string[]> {
    this.loaded ??= this.read().catch((error: unknown) => {
      this.loaded = null;
      throw error;
    });
    const found = await this.loaded;
    return [...new Set([...found, ...this.written])].sort();
  }

  /** The ledger was rewritten (import, reset): read it again next time. */
  forget(): void {
    this.loaded = null;
    this.written.clear();
  }

  /** One short index seek per site, each its own read: writers never wait behind the walk. */
  private async read(): Promise<Set<string>> {
    const found = new Set<string>();
    let last: string | null = null;
    for (;;) {
      // [site, Infinity] sorts after every row of `site`, before every row of the next.
      const range = last === null ? this.db.ledger.orderBy('[origin+at]') : this.db.ledger.where('[origin+at]').above([last, Infinity]);
      const keys: IndexableType[] = await range.limit(1).keys();
      const key = keys[0];
      if (!Array.isArray(key)) return found;
      last = String(key[0]);
      found.add(last);
    }
  }
}
