/**
 * The extension pages' commands: a fixed map from command to handler. Params were validated
 * against `uiCommands` before a handler runs.
 */
import type { z } from 'zod';
import type { uiCommands, UiCommand } from '../protocol/ui';
import type { WalletContext } from './context';
import type { Settings } from '../settings/settings';
import { backupExport, backupImport, vaultChangePassphrase, vaultCreate, vaultLock, vaultReset, vaultStatus, vaultUnlock } from './ui/vault';
import { addKey, removeKey, rotateKey, sitesRoutedTo, updateKey, validateKeyNow } from './ui/keys';
import { decideApproval, getApproval, getApprovalQueue, getSiteGrant, listGrants, restoreGrant, revokeGrant, updateGrant } from './ui/grants';
import { getSettings, listPrices, recentLedger, removePrice, setPrice, setSettings } from './ui/misc';
import { getLedgerFilters, getLedgerPage, getSiteDetails, getSpendByKey, getUsageSummary, listAudit } from './ui/control';
import { approveRaise } from './raise-budget';
import { localAppsStatus } from '../apps/native-host';

export interface UiDeps {
  ctx: WalletContext;
  settingsChanged(settings: Settings): void;
}

type Handlers = { [C in UiCommand]: (deps: UiDeps, params: z.output<(typeof uiCommands)[C]>) => Promise<unknown> };

export const uiHandlers = {
  'vault.status': ({ ctx }) => vaultStatus(ctx),
  'vault.create': ({ ctx }, p) => vaultCreate(ctx, p),
  'vault.unlock': ({ ctx }, p) => vaultUnlock(ctx, p),
  'vault.lock': ({ ctx }) => vaultLock(ctx),
  'vault.changePassphrase': ({ ctx }, p) => vaultChangePassphrase(ctx, p),
  'vault.reset': ({ ctx }) => vaultReset(ctx),
  'backup.export': ({ ctx }) => backupExport(ctx),
  'backup.import': ({ ctx, settingsChanged }, p) => backupImport(ctx, p, settingsChanged),
  'keys.list': ({ ctx }) => ctx.keyring.list(),
  'keys.add': ({ ctx }, p) => addKey(ctx, p),
  'keys.remove': ({ ctx }, p) => removeKey(ctx, p),
  'keys.sites': ({ ctx }, p) => sitesRoutedTo(ctx, p),
  'keys.update': ({ ctx }, p) => updateKey(ctx, p),
  'keys.rotate': ({ ctx }, p) => rotateKey(ctx, p),
  'keys.validate': ({ ctx }, p) => validateKeyNow(ctx, p),
  'grants.list': ({ ctx }) => listGrants(ctx),
  'grants.get': ({ ctx }, p) => getSiteGrant(ctx, p),
  'grants.revoke': ({ ctx }, p) => revokeGrant(ctx, p),
  'grants.restore': ({ ctx }, p) => restoreGrant(ctx, p),
  'grants.update': ({ ctx }, p) => updateGrant(ctx, p),
  'grants.details': ({ ctx }, p) => getSiteDetails(ctx, p),
  'approvals.get': ({ ctx }, p) => getApproval(ctx, p),
  'approvals.queue': ({ ctx }) => getApprovalQueue(ctx),
  'approvals.decide': ({ ctx }, p) => decideApproval(ctx, p),
  'approvals.raise': ({ ctx }, p) => approveRaise(ctx, p),
  'ledger.recent': ({ ctx }, p) => recentLedger(ctx, p),
  'ledger.query': ({ ctx }, p) => getLedgerPage(ctx, p),
  'ledger.filters': ({ ctx }) => getLedgerFilters(ctx),
  'usage.summary': ({ ctx }, p) => getUsageSummary(ctx, p),
  'usage.byKey': ({ ctx }, p) => getSpendByKey(ctx, p),
  'audit.list': ({ ctx }, p) => listAudit(ctx, p),
  'prices.list': ({ ctx }) => listPrices(ctx),
  'prices.set': ({ ctx }, p) => setPrice(ctx, p),
  'prices.remove': ({ ctx }, p) => removePrice(ctx, p),
  'settings.get': ({ ctx }) => getSettings(ctx),
  'settings.set': ({ ctx, settingsChanged }, p) => setSettings(ctx, p, settingsChanged),
  'apps.status': async () => localAppsStatus(),
} satisfies Handlers;

/** What each command resolves with: inferred from its handler, so a page's `call(command)` is typed by it (lib/ui/client.ts). */
export type UiResult<C extends UiCommand> = Awaited<ReturnType<(typeof uiHandlers)[C]>>;
