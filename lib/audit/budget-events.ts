/**
 * The audit event of a settled request the provider billed above its reservation: the wallet's
 * bound was not an upper bound after all. The full cost is charged (docs/BUDGETS.md), and the
 * person sees this event in the audit log with the site, what was reserved and what was billed.
 */
import type { LedgerEntry } from '../db/tables/ledger';
import { nanoToUsd } from '../budget/money';
import type { AuditInput } from './audit';

export function overrunEvent(entry: LedgerEntry): AuditInput | null {
  if (entry.costNano <= entry.reservedNano) return null;
  return {
    type: 'budget.overrun',
    origin: entry.origin,
    detail: {
      model: entry.model,
      provider: entry.provider,
      reservedUsd: nanoToUsd(entry.reservedNano),
      billedUsd: nanoToUsd(entry.costNano),
      inputTokens: entry.inputTokens,
      outputTokens: entry.outputTokens,
      status: entry.status,
    },
  };
}
