/**
 * Over budget: a request that does not fit its site's budget is refused with 4402, or, when the
 * person chose "ask" (for that site, or as the wallet's default), it waits while the approval
 * window asks them to raise the budget. Approved: the budget is raised and admission runs again.
 * Rejected (or the window closed): 4402. Nothing is sent to the provider before the decision,
 * and nothing is held while the person decides.
 */
import { reserve } from '../budget/admit';
import { formatNeedAndLeft, formatUsd, nanoToUsd, usdToNanoFloor } from '../budget/money';
import { spentInPeriod } from '../budget/period';
import type { GrantRecord } from '../db/tables/grants';
import type { RaisePrompt } from '../db/tables/approvals';
import type { PendingEntry } from '../ledger/ledger';
import { ErrorCode, WalletError } from '../protocol/errors';
import { messages } from '../protocol/messages';
import { toPublicGrant, type Grant } from '../grants/grants';
import type { PageCaller, WalletContext } from './context';

/** What the raise window shows, in USD. */
export interface RaiseView {
  model: string;
  period: GrantRecord['period'];
  budgetUsd: number;
  spentUsd: number;
  heldUsd: number;
  requestUsd: number;
  /** The smallest budget that admits the request. */
  neededUsd: number;
  /** What the window offers: at least the need, rounded up to a cent, and never below the budget. */
  suggestedUsd: number;
}

/** True when `grant` (or, unset, the wallet's setting) asks the person instead of refusing. */
export async function asksToRaise(ctx: WalletContext, grant: GrantRecord | undefined): Promise<boolean> {
  if (!grant) return false;
  return (grant.overBudget ?? (await ctx.settings.get()).overBudget) === 'ask';
}

/**
 * `reserve`, asking the person to raise the budget first when the request does not fit and the
 * site's setting says so. Throws what `reserve` throws, 4402 when the person declines, or an
 * AbortError-shaped 4001 when the page gave up while the person decided. Returns with the
 * reservation held and the pending entry being `written`.
 */
export async function reserveOrAsk(ctx: WalletContext, caller: PageCaller, entry: PendingEntry, signal: AbortSignal, aborted: () => WalletError): Promise<{ written: Promise<void> }> {
  try {
    return await reserve(ctx, entry);
  } catch (error) {
    if (!(error instanceof WalletError) || error.code !== ErrorCode.budgetExceeded) throw error;
    const grant = ctx.grants.peek(entry.origin);
    if (!(await asksToRaise(ctx, grant)) || !grant) throw error;
    await askToRaise(ctx, caller, entry, grant, error);
  }
  if (signal.aborted) throw aborted();
  // The person raised the budget: admission runs again, against the budget as it is now.
  return reserve(ctx, entry);
}

/** {@link reserveOrAsk}, resolved once the pending entry is written. */
export async function admitOrAsk(ctx: WalletContext, caller: PageCaller, entry: PendingEntry, signal: AbortSignal, aborted: () => WalletError): Promise<void> {
  const { written } = await reserveOrAsk(ctx, caller, entry, signal, aborted);
  await written;
}

async function askToRaise(ctx: WalletContext, caller: PageCaller, entry: PendingEntry, grant: GrantRecord, refusal: WalletError): Promise<void> {
  const spentNano = spentInPeriod(grant, ctx.now());
  const heldNano = ctx.gate.heldNano(entry.origin);
  const raise: RaisePrompt = {
    model: entry.model,
    period: grant.period,
    budgetNano: grant.budgetNano,
    spentNano,
    heldNano,
    requestNano: entry.reservedNano,
    neededNano: spentNano + heldNano + entry.reservedNano,
  };
  const [need, left] = formatNeedAndLeft(entry.reservedNano, Math.max(0, grant.budgetNano - spentNano - heldNano));
  try {
    await ctx.approvals.ask({
      origin: entry.origin,
      ...(caller.topOrigin ? { topOrigin: caller.topOrigin } : {}),
      ...(caller.tabId !== undefined ? { tabId: caller.tabId } : {}),
      kind: 'raiseBudget',
      request: { scopes: grant.scopes, budget: { usd: suggestedUsd(raise), period: grant.period } },
      raise,
    });
  } catch (error) {
    if (!(error instanceof WalletError)) throw error;
    // Declined or closed: the budget stands. A prompt already open, or prompts blocked after
    // repeated rejections: the request is refused for its budget, without a second window.
    if (error.code === ErrorCode.userRejected) throw new WalletError(ErrorCode.budgetExceeded, messages.budgetRaiseDeclined(need, left), refusal.data);
    if (error.code === ErrorCode.rateLimited) throw new WalletError(ErrorCode.budgetExceeded, messages.budgetRaiseUnavailable(need, left), refusal.data);
    throw error;
  }
}

/** At least what the request needs, rounded up to a whole cent. */
export function suggestedUsd(raise: RaisePrompt): number {
  const cents = Math.ceil(Math.max(raise.neededNano, raise.budgetNano) / 10_000_000);
  return cents / 100;
}

export function raiseView(raise: RaisePrompt): RaiseView {
  return {
    model: raise.model,
    period: raise.period,
    budgetUsd: nanoToUsd(raise.budgetNano),
    spentUsd: nanoToUsd(raise.spentNano),
    heldUsd: nanoToUsd(raise.heldNano),
    requestUsd: nanoToUsd(raise.requestNano),
    neededUsd: nanoToUsd(raise.neededNano),
    suggestedUsd: suggestedUsd(raise),
  };
}

/**
 * The person approved raise prompt `id` with a budget of `usd`: the grant's budget becomes that
 * (its period and spend unchanged), then the waiting request runs admission again.
 */
export async function approveRaise(ctx: WalletContext, p: { id: string; usd: number }): Promise<Grant> {
  const record = await ctx.approvals.get(p.id);
  if (!record) throw new WalletError(ErrorCode.invalidParams, messages.invalidParams('id', 'no such prompt (it was answered or closed)'));
  if (record.kind !== 'raiseBudget' || !record.raise) throw new WalletError(ErrorCode.invalidParams, messages.invalidParams('id', 'this prompt does not ask to raise a budget'));
  const budgetNano = usdToNanoFloor(p.usd);
  if (budgetNano < record.raise.neededNano) throw new WalletError(ErrorCode.invalidParams, messages.invalidParams('usd', messages.raiseTooLow(formatUsd(record.raise.neededNano))));
  const now = ctx.now();
  const next = await ctx.grants.patch(record.origin, (current) => (current ? { ...current, budgetNano, updatedAt: now } : undefined));
  if (!next) {
    await ctx.approvals.reject(p.id);
    throw new WalletError(ErrorCode.invalidParams, messages.raiseNotConnected());
  }
  await ctx.approvals.approve(p.id, {
    budget: { usd: nanoToUsd(budgetNano), period: next.period },
    models: next.models,
    defaultModel: next.defaultModel,
    scopes: next.scopes,
  });
  await ctx.grantChanged(record.origin);
  return toPublicGrant(next, now);
}
