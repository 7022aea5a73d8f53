/** Everything the background's handlers share, built once per worker in wallet.ts. */
import type { Approvals } from '../approvals/approvals';
import type { BudgetGate } from '../budget/gate';
import type { WalletDb } from '../db/database';
import type { Grants } from '../grants/grants';
import type { Keyring } from '../keys/keyring';
import type { Ledger } from '../ledger/ledger';
import type { RateLimiter } from '../ratelimit/limiter';
import type { Vault } from '../vault/vault';
import type { PagePort, PortHub } from './ports';
import type { UnlockPrompt } from './unlock-prompt';
import type { SetupPrompt } from './setup-prompt';
import type { SettingsStore } from '../settings/settings';
import type { Metrics } from './metrics';
import type { AuditLog } from '../audit/audit';
import type { Tracer } from '../pipeline/trace';

export interface WalletContext {
  db: WalletDb;
  vault: Vault;
  keyring: Keyring;
  grants: Grants;
  ledger: Ledger;
  gate: BudgetGate;
  limiter: RateLimiter;
  approvals: Approvals;
  unlock: UnlockPrompt;
  /** First run: requests that wait while the person creates the wallet and adds a key. */
  setup: SetupPrompt;
  ports: PortHub;
  providers: ProviderDirectory;
  settings: SettingsStore;
  metrics: Metrics;
  /** Times the request pipeline's stages: a no-op unless built for the bench (lib/pipeline/trace.ts). */
  tracer: Tracer;
  /** Security events, append-only (lib/audit). */
  audit: AuditLog;
  now: () => number;
  /**
   * Tells open pages of `origin` (and the extension's pages) that its grant changed. With the
   * `answer` of a call still being answered, its own page hears it on that answer instead.
   */
  grantChanged(origin: string, answer?: AnswerNotes): Promise<void>;
  /** Tells the extension's own pages to refresh. */
  uiChanged(): void;
  /** Marks the wallet as in use (an admitted request): pushes the auto-lock back. */
  activity(): void;
}

/** Who is calling a page method: the origin the browser reported for the frame. */
export interface PageCaller {
  origin: string;
  topOrigin?: string;
  /** The browser tab of the calling frame (prompts are limited per tab). */
  tabId?: number;
  /** The tab's favicon, shown in the approval window; only a top-level page's (a frame's would be its embedder's). */
  favIconUrl?: string;
  /** The call's answer, still to be sent (absent outside a page's call). */
  answer?: AnswerNotes;
}

/**
 * What a page call's answer carries besides its value: the `grantChanged` event its page would
 * otherwise be sent just before it (docs/PROTOCOL.md §4), one port message fewer per call.
 */
export interface AnswerNotes {
  /** The calling frame's port. */
  readonly port: PagePort;
  /** Set once the answer is sent: later events go as events. */
  sent: boolean;
  grant?: { data: unknown };
}

/** How the background reaches providers; wired to lib/providers in directory.ts, faked in tests. */
export interface ProviderDirectory {
  adapterFor(key: import('../db/tables/keys').KeyRecord): import('../providers/types').ProviderAdapter;
  credentialsFor(key: import('../db/tables/keys').KeyRecord, secret: string, timeoutMs?: number): import('../providers/types').ProviderCredentials;
  /** The price of `model` on `key`, or null when none is known (the request is then refused). */
  priceFor(key: import('../db/tables/keys').KeyRecord, model: string, inputTokens?: number, variant?: string): Promise<import('../budget/price').Price | null>;
  /**
   * Whether the key's provider serves a capability (its preset's `capabilities`): a request for
   * one it does not is refused (4200) before anything is sent. Absent (test fakes): every one.
   */
  serves?(key: import('../db/tables/keys').KeyRecord, capability: import('../db/tables/ledger').LedgerKind): boolean;
  /** The provider's label for results and the ledger, e.g. `openai`, `anthropic`, `groq`. */
  providerName(key: import('../db/tables/keys').KeyRecord): string;
  maxOutputTokens(model: string): number | undefined;
  /** Forget cached price overrides after the person changed them. */
  pricesChanged(): void;
}
