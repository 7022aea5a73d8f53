/** UI commands for the ledger, prices and settings. */
import type { PriceOverride } from '../../db/tables/prices';
import type { WalletContext } from '../context';
import type { Settings } from '../../settings/settings';
import { queryLedger } from '../../dashboard/query';
import { knownKeys } from './grants';

/** The newest requests first, those in flight included. */
export function recentLedger(ctx: WalletContext, p: { origin?: string | undefined; limit?: number | undefined } | undefined) {
  return queryLedger(ctx.db, { origin: p?.origin, limit: p?.limit ?? 200 });
}

export function listPrices(ctx: WalletContext) {
  return ctx.db.prices.toArray();
}

export async function setPrice(ctx: WalletContext, p: { keyId: string; model: string; inputPerM: number; outputPerM: number; perMChars?: number | undefined; perMinute?: number | undefined; perImage?: number | undefined }) {
  // Only the fields given: a media price stored without `undefined` placeholders.
  await ctx.db.prices.put(Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as unknown as PriceOverride);
  ctx.providers.pricesChanged();
  ctx.uiChanged();
  return null;
}

export async function removePrice(ctx: WalletContext, p: { keyId: string; model: string }) {
  await ctx.db.prices.delete([p.keyId, p.model]);
  ctx.providers.pricesChanged();
  ctx.uiChanged();
  return null;
}

export function getSettings(ctx: WalletContext) {
  return ctx.settings.get();
}

export async function setSettings(ctx: WalletContext, p: Partial<Settings>, onChange: (s: Settings) => void) {
  const changes: Partial<Settings> = Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined));
  if (changes.keyFallback) changes.keyFallback = await knownKeys(ctx, changes.keyFallback);
  const next = await ctx.settings.set(changes);
  onChange(next);
  ctx.uiChanged();
  return next;
}
