/** UI commands for connected sites and prompts. */
import type { WalletContext } from '../context';
import { toPublicGrant } from '../../grants/grants';
import { modelOffers } from '../../grants/offers';
import { ErrorCode, WalletError } from '../../protocol/errors';
import { messages } from '../../protocol/messages';
import { usdToNanoFloor } from '../../budget/money';
import { periodKey } from '../../budget/period';
import { loadSettings } from '../../settings/settings';
import { approve } from '../connect';
import type { ApprovalDecision } from '../../approvals/approvals';
import type { GrantRecord } from '../../db/tables/grants';

export async function listGrants(ctx: WalletContext) {
  return (await ctx.grants.list()).map((g) => toPublicGrant(g, ctx.now()));
}

export async function getSiteGrant(ctx: WalletContext, p: { origin: string }) {
  const grant = await ctx.grants.get(p.origin);
  return grant ? toPublicGrant(grant, ctx.now()) : null;
}

export async function revokeGrant(ctx: WalletContext, p: { origin: string }) {
  await ctx.grants.revoke(p.origin);
  await ctx.grantChanged(p.origin);
  return null;
}

export interface GrantChanges {
  origin: string;
  models?: string[] | undefined;
  defaultModel?: string | undefined;
  budget?: { usd: number; period: GrantRecord['period'] } | undefined;
  scopes?: GrantRecord['scopes'] | undefined;
  rateLimitPerMin?: number | undefined;
  paused?: boolean | undefined;
  expiresAt?: number | null | undefined;
}

export async function updateGrant(ctx: WalletContext, p: GrantChanges) {
  const grant = await ctx.grants.get(p.origin);
  if (!grant) throw new WalletError(ErrorCode.invalidParams, messages.invalidParams('origin', 'not connected'));
  const next: GrantRecord = { ...grant, updatedAt: ctx.now() };
  if (p.models) {
    const offers = new Map(modelOffers(await ctx.keyring.list()).map((o) => [o.model, o.keyId]));
    next.routes = {};
    for (const model of p.models) {
      const keyId = grant.routes[model] ?? offers.get(model);
      if (!keyId) throw new WalletError(ErrorCode.invalidParams, messages.invalidParams('models', `no key offers '${model}'`));
      next.routes[model] = keyId;
    }
    next.models = p.models;
    if (!p.models.includes(next.defaultModel)) next.defaultModel = p.models[0] ?? '';
  }
  if (p.defaultModel) {
    if (!next.models.includes(p.defaultModel)) throw new WalletError(ErrorCode.invalidParams, messages.invalidParams('defaultModel', 'must be an allowed model'));
    next.defaultModel = p.defaultModel;
  }
  if (p.budget) {
    next.budgetNano = usdToNanoFloor(p.budget.usd);
    if (p.budget.period !== grant.period) {
      next.period = p.budget.period;
      next.spentNano = 0;
      next.periodKey = periodKey(p.budget.period, ctx.now());
    }
  }
  if (p.scopes) next.scopes = p.scopes;
  if (p.rateLimitPerMin !== undefined) next.rateLimitPerMin = p.rateLimitPerMin;
  if (p.paused !== undefined) next.paused = p.paused;
  if (p.expiresAt !== undefined) {
    if (p.expiresAt === null) delete next.expiresAt;
    else next.expiresAt = p.expiresAt;
  }
  await ctx.grants.put(next);
  await ctx.grantChanged(p.origin);
  return toPublicGrant(next, ctx.now());
}

export async function getApproval(ctx: WalletContext, p: { id: string }) {
  const record = await ctx.approvals.get(p.id);
  if (!record) return null;
  const settings = await loadSettings(ctx.db);
  const offers = modelOffers(await ctx.keyring.list());
  const wanted = record.request.models;
  return {
    id: record.id,
    origin: record.origin,
    topOrigin: record.topOrigin ?? null,
    scopes: record.request.scopes,
    reason: record.request.reason ?? null,
    budget: record.request.budget ?? { usd: settings.defaultBudgetUsd, period: settings.defaultPeriod },
    offers: wanted ? offers.filter((o) => wanted.includes(o.model)) : offers,
    unavailable: wanted ? wanted.filter((m) => !offers.some((o) => o.model === m)) : [],
  };
}

export async function decideApproval(ctx: WalletContext, p: { id: string; approve: false } | ({ id: string; approve: true } & ApprovalDecision)) {
  if (!p.approve) {
    await ctx.approvals.reject(p.id);
    return null;
  }
  const { id, approve: _a, ...decision } = p;
  return approve(ctx, id, decision);
}
