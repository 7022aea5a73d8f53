/** What a request leaves in the ledger and on its key besides its answer, for every capability. */
import type { Usage } from '../protocol/chat';
import { ErrorCode, WalletError } from '../protocol/errors';
import type { KeyRecord } from '../db/tables/keys';
import type { LedgerEntry } from '../db/tables/ledger';
import type { Price } from '../budget/price';
import type { Nano } from '../budget/money';
import { chargeNano } from '../budget/charge';
import type { PendingEntry } from '../ledger/ledger';
import { idAndTime } from '../ledger/entry-id';
import type { RecordDeps } from './deps';

/** What every ledger line of a request names: the model is '' until it is known. */
export interface LedgerLine {
  kind: LedgerEntry['kind'];
  origin: string;
  model: string;
  provider: string;
}

/** A request refused before anything was sent still has its line in the ledger (a person's own "no" excepted). */
export async function logRefusal(deps: Pick<RecordDeps, 'ledger' | 'now' | 'uiChanged'>, line: LedgerLine, error: unknown): Promise<void> {
  if (!(error instanceof WalletError) || error.code === ErrorCode.userRejected) return;
  await deps.ledger.refused({ ...idAndTime(deps.now()), ...line, errorCode: error.code, errorMessage: error.message }).catch(() => undefined);
  deps.uiChanged();
}

/** Runs a stage whose failure refuses the request: the refusal gets its ledger line, then goes on to the caller. */
export async function orRefused<T>(deps: Pick<RecordDeps, 'ledger' | 'now' | 'uiChanged'>, line: LedgerLine, stage: () => Promise<T>): Promise<T> {
  try {
    return await stage();
  } catch (error) {
    await logRefusal(deps, line, error);
    throw error;
  }
}

/** The pending entry written before the call: what it reserves, and the wallet's own input estimate. */
export function pendingEntry(now: number, line: LedgerLine, key: KeyRecord, price: Price, bound: { reservedNano: Nano; inputEstimate: number }): PendingEntry {
  return {
    ...idAndTime(now),
    ...line,
    keyId: key.id,
    status: 'pending',
    inputTokens: 0,
    outputTokens: 0,
    costNano: 0,
    reservedNano: bound.reservedNano,
    inputEstimate: bound.inputEstimate,
    price,
  };
}

/**
 * Settles a call that failed once admitted, charging `usage` (what the provider may have billed:
 * what it reported, `billed`, in full; the wallet's own count within the reservation), and marks
 * the key invalid when the provider refused it.
 */
export async function settleFailed(
  deps: Pick<RecordDeps, 'ledger' | 'keyring'> & Partial<Pick<RecordDeps, 'now'>>,
  entry: PendingEntry,
  key: KeyRecord,
  failure: { error: unknown; aborted: boolean; usage: Usage; billed?: Usage | null; price: Price },
): Promise<void> {
  const { error, aborted, usage, billed, price } = failure;
  const wire = error instanceof WalletError ? error : undefined;
  await deps.ledger.settle(entry.id, {
    status: aborted ? 'aborted' : 'error',
    ...usage,
    costNano: chargeNano(price, entry.reservedNano, billed, usage),
    ...(wire ? { errorCode: wire.code, errorMessage: wire.message } : aborted ? {} : { errorCode: ErrorCode.provider, errorMessage: 'Internal wallet error' }),
  }, entry);
  // Marked with when the provider said so, shown with the key wherever it is listed (lib/ui/key-health.ts).
  if (wire?.data?.kind === 'auth') void deps.keyring.update(key.id, { status: 'invalid', statusMessage: wire.message, checkedAt: (deps.now ?? Date.now)() });
}

/** "Last used" to the minute: no extra write on every request of a busy site. */
export function noteKeyUsed(deps: Pick<RecordDeps, 'keyring' | 'now'>, key: KeyRecord): void {
  if (!key.lastUsedAt || deps.now() - key.lastUsedAt > 60_000) void deps.keyring.update(key.id, { lastUsedAt: deps.now() }).catch(() => undefined);
}
