/** The first stage: which key and price serve a request, after the grant, lock and rate checks. */
import { ErrorCode, WalletError } from '../protocol/errors';
import { messages } from '../protocol/messages';
import type { GrantRecord, Scope } from '../db/tables/grants';
import type { KeyRecord } from '../db/tables/keys';
import { isActive } from '../grants/grants';
import type { Price } from '../budget/price';
import { MEDIA_SCOPES, type MediaScope } from '../protocol/scopes';
import { presetFor } from '../providers/presets';
import { modelKind, type ModelKind } from '../providers/model-kind';
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

const isMediaScope = (scope: Scope): scope is MediaScope => (MEDIA_SCOPES as readonly Scope[]).includes(scope);

/** What a capability is called in a refusal: "OpenAI does not support text to speech". */
const CAPABILITY_WORDS: Readonly<Record<Scope, string>> = {
  chat: 'chat',
  models: 'listing models',
  embed: 'embeddings',
  speech: 'text to speech',
  transcription: 'transcription',
  images: 'image generation',
};

const MEDIA_KIND: Readonly<Record<MediaScope, ModelKind>> = { speech: 'speech', transcription: 'transcription', images: 'image' };

/**
 * The model a request without one uses: the grant's default for its capability (chat and embed
 * share `defaultModel`); a media capability without one set uses the first granted model of its kind.
 */
function defaultModelOf(grant: GrantRecord, scope: Scope): string | undefined {
  if (!isMediaScope(scope)) return grant.defaultModel;
  return grant.defaults?.[scope] ?? grant.models.find((m) => modelKind(m) === MEDIA_KIND[scope]);
}

/**
 * Resolves the model, key and price of a request, after the grant, lock and rate checks.
 * `inputBound` (the request's input bound for a model) picks a long-context price where one
 * applies; `variant` names the price variant of the request on a model (an image's size and quality).
 * A key whose provider cannot serve the capability is refused (4200) before its price is asked.
 */
export async function route(
  deps: RouteDeps,
  caller: Caller,
  scope: Scope,
  requested: string | undefined,
  inputBound?: (model: string) => number,
  variant?: (model: string) => string | undefined,
): Promise<Routed> {
  const grant = await requireGrant(deps, caller.origin, scope);
  const model = requested ?? defaultModelOf(grant, scope);
  if (!model) throw new WalletError(ErrorCode.invalidParams, messages.noDefaultModel());
  const keyId = grant.routes[model];
  if (!grant.models.includes(model) || !keyId) throw new WalletError(ErrorCode.unauthorized, messages.modelNotGranted(model));
  await deps.unlock.ensureUnlocked(caller.origin);
  if (!deps.limiter.take(caller.origin, grant.rateLimitPerMin)) {
    throw new WalletError(ErrorCode.rateLimited, messages.rateLimited(grant.rateLimitPerMin), { retryAfterMs: 60_000 });
  }
  const routed = await deps.keyring.forRequest(keyId);
  if (scope !== 'models' && deps.providers.serves && !deps.providers.serves(routed, scope)) {
    throw new WalletError(ErrorCode.unsupported, messages.unsupportedFeature(presetFor(routed.provider)?.label ?? routed.provider, CAPABILITY_WORDS[scope]));
  }
  const order = fallbackOrder(grant, (await deps.settings.get()).keyFallback);
  const candidates = await candidatesFor(deps, routed, model, order, inputBound?.(model), variant?.(model));
  if (!candidates.length) throw routed.enabled ? new WalletError(ErrorCode.budgetExceeded, messages.noPrice(model)) : new WalletError(ErrorCode.unauthorized, messages.keyDisabled(model));
  const { key, price } = candidates[0]!;
  return { grant, model, key, price, candidates };
}
