/**
 * Fallback between keys (docs/BUDGETS.md, "Fallback between keys"). A model may be served by
 * several keys of one provider (a personal and a work OpenAI key), in the order the person set
 * for the site or for the wallet. When a key is refused for itself (401/403: invalid; 402 or
 * `insufficient_quota`: out of credit; 429: rate-limited) before anything streamed, the request
 * goes to the next key, once, within the same reservation and the same ledger entry; the failed
 * key is marked. After a byte streamed nothing is ever sent again. Which key served stays in
 * the wallet: the page hears the model, the provider and the cost, never a key.
 */
import type { KeyRecord } from '../db/tables/keys';
import type { GrantRecord } from '../db/tables/grants';
import type { Price } from '../budget/price';
import type { Keyring } from '../keys/keyring';
import type { Ledger } from '../ledger/ledger';
import type { ProviderDirectory } from '../background/context';
import { ErrorCode, WalletError } from '../protocol/errors';

/** One key that may serve the request, with its price for the model. */
export interface Candidate {
  key: KeyRecord;
  price: Price;
}

/** The grant's key and, at most, one other: "the next key, once". */
export const MAX_ATTEMPTS = 2;

/** How long a key rate-limited without a retry-after or reset header is passed over. */
export const DEFAULT_RATE_LIMIT_MS = 60_000;

/** What a provider's refusal says about the key itself. */
export type KeyFailure = { kind: 'invalid' | 'out_of_credit'; message: string } | { kind: 'rate_limited'; until: number };

/** Anthropic answers a key without credit with a 400 that says so in words. */
const CREDIT_TOO_LOW = /credit balance is too low/i;

/** The key's own failure in `error`, or null when the error says nothing about the key (a bad request, a server error, an abort). */
export function keyFailure(error: unknown, now: number): KeyFailure | null {
  if (!(error instanceof WalletError) || error.code !== ErrorCode.provider) return null;
  const { kind, status, type, retryAfterMs } = error.data ?? {};
  const outOfCredit = status === 402 || type === 'insufficient_quota' || type === 'billing_error' || (status === 400 && CREDIT_TOO_LOW.test(error.message));
  if (outOfCredit) return { kind: 'out_of_credit', message: error.message };
  if (kind === 'auth') return { kind: 'invalid', message: error.message };
  if (kind === 'rate_limit') return { kind: 'rate_limited', until: now + (typeof retryAfterMs === 'number' ? retryAfterMs : DEFAULT_RATE_LIMIT_MS) };
  return null;
}

export interface FailedAttempt {
  failure: KeyFailure | null;
  /** The provider answered with an HTTP error status: it refused the request, nothing streamed from it. */
  refusedByStatus: boolean;
  /** Text or a usage report came from the call. */
  streamed: boolean;
  aborted: boolean;
  /** Another candidate is left. */
  nextLeft: boolean;
}

/** The decision table: another key is tried only for a key's own failure, refused before anything streamed, with a key left. */
export function mayFallBack(a: FailedAttempt): boolean {
  return a.failure !== null && a.refusedByStatus && !a.streamed && !a.aborted && a.nextLeft;
}

/** The HTTP status a provider refused with; null for an error inside a stream, a network error, anything else. */
function refusedStatus(error: unknown): number | null {
  const status = error instanceof WalletError ? error.data?.status : undefined;
  return typeof status === 'number' ? status : null;
}

/** Usable now: enabled, not refused by its provider, not rate-limited. */
export function usableNow(key: KeyRecord, now: number): boolean {
  return key.enabled && key.status !== 'invalid' && key.status !== 'out_of_credit' && !(key.rateLimitedUntil !== undefined && key.rateLimitedUntil > now);
}

/**
 * Whether `other` serves `model` as `routed` does: the same provider preset and base URL (so the
 * same API and the same request), and the model among the models the key lists.
 */
export function servesLike(other: KeyRecord, routed: KeyRecord, model: string): boolean {
  return other.provider === routed.provider && (other.baseUrl ?? '') === (routed.baseUrl ?? '') && other.models.includes(model);
}

/** The person's fallback order for a site: its own, else the wallet's. */
export function fallbackOrder(grant: Pick<GrantRecord, 'keyFallback'>, walletOrder: readonly string[] | undefined): readonly string[] {
  return grant.keyFallback ?? walletOrder ?? [];
}

export interface CandidateDeps {
  keyring: Pick<Keyring, 'forRequest'>;
  providers: Pick<ProviderDirectory, 'priceFor'>;
  now(): number;
}

/**
 * The keys that may serve `model`, in the order they are tried (at most {@link MAX_ATTEMPTS}):
 * the grant's key, then the keys of `order` that serve the model like it. A key known to fail
 * now (invalid, out of credit, rate-limited) goes after the usable ones; a disabled key, or one
 * without a price for the model (the bound could not hold), is never a candidate. Empty: none can serve.
 */
export async function candidatesFor(deps: CandidateDeps, routed: KeyRecord, model: string, order: readonly string[], inputBound?: number, variant?: string): Promise<Candidate[]> {
  const keys = [routed];
  for (const id of order) {
    if (id === routed.id) continue;
    const key = await deps.keyring.forRequest(id).catch(() => undefined);
    if (key && servesLike(key, routed, model)) keys.push(key);
  }
  const now = deps.now();
  const ordered = [...keys.filter((k) => usableNow(k, now)), ...keys.filter((k) => k.enabled && !usableNow(k, now))];
  const candidates: Candidate[] = [];
  for (const key of ordered) {
    if (candidates.length === MAX_ATTEMPTS) break;
    const price = await deps.providers.priceFor(key, model, inputBound, variant);
    if (price) candidates.push({ key, price });
  }
  return candidates;
}

/**
 * The price admission reserves at: each rate the highest of the candidates', so the reservation
 * bounds whichever key serves (a key with a price override may cost more than the grant's).
 */
export function boundPrice(candidates: readonly Candidate[]): Price {
  const bound: Record<string, unknown> = { ...candidates[0]!.price };
  for (const { price } of candidates.slice(1)) {
    for (const [rate, value] of Object.entries(price)) {
      const current = bound[rate];
      if (typeof value === 'number') bound[rate] = typeof current === 'number' ? Math.max(current, value) : value;
    }
  }
  return bound as unknown as Price;
}

export interface AttemptDeps {
  keyring: Pick<Keyring, 'update'>;
  ledger: Pick<Ledger, 'switchKey'>;
  now(): number;
  uiChanged(): void;
}

/** Marks a key with what its provider said of it, for the key list and the next requests' order. */
export function markKey(deps: Pick<AttemptDeps, 'keyring' | 'uiChanged' | 'now'>, key: KeyRecord, failure: KeyFailure): void {
  // Marked with when the provider said so, shown with the key wherever it is listed (lib/ui/key-health.ts).
  const changes = failure.kind === 'rate_limited' ? { rateLimitedUntil: failure.until } : { status: failure.kind, statusMessage: failure.message, checkedAt: deps.now() };
  void deps.keyring
    .update(key.id, changes)
    .then(() => deps.uiChanged())
    .catch(() => undefined);
}

/** The attempts of one request: which candidate serves now, and the move to the next. */
export class KeyAttempts {
  private index = 0;

  constructor(
    private readonly deps: AttemptDeps,
    readonly candidates: readonly Candidate[],
  ) {}

  /** The key (and its price) serving the request: the last one tried. */
  get serving(): Candidate {
    return this.candidates[this.index]!;
  }

  /**
   * Sends with the first candidate and, when {@link mayFallBack} says so, once more with the
   * next. Every key a provider refused for itself is marked. The pending entry `entryId` names
   * the next key before anything goes to it.
   */
  async run<T>(entryId: string, progress: { readonly streamedAny: boolean }, signal: AbortSignal, send: (key: KeyRecord) => Promise<T>): Promise<T> {
    for (;;) {
      const { key } = this.serving;
      try {
        return await send(key);
      } catch (error) {
        const failure = keyFailure(error, this.deps.now());
        if (failure) markKey(this.deps, key, failure);
        const next = this.candidates[this.index + 1];
        const attempt = { failure, refusedByStatus: refusedStatus(error) !== null, streamed: progress.streamedAny, aborted: signal.aborted, nextLeft: !!next };
        if (!next || !mayFallBack(attempt)) throw error;
        // Not recorded, not sent: the first key's error stands.
        await this.deps.ledger.switchKey(entryId, next.key.id).catch(() => Promise.reject(error));
        this.index += 1;
      }
    }
  }
}
