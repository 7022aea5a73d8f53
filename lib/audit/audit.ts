/**
 * The audit log: an append-only record of security events, kept in IndexedDB (table `audit`).
 * Only the background writes it (this class has no update or delete), and only facts that are
 * safe to show and export: ids, names, origins, counts, outcomes. Never a key, a passphrase or a
 * backup's contents; `sanitize` keeps every detail flat, short and primitive so nothing larger can
 * slip in by accident.
 */
import type { WalletDb } from '../db/database';
import type { AuditDetail, AuditRecord } from '../db/tables/audit';

/** Every kind of event the log records. */
export const AUDIT_TYPES = [
  'wallet.created',
  'wallet.reset',
  'unlock.failed',
  'passphrase.changed',
  'passphrase.changeFailed',
  'connect.approved',
  'connect.rejected',
  'site.disconnected',
  'grant.revoked',
  'grant.restored',
  'grant.updated',
  'budget.raised',
  'budget.raiseRejected',
  'budget.overrun',
  'key.added',
  'key.rotated',
  'key.updated',
  'key.removed',
  'settings.changed',
  'price.set',
  'price.removed',
  'backup.exported',
  'backup.imported',
  'backup.importFailed',
] as const;

export type AuditType = (typeof AUDIT_TYPES)[number];

/** What a caller records; the time is the log's own. */
export interface AuditInput {
  type: AuditType;
  origin?: string | undefined;
  detail?: Record<string, unknown> | undefined;
}

export interface AuditListOptions {
  /** Newest first; at most this many. */
  limit?: number;
  /** Only events with an id below this one (paging back through the log). */
  beforeId?: number;
  type?: string;
}

const MAX_TEXT = 300;
const MAX_FIELDS = 24;

/**
 * A detail reduced to flat primitives: strings cut to 300 characters, arrays joined, nested
 * objects, functions and non-finite numbers dropped.
 */
export function sanitize(detail: Record<string, unknown> | undefined): AuditDetail | undefined {
  if (!detail) return undefined;
  const out: AuditDetail = {};
  let fields = 0;
  for (const [name, value] of Object.entries(detail)) {
    if (fields >= MAX_FIELDS) break;
    let clean: string | number | boolean | null | undefined;
    if (typeof value === 'string') clean = value.slice(0, MAX_TEXT);
    else if (typeof value === 'number') clean = Number.isFinite(value) ? value : undefined;
    else if (typeof value === 'boolean' || value === null) clean = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) clean = value.join(', ').slice(0, MAX_TEXT);
    if (clean === undefined) continue;
    out[name.slice(0, 64)] = clean;
    fields++;
  }
  return fields ? out : undefined;
}

export class AuditLog {
  constructor(
    private readonly db: WalletDb,
    private readonly now: () => number = Date.now,
    /** Told after each event is written (the extension's pages refresh). */
    private readonly onRecord: () => void = () => undefined,
  ) {}

  /** Appends one event. Never throws: a failed audit write must not fail what it records. */
  async record(input: AuditInput): Promise<void> {
    const detail = sanitize(input.detail);
    const record: AuditRecord = {
      at: this.now(),
      type: input.type,
      ...(input.origin ? { origin: input.origin.slice(0, 512) } : {}),
      ...(detail ? { detail } : {}),
    };
    try {
      await this.db.audit.add(record);
      this.onRecord();
    } catch {
      // Storage refused the write (quota, a closing database): the event is lost, the action stands.
    }
  }

  /** The newest events first. */
  list(options: AuditListOptions = {}): Promise<AuditRecord[]> {
    const limit = options.limit ?? 200;
    const { beforeId, type } = options;
    const collection = beforeId === undefined ? this.db.audit.orderBy('id').reverse() : this.db.audit.where('id').below(beforeId).reverse();
    return (type ? collection.filter((r) => r.type === type) : collection).limit(limit).toArray();
  }

  count(): Promise<number> {
    return this.db.audit.count();
  }
}
