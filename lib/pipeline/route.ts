/** The first stage: which key and price serve a request, after the grant, lock and rate checks. */
import { ErrorCode, WalletError } from '../protocol/errors';
import { messages } from '../protocol/messages';
import type { GrantRecord, Scope } from '../db/tables/grants';
import type { KeyRecord } from '../db/tables/keys';
import { isActive } from '../grants/grants';
import type { Price } from '../budget/price';
import type { Caller, RouteDeps } from './deps';
import { candidatesFor, fallbackOrder, type Candidate } from './fallback';

/** The grant of `origin` with `scope`, in force, or 4100. */
export async function requireGrant(deps: Pick<RouteDeps, 'grants' | 'now'>, origin: string, scope: Scope): Promise<GrantRecord> {
  const grant = await deps.grants.get(origin);
  if (!grant) throw new WalletError(ErrorCode.unauthorized, messages.notConnected(origin));
  if (grant.paused) throw new WalletError(ErrorCode.unauthorized, messages.grantPaused());
  if (!isActive(grant, deps.now())) throw new WalletError(ErrorCode.unauthorized, messages.grantExpired());
  if (!grant.scopes.includes(scope)) throw new WalletError(ErrorCode.unauthorized, messages.scopeNotGranted(scope));
  return grant;
}

export interface Routed {
  grant: GrantRecord;
  model: string;
  /** The first key tried, and its price. */
  key: KeyRecord;
  price: Price;
  /** Every key that may serve, in order, the first one first (lib/pipeline/fallback.ts). */
  candidates: Candidate[];
}

/**
 * Resolves the model, key and price of a request, after the grant, lock and rate checks.
 * `inputBound` (the request's input bound for a model) picks a long-context price where one applies.
 */
export async function route(deps: RouteDeps, caller: Caller, scope: Scope, requested: string | undefined, inputBound?: (model: string) => number): Promise<Routed> {
  const grant = await requireGrant(deps, caller.origin, scope);
  const model = requested ?? grant.defaultModel;
  if (!model) throw new WalletError(ErrorCode.invalidParams, messages.noDefaultModel());
  const keyId = grant.routes[model];
  if (!grant.models.includes(model) || !keyId) throw new WalletError(ErrorCode.unauthorized, messages.modelNotGranted(model));
  await deps.unlock.ensureUnlocked(caller.origin);
  if (!deps.limiter.take(caller.origin, grant.rateLimitPerMin)) {
    throw new WalletError(ErrorCode.rateLimited, messages.rateLimited(grant.rateLimitPerMin), { retryAfterMs: 60_000 });
  }
  const routed = await deps.keyring.forRequest(keyId);
  const order = fallbackOrder(grant, (await deps.settings.get()).keyFallback);
  const candidates = await candidatesFor(deps, routed, model, order, inputBound?.(model));
  if (!candidates.length) throw routed.enabled ? new WalletError(ErrorCode.budgetExceeded, messages.noPrice(model)) : new WalletError(ErrorCode.unauthorized, messages.keyDisabled(model));
  const { key, price } = candidates[0]!;
  return { grant, model, key, price, candidates };
}
