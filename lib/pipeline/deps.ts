/**
 * What the pipeline's stages use, each stage naming only its own part. The worker's
 * WalletContext (lib/background/context.ts) provides all of them; a local-apps bridge, or a
 * test, can provide them without the rest of the wallet.
 */
import type { AdmitDeps } from '../budget/admit';
import type { Grants } from '../grants/grants';
import type { Keyring } from '../keys/keyring';
import type { Ledger } from '../ledger/ledger';
import type { RateLimiter } from '../ratelimit/limiter';
import type { SettingsStore } from '../settings/settings';
import type { RaiseDeps } from '../background/raise-budget';
import type { AnswerNotes, PageCaller, ProviderDirectory } from '../background/context';
import type { UnlockPrompt } from '../background/unlock-prompt';
import type { BudgetGate } from '../budget/gate';
import type { Tracer } from './trace';

/** Who a request is for: the origin whose grant and budget it uses (a site, or an app). */
export type Caller = PageCaller;

/** Route: the caller's grant, the lock, the rate limit, the key and the price. */
export interface RouteDeps {
  grants: Pick<Grants, 'get'>;
  unlock: Pick<UnlockPrompt, 'ensureUnlocked'>;
  limiter: Pick<RateLimiter, 'take'>;
  keyring: Pick<Keyring, 'forRequest'>;
  providers: Pick<ProviderDirectory, 'priceFor' | 'serves'>;
  /** The wallet's fallback order between keys. */
  settings: Pick<SettingsStore, 'get'>;
  now: () => number;
}

/** The ledger lines a request leaves besides its pending entry, and its key's status. */
export interface RecordDeps {
  ledger: Pick<Ledger, 'refused' | 'settle' | 'checkpoint' | 'switchKey'>;
  keyring: Pick<Keyring, 'update'>;
  now: () => number;
  uiChanged(): void;
}

/** The provider call: the key's secret, the adapter, the limits and timeout it is sent with. */
export interface CallDeps {
  keyring: Pick<Keyring, 'secretOf'>;
  providers: Pick<ProviderDirectory, 'adapterFor' | 'credentialsFor' | 'providerName' | 'maxOutputTokens'>;
  settings: Pick<SettingsStore, 'get'>;
}

/** After the settlement: the hold goes, and the caller's pages hear the new spend. */
export interface SettledDeps {
  gate: Pick<BudgetGate, 'hold' | 'release'>;
  grantChanged(origin: string, answer?: AnswerNotes): Promise<void>;
  uiChanged(): void;
}

export interface PipelineDeps extends RouteDeps, AdmitDeps, RaiseDeps, RecordDeps, CallDeps, SettledDeps {
  keyring: RouteDeps['keyring'] & RecordDeps['keyring'] & CallDeps['keyring'];
  providers: RouteDeps['providers'] & CallDeps['providers'];
  grants: RouteDeps['grants'] & AdmitDeps['grants'] & RaiseDeps['grants'];
  gate: AdmitDeps['gate'] & RaiseDeps['gate'] & SettledDeps['gate'];
  ledger: AdmitDeps['ledger'] & RecordDeps['ledger'];
  settings: RouteDeps['settings'] & CallDeps['settings'] & RaiseDeps['settings'];
  /** An admitted request: the wallet is in use (pushes the auto-lock back). */
  activity(): void;
  tracer: Tracer;
}
