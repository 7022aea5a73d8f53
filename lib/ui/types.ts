/** The shapes the background returns to the extension's pages. */
import type { UiResult } from '../background/ui-handlers';
export type { KeyView } from '../keys/keyring';
export type { Grant } from '../grants/grants';
export type { ModelOffer } from '../grants/offers';
export type { LedgerEntry } from '../db/tables/ledger';
export type { Settings } from '../settings/settings';
export type { SiteDetails, ModelChoice } from '../sites/details';
export type { UsageSummary, Series, ChartRow, SiteTotal } from '../dashboard/summary';
export type { AuditRecord } from '../db/tables/audit';
export type { RaiseView } from '../background/raise-budget';

/** The rest, as the background's handlers return them (lib/background/ui-handlers.ts), never declared twice. */
export type VaultStatusView = UiResult<'vault.status'>;
export type ApprovalQueueView = UiResult<'approvals.queue'>;
export type ApprovalView = NonNullable<UiResult<'approvals.get'>>;
