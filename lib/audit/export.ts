/** The audit log as a file: JSON (the records as stored) or CSV (one column per common field). */
import type { AuditRecord } from '../db/tables/audit';
import { toCsv } from '../dashboard/csv';
import { messages } from '../protocol/messages';

export type AuditFormat = 'json' | 'csv';

export const AUDIT_CSV_HEADER = ['id', 'time', 'event', 'type', 'site', 'details'] as const;

/** `key=value; key=value`, for a table cell or a CSV column. */
export function detailText(record: AuditRecord): string {
  return Object.entries(record.detail ?? {})
    .map(([k, v]) => `${k}=${String(v)}`)
    .join('; ');
}

export function auditFile(records: readonly AuditRecord[], format: AuditFormat): { text: string; type: string } {
  if (format === 'json') {
    const rows = records.map((r) => ({ id: r.id, time: new Date(r.at).toISOString(), type: r.type, event: messages.auditLabel(r.type), origin: r.origin ?? null, detail: r.detail ?? {} }));
    return { text: `${JSON.stringify(rows, null, 2)}\n`, type: 'application/json' };
  }
  const rows = records.map((r) => [r.id, new Date(r.at).toISOString(), messages.auditLabel(r.type), r.type, r.origin, detailText(r)]);
  return { text: toCsv(AUDIT_CSV_HEADER, rows), type: 'text/csv' };
}
