/**
 * The chat pipeline. Every check (validation, grant, lock, rate, budget) happens before anything
 * is sent; the request is written to the ledger as pending before the call and settled after it.
 */
import type { ChatRequest, ChatResult, Usage } from '../protocol/chat';
import { ErrorCode, WalletError } from '../protocol/errors';
import { messages } from '../protocol/messages';
import type { GrantRecord, Scope } from '../db/tables/grants';
import type { KeyRecord } from '../db/tables/keys';
import { isActive } from '../grants/grants';
import { reserveOrAsk } from './raise-budget';
import { inputTokenBound, inputTokenEstimate, tokensForChars } from '../budget/estimate';
import { costNano, type Price } from '../budget/price';
import { chargeNano } from '../budget/charge';
import { nanoToUsd } from '../budget/money';
import type { PendingEntry } from '../ledger/ledger';
import { idAndTime } from '../ledger/entry-id';
import type { PageCaller, WalletContext } from './context';
import { logRefusal, noteKeyUsed, settleFailed } from './call-records';

const CHECKPOINT_MS = 2_000;

/** The grant of `origin` with `scope`, in force, or 4100. */
export async function requireGrant(ctx: WalletContext, origin: string, scope: Scope): Promise<GrantRecord> {
  const grant = await ctx.grants.get(origin);
  if (!grant) throw new WalletError(ErrorCode.unauthorized, messages.notConnected(origin));
  if (grant.paused) throw new WalletError(ErrorCode.unauthorized, messages.grantPaused());
  if (!isActive(grant, ctx.now())) throw new WalletError(ErrorCode.unauthorized, messages.grantExpired());
  if (!grant.scopes.includes(scope)) throw new WalletError(ErrorCode.unauthorized, messages.scopeNotGranted(scope));
  return grant;
}

export interface Routed {
  grant: GrantRecord;
  model: string;
  key: KeyRecord;
  price: Price;
}

/**
 * Resolves the model, key and price of a request, after the grant, lock and rate checks.
 * `inputBound` (the request's input bound for a model) picks a long-context price where one applies.
 */
export async function route(ctx: WalletContext, caller: PageCaller, scope: Scope, requested: string | undefined, inputBound?: (model: string) => number): Promise<Routed> {
  const grant = await requireGrant(ctx, caller.origin, scope);
  const model = requested ?? grant.defaultModel;
  if (!model) throw new WalletError(ErrorCode.invalidParams, messages.noDefaultModel());
  const keyId = grant.routes[model];
  if (!grant.models.includes(model) || !keyId) throw new WalletError(ErrorCode.unauthorized, messages.modelNotGranted(model));
  await ctx.unlock.ensureUnlocked(caller.origin);
  if (!ctx.limiter.take(caller.origin, grant.rateLimitPerMin)) {
    throw new WalletError(ErrorCode.rateLimited, messages.rateLimited(grant.rateLimitPerMin), { retryAfterMs: 60_000 });
  }
  const key = await ctx.keyring.forRequest(keyId);
  if (!key.enabled) throw new WalletError(ErrorCode.unauthorized, messages.keyDisabled(model));
  const price = await ctx.providers.priceFor(key, model, inputBound?.(model));
  if (!price) throw new WalletError(ErrorCode.budgetExceeded, messages.noPrice(model));
  return { grant, model, key, price };
}

export interface ChatCall {
  caller: PageCaller;
  request: ChatRequest;
  signal: AbortSignal;
  onDelta(text: string): void;
}

export async function runChat(ctx: WalletContext, call: ChatCall): Promise<ChatResult> {
  const { caller, request, signal } = call;
  const started = performance.now();
  let routed: Routed;
  try {
    routed = await route(ctx, caller, 'chat', request.model, (m) => inputTokenBound(request, m));
  } catch (error) {
    await logRefusal(ctx, 'chat', caller.origin, request.model ?? '', error);
    throw error;
  }
  const { model, key, price } = routed;
  const settings = await ctx.settings.get();
  const cap = ctx.providers.maxOutputTokens(model);
  const maxTokens = Math.min(request.maxTokens ?? settings.defaultMaxTokens, cap ?? Number.MAX_SAFE_INTEGER);
  const inputBound = inputTokenBound(request, model);
  const provider = ctx.providers.providerName(key);
  const entry: PendingEntry = {
    ...idAndTime(ctx.now()),
    origin: caller.origin,
    kind: 'chat',
    model,
    provider,
    keyId: key.id,
    status: 'pending',
    inputTokens: 0,
    outputTokens: 0,
    costNano: 0,
    reservedNano: costNano(price, { inputTokens: inputBound, outputTokens: maxTokens }),
    inputEstimate: inputTokenEstimate(request),
    price,
  };
  if (signal.aborted) throw abortError();
  const admitting = performance.now();
  let written: Promise<void>;
  try {
    // Over budget: refused (4402), or the person is asked to raise it (the site's setting).
    ({ written } = await reserveOrAsk(ctx, caller, entry, signal, abortError));
  } catch (error) {
    await logRefusal(ctx, 'chat', caller.origin, model, error, provider);
    throw error;
  }
  // The adapter prepares the call while the pending entry is written, and sends only after.
  const unwritten = written.then(
    () => {
      ctx.metrics.record('admission', performance.now() - admitting);
      return null;
    },
    (error: unknown) => error,
  );
  ctx.activity();
  ctx.metrics.record('route', admitting - started);
  // Only its length is needed: the text itself is the adapter's (and the page's) to keep.
  let streamedChars = 0;
  let reported: Usage | null = null;
  let lastCheckpoint = Date.now();
  // What a cut-short call is charged: the provider's figures where it gave them, but never less
  // output than what streamed (Anthropic reports output only at the end of a message).
  const ownCount = (): Usage => ({
    inputTokens: reported?.inputTokens || entry.inputEstimate,
    outputTokens: Math.max(reported?.outputTokens ?? 0, tokensForChars(streamedChars)),
  });
  let sent = 0;
  let firstDelta = 0;
  let deferred = false;
  try {
    const secret = await ctx.keyring.secretOf(key);
    const outcome = await ctx.providers.adapterFor(key).chat(
      ctx.providers.credentialsFor(key, secret, settings.providerTimeoutSeconds * 1000),
      { ...request, model, maxTokens },
      {
        readyToSend: written,
        onSend() {
          ctx.metrics.record('toSend', (sent = performance.now()) - started);
        },
        onDelta(text) {
          if (!firstDelta) {
            firstDelta = performance.now();
            ctx.metrics.record('toFirstDelta', firstDelta - started);
            if (sent) ctx.metrics.record('sentToFirstDelta', firstDelta - sent);
          }
          streamedChars += text.length;
          call.onDelta(text);
          if (Date.now() - lastCheckpoint > CHECKPOINT_MS) {
            lastCheckpoint = Date.now();
            void ctx.ledger.checkpoint(entry.id, streamedChars);
          }
        },
        onUsage(usage) {
          reported = usage;
        },
      },
      signal,
    );
    const usage = outcome.usage ?? { inputTokens: entry.inputEstimate, outputTokens: tokensForChars(outcome.text.length) };
    // What the provider billed, in full; only the wallet's own count is kept within the reservation.
    const cost = chargeNano(price, entry.reservedNano, outcome.usage, usage);
    const settling = performance.now();
    if (sent) ctx.metrics.record('provider', settling - sent);
    // The answer goes out while the settlement commits. Until it does, the gate holds exactly
    // this cost (so the cap holds and the site's next request is admitted against the true
    // figure), and readers of spend wait for it (`ledger.settled`). A failed commit leaves the
    // entry pending and the cost held: recovery charges it when the wallet next starts.
    ctx.gate.hold(caller.origin, entry.id, cost);
    deferred = true;
    // (The ledger releases the hold itself, in the same task as the grant's spend takes the cost.)
    void ctx.ledger.settle(entry.id, { status: 'ok', ...usage, costNano: cost }, entry).then(
      () => ctx.metrics.record('settle', performance.now() - settling),
      () => undefined,
    ).finally(() => ctx.uiChanged());
    // The site's pages hear the new spend before the answer, as when the settlement came first.
    await ctx.grantChanged(caller.origin, caller.answer).catch(() => undefined);
    noteKeyUsed(ctx, key);
    return {
      text: outcome.text,
      model: outcome.model || model,
      provider,
      usage,
      costUsd: nanoToUsd(cost),
      finishReason: outcome.finishReason,
      ...(outcome.toolCalls?.length ? { toolCalls: outcome.toolCalls } : {}),
    };
  } catch (error) {
    // The pending entry could not be written: nothing was sent, and there is nothing to settle.
    const refusal = await unwritten;
    if (refusal) {
      await logRefusal(ctx, 'chat', caller.origin, model, refusal, provider);
      throw refusal;
    }
    const aborted = signal.aborted || isAbortError(error);
    // A call cut short (by the page, or by the timeout) is charged like an abort: the provider
    // bills the input it processed and what streamed. An error before any output charges nothing.
    const cutShort = aborted || isTimeout(error) || streamedChars > 0;
    const usage = cutShort ? ownCount() : { inputTokens: 0, outputTokens: 0 };
    await settleFailed(ctx, entry, key, { error, aborted, usage, billed: cutShort ? reported : null, price });
    throw aborted ? abortError() : error;
  } finally {
    if (!deferred) settled(ctx, caller.origin, entry.id);
  }
}

/** After a request's settlement: its hold is gone, and the site's pages and the dashboard hear the new spend. */
function settled(ctx: WalletContext, origin: string, id: string): void {
  ctx.gate.release(origin, id);
  ctx.uiChanged();
  void ctx.grantChanged(origin).catch(() => undefined);
}

/** The provider did not answer in time (the wallet's idle timeout, or the provider's own 408). */
export function isTimeout(error: unknown): boolean {
  return error instanceof WalletError && error.data?.kind === 'timeout';
}

export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

/** Cancellation travels to the page as this; the page-side provider rethrows an AbortError. */
export function abortError(): WalletError {
  return new WalletError(ErrorCode.userRejected, messages.aborted(), { aborted: true });
}
