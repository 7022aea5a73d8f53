/**
 * Over budget: a request that does not fit its site's budget is refused with 4402, or, when the
 * person chose "ask" (for that site, or as the wallet's default), it waits while the approval
 * window asks them to raise the budget. Approved: the budget is raised and admission runs again.
 * Rejected (or the window closed): 4402. Nothing is sent to the provider before the decision,
 * and nothing is held while the person decides.
 */
import type { AdmitOptions } from '../budget/admit';
import type { BudgetGate } from '../budget/gate';
import type { Approvals } from '../approvals/approvals';
import type { Grants } from '../grants/grants';
import type { SettingsStore } from '../settings/settings';
import { formatNeedAndLeft, formatUsd, nanoToUsd, usdToNanoFloor } from '../budget/money';
import { spentInPeriod } from '../budget/period';
import type { GrantRecord } from '../db/tables/grants';
import type { RaisePrompt } from '../db/tables/approvals';
import type { PendingEntry } from '../ledger/ledger';
import { ErrorCode, WalletError } from '../protocol/errors';
import { messages } from '../protocol/messages';
import { fail, invalidParam, phrase } from '../protocol/said';
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

/** What asking the person to raise a budget reads and opens. */
export interface RaiseDeps {
  grants: Pick<Grants, 'peek'>;
  settings: Pick<SettingsStore, 'get'>;
  gate: Pick<BudgetGate, 'heldNano'>;
  approvals: Pick<Approvals, 'ask'>;
  now: () => number;
}

/** True when `grant` (or, unset, the wallet's setting) asks the person instead of refusing. */
export async function asksToRaise(deps: Pick<RaiseDeps, 'settings'>, grant: GrantRecord | undefined): Promise<boolean> {
  if (!grant) return false;
  return (grant.overBudget ?? (await deps.settings.get()).overBudget) === 'ask';
}

/**
 * Admission's over-budget option (lib/budget/admit.ts) for `caller`: asks the person to raise
 * the budget when the site's setting says so, else refuses with admission's 4402. Throws 4402
 * when the person declines, or an AbortError-shaped 4001 (`aborted`) when the page gave up
 * while the person decided.
 */
export function raiseOnAsk(deps: RaiseDeps, caller: PageCaller, signal: AbortSignal, aborted: () => WalletError): NonNullable<AdmitOptions['overBudget']> {
  return async (entry, refusal) => {
    const grant = deps.grants.peek(entry.origin);
    if (!grant || !(await asksToRaise(deps, grant))) throw refusal;
    await askToRaise(deps, caller, entry, grant, refusal);
    if (signal.aborted) throw aborted();
  };
}

async function askToRaise(deps: RaiseDeps, caller: PageCaller, entry: PendingEntry, grant: GrantRecord, refusal: WalletError): Promise<void> {
  const spentNano = spentInPeriod(grant, deps.now());
  const heldNano = deps.gate.heldNano(entry.origin);
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
    await deps.approvals.ask({
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
  if (budgetNano < record.raise.neededNano) throw invalidParam('usd', phrase('raiseTooLow', `$${formatUsd(record.raise.neededNano)}`));
  const now = ctx.now();
  const next = await ctx.grants.patch(record.origin, (current) => (current ? { ...current, budgetNano, updatedAt: now } : undefined));
  if (!next) {
    await ctx.approvals.reject(p.id);
    throw fail(ErrorCode.invalidParams, 'raiseNotConnected');
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
