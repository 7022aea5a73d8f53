/** The request log as CSV (lib/dashboard/csv.ts quotes and defuses every text cell). */
import type { LedgerRow } from './query';
import { toCsv } from './csv';
import { nanoToDecimal } from './money';

export const LEDGER_CSV_HEADER = [
  'id',
  'time',
  'site',
  'kind',
  'model',
  'provider',
  'status',
  'input_tokens',
  'output_tokens',
  'cost_usd',
  'reserved_usd',
  'duration_ms',
  'error_code',
  'error_message',
  // A media request's own units, added at the end so older readers of the columns above keep working.
  'characters',
  'seconds',
  'images',
] as const;

export function ledgerCsv(rows: readonly LedgerRow[]): string {
  return toCsv(
    LEDGER_CSV_HEADER,
    rows.map((r) => [
      r.id,
      new Date(r.at).toISOString(),
      r.origin,
      r.kind,
      r.model,
      r.provider,
      r.status,
      r.inputTokens,
      r.outputTokens,
      nanoToDecimal(r.costNano),
      nanoToDecimal(r.reservedNano),
      r.durationMs,
      r.errorCode,
      r.errorMessage,
      r.units?.characters,
      r.units?.seconds,
      r.units?.images,
    ]),
  );
}

/** `byok-requests-2026-11-23.csv` */
export function exportFilename(kind: string, at: number, ext: string): string {
  return `byok-${kind}-${new Date(at).toISOString().slice(0, 10)}.${ext}`;
}
