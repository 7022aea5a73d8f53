/** UI commands for control (issue 4): a site's settings view, budget raises, the dashboard, the audit log. */
import type { WalletContext } from '../context';
import { siteDetails, type SiteDetails } from '../../sites/details';
import { usageSummary } from '../../dashboard/summary';
import { spendByKey } from '../../dashboard/key-spend';
import { logFilterChoices, queryLedger, type LedgerQuery } from '../../dashboard/query';
import type { AuditListOptions } from '../../audit/audit';

export async function getSiteDetails(ctx: WalletContext, p: { origin: string }): Promise<SiteDetails | null> {
  const grant = await ctx.grants.get(p.origin);
  if (!grant) return null;
  return siteDetails(grant, await ctx.keyring.list(), (await ctx.settings.get()).overBudget, ctx.now());
}

export function getUsageSummary(ctx: WalletContext, p: { days: number }) {
  return usageSummary(ctx.db, { days: p.days, now: ctx.now() });
}

export async function getSpendByKey(ctx: WalletContext, p: { days: number }) {
  return spendByKey(ctx.db, await ctx.keyring.list(), { days: p.days, now: ctx.now() });
}

export function getLedgerPage(ctx: WalletContext, p: LedgerQuery | undefined) {
  return queryLedger(ctx.db, p ?? {});
}

export function getLedgerFilters(ctx: WalletContext) {
  return logFilterChoices(ctx.db, ctx.ledger.origins);
}

export function listAudit(ctx: WalletContext, p: AuditListOptions | undefined) {
  return ctx.audit.list(Object.fromEntries(Object.entries(p ?? {}).filter(([, v]) => v !== undefined)));
}
