/** Grants: what one origin may do, and the public shape pages see. */
import type { WalletDb } from '../db/database';
import type { GrantRecord, Period, Scope } from '../db/tables/grants';
import { nanoToUsd } from '../budget/money';
import { spentInPeriod } from '../budget/period';

/** `Grant` of CONTRACT.md §2. */
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

export class Grants {
  constructor(private readonly db: WalletDb) {}

  get(origin: string): Promise<GrantRecord | undefined> {
    return this.db.grants.get(origin);
  }

  list(): Promise<GrantRecord[]> {
    return this.db.grants.orderBy('createdAt').toArray();
  }

  async put(record: GrantRecord): Promise<void> {
    await this.db.grants.put(record);
  }

  async update(origin: string, changes: Partial<GrantRecord>): Promise<void> {
    await this.db.grants.update(origin, changes);
  }

  async revoke(origin: string): Promise<boolean> {
    const existed = (await this.db.grants.get(origin)) !== undefined;
    await this.db.grants.delete(origin);
    return existed;
  }
}
