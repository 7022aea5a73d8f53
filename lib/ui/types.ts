/** The shapes the background returns to the extension's pages. */
import type { Scope } from '../protocol/scopes';
export type { KeyView } from '../keys/keyring';
export type { Grant } from '../grants/grants';
export type { ModelOffer } from '../grants/offers';
export type { LedgerEntry } from '../db/tables/ledger';
export type { Settings } from '../settings/settings';
export type { SiteDetails, ModelChoice } from '../sites/details';
export type { UsageSummary, Series, ChartRow, SiteTotal } from '../dashboard/summary';
export type { SpendByKey, KeySpendRow, ProviderSpendRow } from '../dashboard/key-spend';
export type { AuditRecord } from '../db/tables/audit';
export type { RaiseView } from '../background/raise-budget';

export interface VaultStatusView {
  exists: boolean;
  unlocked: boolean;
  autoLockMinutes: number;
  keys: number;
  /** Sites whose connect waits for the first-run setup to finish. */
  waitingSites: string[];
}

/** The approval window's queue: the request shown now (null: none is left) and how many wait after it. */
export interface ApprovalQueueView {
  current: ApprovalView | null;
  waiting: number;
}

export interface ApprovalView {
  /** A connection, or a budget raise for a connected site (then `raise` says why). */
  kind: 'connect' | 'raiseBudget';
  raise?: import('../background/raise-budget').RaiseView;
  id: string;
  origin: string;
  topOrigin: string | null;
  /** The tab's favicon as the browser reported it (lib/approvals/favicon.ts); null: none known. */
  favIconUrl: string | null;
  scopes: Scope[];
  reason: string | null;
  budget: { usd: number; period: 'day' | 'week' | 'month' | 'total' };
  offers: import('../grants/offer-prices').PricedOffer[];
  unavailable: string[];
  /** The models the site named (then only those are offered), or null: the window ticks by scope (lib/grants/preselect.ts). */
  requestedModels: string[] | null;
  /** Budgets above this ask the person twice (the wallet setting "Confirm budgets above"). */
  confirmBudgetAboveUsd: number;
}
