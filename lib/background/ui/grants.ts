/** UI commands for connected sites and prompts. */
import type { WalletContext } from '../context';
import { toPublicGrant } from '../../grants/grants';
import { modelOffers } from '../../grants/offers';
import { priceOffers } from '../../grants/offer-prices';
import { withMediaRates } from '../../grants/media-price';
import { ErrorCode, WalletError } from '../../protocol/errors';
import { messages } from '../../protocol/messages';
import { invalidParam, phrase } from '../../protocol/said';
import { usdToNanoFloor } from '../../budget/money';
import { periodKey } from '../../budget/period';
import { approve, spentThisPeriod } from '../connect';
import { grantRoutes } from '../../grants/routes';
import { defaultsProblem, fillDefaults, type MediaDefaults } from '../../grants/media-defaults';
import type { ApprovalDecision } from '../../approvals/approvals';
import type { GrantRecord } from '../../db/tables/grants';
import type { ApprovalRecord } from '../../db/tables/approvals';
import { raiseView } from '../raise-budget';

export async function listGrants(ctx: WalletContext) {
  return (await ctx.grants.list()).map((g) => toPublicGrant(g, ctx.now()));
}

export async function getSiteGrant(ctx: WalletContext, p: { origin: string }) {
  const grant = await ctx.grants.get(p.origin);
  return grant ? toPublicGrant(grant, ctx.now()) : null;
}

export async function revokeGrant(ctx: WalletContext, p: { origin: string }) {
  await ctx.grants.revoke(p.origin, ctx.now());
  await ctx.grantChanged(p.origin);
  return null;
}

/** Undo of a Revoke, within a few seconds: the grant comes back as it was, with its spend. */
export async function restoreGrant(ctx: WalletContext, p: { origin: string }) {
  const now = ctx.now();
  const restored = await ctx.grants.restore(p.origin, now, (g) => spentThisPeriod(ctx, g.origin, g.period, now));
  if (!restored) throw invalidParam('origin', phrase('problemNotRestorable'));
  await ctx.grantChanged(p.origin);
  return toPublicGrant(restored, now);
}

export interface GrantChanges {
  origin: string;
  models?: string[] | undefined;
  defaultModel?: string | undefined;
  defaults?: MediaDefaults | undefined;
  budget?: { usd: number; period: GrantRecord['period'] } | undefined;
  scopes?: GrantRecord['scopes'] | undefined;
  rateLimitPerMin?: number | undefined;
  paused?: boolean | undefined;
  expiresAt?: number | null | undefined;
  routes?: Record<string, string> | undefined;
  overBudget?: 'ask' | 'refuse' | null | undefined;
  keyFallback?: string[] | null | undefined;
}

export async function updateGrant(ctx: WalletContext, p: GrantChanges) {
  const grant = await ctx.grants.get(p.origin);
  if (!grant) throw invalidParam('origin', phrase('problemNotConnected'));
  const now = ctx.now();
  const changes: Partial<GrantRecord> = { updatedAt: now };
  const models = p.models ?? grant.models;
  if (p.models || p.routes) {
    // The key serving each model: kept, picked by the person, or the first that offers it.
    changes.routes = grantRoutes(await ctx.keyring.list(), models, { kept: grant.routes, ...(p.routes ? { chosen: p.routes } : {}) });
  }
  if (p.models) {
    changes.models = p.models;
    if (!p.models.includes(grant.defaultModel)) changes.defaultModel = p.models[0] ?? '';
  }
  if (p.defaultModel) {
    if (!models.includes(p.defaultModel)) throw invalidParam('defaultModel', phrase('problemMustBeAllowedModel'));
    changes.defaultModel = p.defaultModel;
  }
  if (p.budget) {
    changes.budgetNano = usdToNanoFloor(p.budget.usd);
    if (p.budget.period !== grant.period) {
      // A new period counts what the site already spent in it.
      changes.period = p.budget.period;
      changes.spentNano = await spentThisPeriod(ctx, p.origin, p.budget.period, now);
      changes.periodKey = periodKey(p.budget.period, now);
    }
  }
  if (p.scopes) changes.scopes = p.scopes;
  if (p.models || p.scopes || p.defaults) {
    // The media defaults follow the models and scopes: a default picked is checked, one no longer allowed is replaced.
    const scopes = p.scopes ?? grant.scopes;
    const problem = defaultsProblem(p.defaults ?? {}, scopes, models);
    if (problem) throw new WalletError(ErrorCode.invalidParams, messages.invalidParams(problem.field, problem.reason));
    changes.defaults = fillDefaults(scopes, models, p.defaults, grant.defaults);
  }
  if (p.rateLimitPerMin !== undefined) changes.rateLimitPerMin = p.rateLimitPerMin;
  if (p.paused !== undefined) changes.paused = p.paused;
  if (typeof p.expiresAt === 'number') changes.expiresAt = p.expiresAt;
  if (p.overBudget) changes.overBudget = p.overBudget;
  if (p.keyFallback) changes.keyFallback = await knownKeys(ctx, p.keyFallback);
  const next = await ctx.grants.patch(p.origin, (current) => {
    if (!current) return undefined;
    const merged: GrantRecord = { ...current, ...changes };
    if (p.expiresAt === null) delete merged.expiresAt;
    if (p.overBudget === null) delete merged.overBudget;
    if (merged.defaults && Object.keys(merged.defaults).length === 0) delete merged.defaults;
    if (p.keyFallback === null) delete merged.keyFallback;
    return merged;
  });
  if (!next) throw invalidParam('origin', phrase('problemNotConnected'));
  await ctx.grantChanged(p.origin);
  return toPublicGrant(next, now);
}

/** The ids of `order` that name a key the wallet has: a fallback order never holds a stranger. */
export async function knownKeys(ctx: WalletContext, order: readonly string[]): Promise<string[]> {
  const ids = new Set((await ctx.keyring.list()).map((k) => k.id));
  return order.filter((id) => ids.has(id));
}

export async function getApproval(ctx: WalletContext, p: { id: string }) {
  const record = await ctx.approvals.get(p.id);
  return record ? approvalView(ctx, record) : null;
}

/** The approval window's queue: the prompt it shows now (null: none left) and how many wait after it. */
export async function getApprovalQueue(ctx: WalletContext) {
  const { current, waiting } = await ctx.approvals.queue();
  return { current: current ? await approvalView(ctx, current) : null, waiting };
}

async function approvalView(ctx: WalletContext, record: ApprovalRecord) {
  const settings = await ctx.settings.get();
  const keys = await ctx.keyring.list();
  // Each with its price, so the window can say what the site may spend (lib/grants/offer-prices.ts).
  const overrides = await ctx.db.prices.toArray();
  // A media model's rate in its unit (speech, transcription, images), from the person's price where the table has none.
  const offers = withMediaRates(priceOffers(modelOffers(keys), keys, overrides), keys, overrides);
  const wanted = record.request.models;
  return {
    kind: record.kind ?? 'connect',
    ...(record.raise ? { raise: raiseView(record.raise) } : {}),
    id: record.id,
    origin: record.origin,
    topOrigin: record.topOrigin ?? null,
    favIconUrl: record.favIconUrl ?? null,
    scopes: record.request.scopes,
    reason: record.request.reason ?? null,
    budget: record.request.budget ?? { usd: settings.defaultBudgetUsd, period: settings.defaultPeriod },
    offers: wanted ? offers.filter((o) => wanted.includes(o.model)) : offers,
    unavailable: wanted ? wanted.filter((m) => !offers.some((o) => o.model === m)) : [],
    requestedModels: wanted ?? null,
    confirmBudgetAboveUsd: settings.confirmBudgetAboveUsd,
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
