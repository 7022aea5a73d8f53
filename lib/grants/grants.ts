/** Grants: what one origin may do, and the public shape pages see. */
import type { WalletDb } from '../db/database';
import type { GrantRecord, Period, Scope } from '../db/tables/grants';
import { nanoToUsd } from '../budget/money';
import { spentInPeriod } from '../budget/period';

/** `Grant` of docs/API.md, "The page API". */
export interface Grant {
  origin: string;
  scopes: Scope[];
  models: string[];
  defaultModel: string;
  budget: { usd: number; period: Period };
  spentUsd: number;
  createdAt: number;
  rateLimitPerMin: number;
  paused: boolean;
  expiresAt?: number;
}

export function toPublicGrant(record: GrantRecord, now: number): Grant {
  return {
    origin: record.origin,
    scopes: [...record.scopes],
    models: [...record.models],
    defaultModel: record.defaultModel,
    budget: { usd: nanoToUsd(record.budgetNano), period: record.period },
    spentUsd: nanoToUsd(spentInPeriod(record, now)),
    createdAt: record.createdAt,
    rateLimitPerMin: record.rateLimitPerMin,
    paused: record.paused,
    ...(record.expiresAt === undefined ? {} : { expiresAt: record.expiresAt }),
  };
}

/** True when `grant` is in force and already covers the scopes and models asked for. */
export function grantCovers(grant: GrantRecord, ask: { scopes: Scope[]; models?: string[] }, now: number): boolean {
  if (!isActive(grant, now)) return false;
  if (!ask.scopes.every((s) => grant.scopes.includes(s))) return false;
  return (ask.models ?? []).every((m) => grant.models.includes(m));
}

export function isActive(grant: GrantRecord, now: number): boolean {
  return !grant.paused && (grant.expiresAt === undefined || grant.expiresAt > now);
}

/**
 * The grants, read through an in-memory cache: admission reads a grant on every request, and
 * every write goes through this class (or reports back through `remember`), so the cache is
 * never stale.
 */
export class Grants {
  private readonly cache = new Map<string, GrantRecord | null>();

  constructor(private readonly db: WalletDb) {}

  async get(origin: string): Promise<GrantRecord | undefined> {
    if (!this.cache.has(origin)) {
      const record = await this.db.grants.get(origin);
      // A write that landed while we read wins over what we read.
      if (!this.cache.has(origin)) this.cache.set(origin, record ?? null);
    }
    return this.cache.get(origin) ?? undefined;
  }

  /** The cached grant, synchronously; only valid after `get(origin)` resolved. */
  peek(origin: string): GrantRecord | undefined {
    return this.cache.get(origin) ?? undefined;
  }

  /** Records a grant written elsewhere (the ledger's settlement transaction). */
  remember(record: GrantRecord): void {
    this.cache.set(record.origin, record);
  }

  /** Forgets everything (after a backup import or a reset rewrote the tables). */
  clearCache(): void {
    this.cache.clear();
  }

  list(): Promise<GrantRecord[]> {
    return this.db.grants.orderBy('createdAt').toArray();
  }

  async put(record: GrantRecord): Promise<void> {
    await this.db.grants.put(record);
    this.cache.set(record.origin, record);
  }

  /**
   * Read-modify-write of one grant in a transaction, so a change made in the UI never overwrites
   * a spend the ledger settled meanwhile. `change` gets the stored grant (or undefined).
   */
  async patch(origin: string, change: (current: GrantRecord | undefined) => GrantRecord | undefined): Promise<GrantRecord | undefined> {
    const next = await this.db.transaction('rw', this.db.grants, async () => {
      const updated = change(await this.db.grants.get(origin));
      if (updated) await this.db.grants.put(updated);
      return updated;
    });
    if (next) this.cache.set(origin, next);
    return next;
  }

  async revoke(origin: string, now = Date.now()): Promise<boolean> {
    const record = await this.db.grants.get(origin);
    await this.db.grants.delete(origin);
    this.cache.set(origin, null);
    if (record) this.revoked.set(origin, { record, at: now });
    return record !== undefined;
  }

  /**
   * Puts back a grant the person revoked in the last `UNDO_MS` (their Undo), unless the site has
   * connected again meanwhile; `spentNano` is what the period's ledger says it spent, so spend
   * settled while it was revoked is not lost. Resolves the grant, or undefined when too late.
   */
  async restore(origin: string, now: number, spentNano: (record: GrantRecord) => Promise<number>): Promise<GrantRecord | undefined> {
    const revoked = this.revoked.get(origin);
    this.revoked.delete(origin);
    if (!revoked || now - revoked.at > UNDO_MS) return undefined;
    const spent = await spentNano(revoked.record);
    return this.patch(origin, (current) => (current ? undefined : { ...revoked.record, spentNano: spent, updatedAt: now }));
  }

  /** Revoked grants the person may still put back, by origin. */
  private readonly revoked = new Map<string, { record: GrantRecord; at: number }>();
}

/** How long a revoked grant can be put back (the Undo the wallet's pages offer). */
export const UNDO_MS = 15_000;
