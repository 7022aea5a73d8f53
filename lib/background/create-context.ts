/**
 * Composes the wallet from its parts. Everything the browser provides comes in as a dependency,
 * so tests build the same wallet with an in-memory database, session and windows.
 */
import type { WalletDb } from '../db/database';
import { Vault, type VaultStatus } from '../vault/vault';
import type { SessionStore } from '../vault/session-store';
import { Keyring } from '../keys/keyring';
import { Grants, toPublicGrant } from '../grants/grants';
import { Ledger } from '../ledger/ledger';
import { BudgetGate } from '../budget/gate';
import { periodKey, spentInPeriod } from '../budget/period';
import { RateLimiter } from '../ratelimit/limiter';
import { Approvals } from '../approvals/approvals';
import { SettingsStore } from '../settings/settings';
import type { ProviderDirectory, WalletContext } from './context';
import { PortHub } from './ports';
import { Metrics } from './metrics';
import { UnlockPrompt } from './unlock-prompt';
import { SetupPrompt } from './setup-prompt';
import type { WindowOpener } from './windows';
import { AuditLog } from '../audit/audit';
import { approvalEvent } from '../audit/approval-events';
import { overrunEvent } from '../audit/budget-events';
import { noTracer, type Tracer } from '../pipeline/trace';

export interface ContextDeps {
  db: WalletDb;
  session: SessionStore;
  windows: WindowOpener;
  providers: ProviderDirectory;
  now?: () => number;
  /** Tells the extension's pages to refresh. */
  uiChanged?: () => void;
  /** A request was admitted: the wallet is in use (pushes auto-lock back). */
  activity?: () => void;
  /** After every lock and unlock, once pages and prompts were told. */
  vaultChanged?: (status: VaultStatus) => void;
  /** Times the request pipeline's stages into `metrics` (default: nothing is timed). */
  tracer?: (metrics: Metrics) => Tracer;
}

export function createWalletContext(deps: ContextDeps): WalletContext {
  const now = deps.now ?? (() => Date.now());
  const setup = new SetupPrompt(deps.windows, () => deps.uiChanged?.());
  // Whatever changed the wallet's pages may have finished a first-run setup that requests wait on.
  const uiChanged = () => {
    deps.uiChanged?.();
    setup.changed();
  };
  const ports = new PortHub();
  const vault: Vault = new Vault({
    db: deps.db,
    session: deps.session,
    now,
    onChange(status) {
      if (status.unlocked) unlock.unlocked();
      ports.emit(null, status.unlocked ? 'unlock' : 'lock', null);
      deps.vaultChanged?.(status);
      uiChanged();
    },
  });
  const unlock = new UnlockPrompt(vault, deps.windows, setup);
  const grants = new Grants(deps.db);
  const audit = new AuditLog(deps.db, now, uiChanged);
  const gate = new BudgetGate();
  const metrics = new Metrics();
  // A settled request's charge moves from the gate's hold to the grant's spend in one step.
  const ledger = new Ledger(deps.db, now, (settled, charged) => {
    if (charged) grants.remember(charged);
    gate.release(settled.origin, settled.id);
    // Billed above its reservation: the person is told (the audit log; the site's spend bar shows it over budget).
    const overrun = overrunEvent(settled);
    if (overrun) void audit.record(overrun);
  });
  return {
    db: deps.db,
    vault,
    keyring: new Keyring(deps.db, vault, now),
    grants,
    ledger,
    gate,
    limiter: new RateLimiter(now),
    approvals: new Approvals(deps.db, deps.windows, now, (record, outcome) => void audit.record(approvalEvent(record, outcome)), uiChanged),
    unlock,
    setup,
    ports,
    providers: deps.providers,
    settings: new SettingsStore(deps.db),
    metrics,
    tracer: deps.tracer?.(metrics) ?? noTracer,
    audit,
    now,
    async grantChanged(origin, answer) {
      const grant = await grants.get(origin);
      // The spend the page hears includes the requests already answered whose settlement is still
      // committing: what its getGrant returns (it waits for them).
      const unsettled = ledger.unsettledNano(origin);
      const current = grant && unsettled > 0 ? { ...grant, spentNano: spentInPeriod(grant, now()) + unsettled, periodKey: periodKey(grant.period, now()) } : grant;
      const data = current ? toPublicGrant(current, now()) : null;
      if (answer && !answer.sent) {
        answer.grant = { data };
        ports.emit(origin, 'grantChanged', data, answer.port);
      } else ports.emit(origin, 'grantChanged', data);
      uiChanged();
    },
    uiChanged,
    activity: deps.activity ?? (() => undefined),
  };
}
