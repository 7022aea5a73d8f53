/**
 * The audit log: security events (connects, revokes, unlock failures, key and settings changes,
 * backups), append-only. Written by the background only (lib/audit); never holds a secret.
 */
export const auditV1 = '++id, at, type';

/** A fact about an event: short, flat, never a secret (lib/audit/audit.ts enforces the shape). */
export type AuditDetail = Record<string, string | number | boolean | null>;

export interface AuditRecord {
  /** Auto-incremented: the order events were recorded in. */
  id?: number;
  at: number;
  type: string;
  /** The site the event concerns, if any. */
  origin?: string;
  detail?: AuditDetail;
}
