/**
 * Admission: a request is admitted only if what is spent, plus what in-flight requests may
 * still cost, plus this request's upper bound, fits the site's budget (docs/API.md, "What the wallet guarantees").
 */
import type { Grants } from '../grants/grants';
import { ErrorCode, WalletError } from '../protocol/errors';
import { messages } from '../protocol/messages';
import type { Ledger, PendingEntry } from '../ledger/ledger';
import type { BudgetGate } from './gate';
import { formatNeedAndLeft } from './money';
import { spentInPeriod } from './period';

export interface AdmitDeps {
  grants: Pick<Grants, 'get' | 'peek'>;
  gate: Pick<BudgetGate, 'heldNano' | 'hold' | 'release'>;
  ledger: Pick<Ledger, 'begin'>;
  now: () => number;
}

export interface AdmitOptions {
  /**
   * Over budget: asks the person to raise the budget (lib/background/raise-budget.ts). Resolves
   * once they did, and admission runs again against the budget as it is then; throws their
   * refusal (or `refusal` itself, when the site's setting is to refuse). Absent: 4402 at once.
   */
  overBudget?: (entry: PendingEntry, refusal: WalletError) => Promise<void>;
}

/**
 * Reserves `entry.reservedNano` for `entry.origin` and starts writing the pending ledger entry, or
 * throws 4402 having reserved nothing. Returns once the reservation is held, with `written`: the
 * write, which the caller must await before anything leaves the wallet. If the write fails, the
 * reservation is released and `written` rejects with the storage refusal. The caller must settle
 * a written entry and then release.
 *
 * The check and the reservation run synchronously (no await between them) on the cached grant,
 * so concurrent admissions of one origin always see each other's reservations. Nothing is held
 * while the person decides on a raise.
 */
export async function admit(deps: AdmitDeps, entry: PendingEntry, options: AdmitOptions = {}): Promise<{ written: Promise<void> }> {
  try {
    return await reserve(deps, entry);
  } catch (error) {
    if (!options.overBudget || !(error instanceof WalletError) || error.code !== ErrorCode.budgetExceeded) throw error;
    await options.overBudget(entry, error);
  }
  return reserve(deps, entry);
}

async function reserve(deps: AdmitDeps, entry: PendingEntry): Promise<{ written: Promise<void> }> {
  const { origin, id, reservedNano } = entry;
  await deps.grants.get(origin);
  const grant = deps.grants.peek(origin);
  if (!grant) throw new WalletError(ErrorCode.unauthorized, messages.notConnected(origin));
  const spent = spentInPeriod(grant, deps.now());
  const left = Math.max(0, grant.budgetNano - spent - deps.gate.heldNano(origin));
  if (reservedNano > left) {
    throw new WalletError(ErrorCode.budgetExceeded, messages.budgetExceeded(...formatNeedAndLeft(reservedNano, left)), {
      neededUsd: reservedNano / 1e9,
      leftUsd: left / 1e9,
    });
  }
  deps.gate.hold(origin, id, reservedNano);
  const written = deps.ledger.begin(entry).catch(() => {
    // Nothing was written and nothing will be sent: the request is refused cleanly.
    deps.gate.release(origin, id);
    throw new WalletError(ErrorCode.provider, messages.storageFailed());
  });
  return { written };
}
