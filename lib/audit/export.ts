/** The audit log as a file: JSON (the records as stored) or CSV (one column per common field). */
import type { AuditRecord } from '../db/tables/audit';
import { toCsv } from '../dashboard/csv';
import { auditLabel } from '../ui/audit-label';
import { t } from '../i18n/t';

export type AuditFormat = 'json' | 'csv';

export const AUDIT_CSV_HEADER = ['id', 'time', 'event', 'type', 'site', 'details'] as const;

/**
 * An event's facts for the audit log's table, in the person's language (`name=value; name=value` in
 * English): each fact's name as recorded, its value as it is.
 */
export function detailText(record: AuditRecord): string {
  const facts = Object.entries(record.detail ?? {}).map(([name, value]) => t('audit_detail', name, String(value)));
  return facts.length ? facts.reduce((list, next) => t('audit_detailList', list, next)) : '';
}

/** The CSV's details column: `name=value; name=value` in every language, for the programs that read it. */
function detailField(record: AuditRecord): string {
  return Object.entries(record.detail ?? {})
    .map(([name, value]) => `${name}=${String(value)}`)
    .join('; ');
}

export function auditFile(records: readonly AuditRecord[], format: AuditFormat): { text: string; type: string } {
  if (format === 'json') {
    const rows = records.map((r) => ({ id: r.id, time: new Date(r.at).toISOString(), type: r.type, event: auditLabel(r.type), origin: r.origin ?? null, detail: r.detail ?? {} }));
    return { text: `${JSON.stringify(rows, null, 2)}\n`, type: 'application/json' };
  }
  const rows = records.map((r) => [r.id, new Date(r.at).toISOString(), auditLabel(r.type), r.type, r.origin, detailField(r)]);
  return { text: toCsv(AUDIT_CSV_HEADER, rows), type: 'text/csv' };
}
