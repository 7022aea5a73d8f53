/** connect / getGrant / disconnect, and turning an approval into a grant. */
import type { GrantRecord, Scope } from '../db/tables/grants';
import { grantCovers, toPublicGrant, type Grant } from '../grants/grants';
import { grantRoutes } from '../grants/routes';
import { defaultsProblem, fillDefaults } from '../grants/media-defaults';
import { usdToNanoFloor } from '../budget/money';
import { periodKey } from '../budget/period';
import type { ApprovalDecision } from '../approvals/approvals';
import { sanitizeReason } from '../approvals/reason';
import type { ConnectRequest } from '../protocol/page-methods';
import { ErrorCode, WalletError } from '../protocol/errors';
import { messages } from '../protocol/messages';
import type { PageCaller, WalletContext } from './context';

const DEFAULT_SCOPES: Scope[] = ['chat', 'models'];

export async function connect(ctx: WalletContext, caller: PageCaller, req: ConnectRequest | undefined): Promise<Grant> {
  const scopes = req?.scopes ?? DEFAULT_SCOPES;
  // Stored as the window will show it: no bidi controls, one line, capped (lib/approvals/reason.ts).
  const reason = req?.reason === undefined ? '' : sanitizeReason(req.reason);
  await ctx.ledger.settled(caller.origin);
  const covering = async () => {
    const grant = await ctx.grants.get(caller.origin);
    return grant && grantCovers(grant, { scopes, ...(req?.models ? { models: req.models } : {}) }, ctx.now()) ? grant : undefined;
  };
  const existing = await covering();
  if (existing) return toPublicGrant(existing, ctx.now());
  const prepare = async () => {
    try {
      await ctx.unlock.ensureUnlocked(caller.origin);
    } catch (error) {
      // Closing the unlock window or the setup page a site opened counts like rejecting its prompt: no endless reopening.
      if (error instanceof WalletError && (error.message === messages.locked() || error.message === messages.setupClosed())) ctx.approvals.noteRejection(caller);
      throw error;
    }
    // No key yet: the request waits while the person adds one on the setup page.
    await ctx.setup.waitUntil(caller.origin, async () => (await ctx.keyring.list()).some((k) => k.enabled)).catch((error: unknown) => {
      if (error instanceof WalletError && error.message === messages.setupClosed()) ctx.approvals.noteRejection(caller);
      throw error;
    });
  };
  // One prompt per origin and a few per tab, the unlock window it may need included (prompt spam: docs/THREAT_MODEL.md).
  await ctx.approvals.ask(
    {
      origin: caller.origin,
      ...(caller.topOrigin ? { topOrigin: caller.topOrigin } : {}),
      ...(caller.tabId !== undefined ? { tabId: caller.tabId } : {}),
      ...(caller.favIconUrl ? { favIconUrl: caller.favIconUrl } : {}),
      request: {
        scopes,
        ...(req?.models ? { models: req.models } : {}),
        ...(req?.budget ? { budget: req.budget } : {}),
        ...(reason ? { reason } : {}),
      },
    },
    prepare,
    async () => (await covering()) !== undefined,
  );
  const grant = await ctx.grants.get(caller.origin);
  if (!grant) throw new WalletError(ErrorCode.userRejected, messages.userRejected());
  return toPublicGrant(grant, ctx.now());
}

export async function getGrant(ctx: WalletContext, caller: PageCaller): Promise<Grant | null> {
  // The spend shown includes every chat already answered (docs/API.md, "The page API").
  await ctx.ledger.settled(caller.origin);
  const grant = await ctx.grants.get(caller.origin);
  return grant ? toPublicGrant(grant, ctx.now()) : null;
}

export async function disconnect(ctx: WalletContext, caller: PageCaller): Promise<null> {
  if (await ctx.grants.revoke(caller.origin)) {
    await ctx.audit.record({ type: 'site.disconnected', origin: caller.origin });
    await ctx.grantChanged(caller.origin, caller.answer);
  }
  return null;
}

/**
 * The person approved prompt `id` in the approval window: checks the decision against what can
 * be offered, writes the grant, then releases the waiting `connect`.
 */
export async function approve(ctx: WalletContext, id: string, decision: ApprovalDecision): Promise<Grant> {
  const record = await ctx.approvals.get(id);
  if (!record) throw new WalletError(ErrorCode.invalidParams, messages.invalidParams('id', 'no such prompt (it was answered or closed)'));
  if (record.kind === 'raiseBudget') throw new WalletError(ErrorCode.invalidParams, messages.invalidParams('id', 'this prompt asks to raise a budget'));
  const routes = grantRoutes(await ctx.keyring.list(), decision.models);
  if (!decision.models.includes(decision.defaultModel)) {
    throw new WalletError(ErrorCode.invalidParams, messages.invalidParams('defaultModel', 'must be one of the approved models'));
  }
  // Each media default must be an approved model of its scope's kind; a granted media scope left without one gets the usual first choice.
  const problem = defaultsProblem(decision.defaults ?? {}, decision.scopes, decision.models);
  if (problem) throw new WalletError(ErrorCode.invalidParams, messages.invalidParams(problem.field, problem.reason));
  const defaults = fillDefaults(decision.scopes, decision.models, decision.defaults);
  const now = ctx.now();
  const settings = await ctx.settings.get();
  const previous = await ctx.grants.get(record.origin);
  const grant: GrantRecord = {
    origin: record.origin,
    scopes: decision.scopes,
    models: decision.models,
    routes,
    defaultModel: decision.defaultModel,
    ...(Object.keys(defaults).length ? { defaults } : {}),
    budgetNano: usdToNanoFloor(decision.budget.usd),
    period: decision.budget.period,
    // Reconnecting never resets what the site already spent this period.
    spentNano: await spentThisPeriod(ctx, record.origin, decision.budget.period, now),
    periodKey: periodKey(decision.budget.period, now),
    rateLimitPerMin: previous?.rateLimitPerMin ?? settings.defaultRateLimitPerMin,
    paused: false,
    ...(previous?.overBudget ? { overBudget: previous.overBudget } : {}),
    createdAt: previous?.createdAt ?? now,
    updatedAt: now,
  };
  await ctx.grants.patch(record.origin, (current) => ({ ...grant, ...(current ? { createdAt: current.createdAt } : {}) }));
  await ctx.approvals.approve(id, { ...decision, ...(Object.keys(defaults).length ? { defaults } : {}) });
  await ctx.grantChanged(record.origin);
  return toPublicGrant(grant, now);
}

/** What `origin` spent in the period containing `now`, from the daily rollups. */
export async function spentThisPeriod(ctx: WalletContext, origin: string, period: GrantRecord['period'], now: number): Promise<number> {
  const key = periodKey(period, now);
  const rollups = await ctx.db.rollups.where('origin').equals(origin).toArray();
  let total = 0;
  for (const r of rollups) {
    const at = new Date(`${r.day}T12:00:00`).getTime();
    if (periodKey(period, at) === key) total += r.costNano;
  }
  return total;
}
