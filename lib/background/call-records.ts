/** What a provider call leaves in the ledger and on its key besides its answer: shared by chat and embed. */
import type { Usage } from '../protocol/chat';
import { ErrorCode, WalletError } from '../protocol/errors';
import type { KeyRecord } from '../db/tables/keys';
import type { LedgerEntry } from '../db/tables/ledger';
import type { Price } from '../budget/price';
import { chargeNano } from '../budget/charge';
import type { PendingEntry } from '../ledger/ledger';
import { idAndTime } from '../ledger/entry-id';
import type { WalletContext } from './context';

/** A request refused before anything was sent still has its line in the ledger (a person's own "no" excepted). */
export async function logRefusal(ctx: WalletContext, kind: LedgerEntry['kind'], origin: string, model: string, error: unknown, provider = ''): Promise<void> {
  if (!(error instanceof WalletError) || error.code === ErrorCode.userRejected) return;
  await ctx.ledger
    .refused({ ...idAndTime(ctx.now()), origin, kind, model, provider, errorCode: error.code, errorMessage: error.message })
    .catch(() => undefined);
  ctx.uiChanged();
}

/**
 * Settles a call that failed once admitted, charging `usage` (what the provider may have billed:
 * what it reported, `billed`, in full; the wallet's own count within the reservation), and marks
 * the key invalid when the provider refused it.
 */
export async function settleFailed(
  ctx: WalletContext,
  entry: PendingEntry,
  key: KeyRecord,
  failure: { error: unknown; aborted: boolean; usage: Usage; billed?: Usage | null; price: Price },
): Promise<void> {
  const { error, aborted, usage, billed, price } = failure;
  const wire = error instanceof WalletError ? error : undefined;
  await ctx.ledger.settle(entry.id, {
    status: aborted ? 'aborted' : 'error',
    ...usage,
    costNano: chargeNano(price, entry.reservedNano, billed, usage),
    ...(wire ? { errorCode: wire.code, errorMessage: wire.message } : aborted ? {} : { errorCode: ErrorCode.provider, errorMessage: 'Internal wallet error' }),
  }, entry);
  if (wire?.data?.kind === 'auth') void ctx.keyring.update(key.id, { status: 'invalid', statusMessage: wire.message });
}

/** "Last used" to the minute: no extra write on every request of a busy site. */
export function noteKeyUsed(ctx: WalletContext, key: KeyRecord): void {
  if (!key.lastUsedAt || ctx.now() - key.lastUsedAt > 60_000) void ctx.keyring.update(key.id, { lastUsedAt: ctx.now() }).catch(() => undefined);
}
