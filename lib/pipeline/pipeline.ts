/**
 * The one request pipeline: route, admit, record pending, call, settle, each written once for
 * every capability (capability.ts). Every check (grant, lock, rate, budget) happens before
 * anything is sent; the request is written to the ledger as pending before the call (nothing
 * reaches the network before: lib/providers/send-gate.ts) and settled after it. A request
 * refused on the way still leaves its line in the ledger. docs/BUDGETS.md has the rules.
 */
import { costNano, type Price } from '../budget/price';
import { chargeNano } from '../budget/charge';
import { nanoToUsd, type Nano } from '../budget/money';
import { admit } from '../budget/admit';
import type { PendingEntry } from '../ledger/ledger';
import { raiseOnAsk } from '../background/raise-budget';
import type { Capability, Counted, CutShort } from './capability';
import { WalletError } from '../protocol/errors';
import type { Caller, PipelineDeps, SettledDeps } from './deps';
import { route } from './route';
import { logRefusal, noteKeyUsed, orRefused, pendingEntry, settleFailed, type LedgerLine } from './records';
import { CallProgress } from './progress';
import { abortError, isAbortError, isTimeout } from './errors';
import { boundPrice, KeyAttempts } from './fallback';
import type { RequestTrace } from './trace';

export interface RequestCall<Request> {
  caller: Caller;
  request: Request;
  signal: AbortSignal;
  /** Streamed text for the caller, when it asked for it. */
  onDelta?(text: string): void;
}

export async function runRequest<Request, Sent, Outcome, Result>(
  deps: PipelineDeps,
  capability: Capability<Request, Sent, Outcome, Result>,
  call: RequestCall<Request>,
): Promise<Result> {
  const { caller, request, signal } = call;
  const trace = deps.tracer.begin();
  const requested = capability.model(request);
  const priceInput = capability.priceInput && ((model: string) => capability.priceInput!(request, model));
  const variant = capability.priceVariant && ((model: string) => capability.priceVariant!(request, model));
  const refused: LedgerLine = { kind: capability.kind, origin: caller.origin, model: requested ?? '', provider: '' };
  const { model, key: firstKey, candidates } = await orRefused(deps, refused, () => trace.stage('route', () => route(deps, caller, capability.kind, requested, priceInput, variant)));
  // Reserved at the highest price of the keys that may serve it (lib/pipeline/fallback.ts).
  const keys = new KeyAttempts(deps, candidates);
  const reservePrice = boundPrice(candidates);

  const line: LedgerLine = { ...refused, model, provider: deps.providers.providerName(firstKey) };
  const settings = await deps.settings.get();
  const bound = capability.bound(request, model, { maxOutputTokens: deps.providers.maxOutputTokens(model), defaultMaxTokens: settings.defaultMaxTokens }, reservePrice);
  const entry = pendingEntry(deps.now(), line, firstKey, reservePrice, { reservedNano: costNano(reservePrice, bound.upperBound), inputEstimate: bound.inputEstimate, units: bound.units });
  if (signal.aborted) throw abortError();
  // Over budget: refused (4402), or the person is asked to raise it (the site's setting).
  const overBudget = raiseOnAsk(deps, caller, signal, abortError);
  const { written } = await orRefused(deps, line, () => trace.stage('admit', () => admit(deps, entry, { overBudget })));
  deps.activity();

  // The call is prepared while the pending entry is written, and sent only after.
  const readyToSend = trace.stage('pendingWrite', () => written).then(() => trace.mark('send'));
  const unwritten = readyToSend.then(() => null, (error: unknown) => error);
  const progress = new CallProgress(deps, entry, trace, call.onDelta);
  let answered = false;
  try {
    const outcome = await trace.stage('call', () =>
      keys.run(entry.id, progress, signal, async (key) =>
        capability.call({
          adapter: deps.providers.adapterFor(key),
          creds: deps.providers.credentialsFor(key, await deps.keyring.secretOf(key), settings.providerTimeoutSeconds * 1000),
          request: bound.sent,
          signal,
          readyToSend,
          onDelta: progress.onDelta,
          onUsage: progress.onUsage,
          onSent: progress.onSent,
        }),
      ),
    );
    const { key, price } = keys.serving;
    const counted = capability.count(outcome, bound);
    // What the provider billed, in full; only the wallet's own count is kept within the reservation.
    const cost = chargeNano(price, entry.reservedNano, counted.billed, counted.counted);
    answered = !!capability.answersBeforeSettling;
    await settleOk(deps, { caller, entry, counted, cost, trace, answered });
    noteKeyUsed(deps, key);
    const usage = { inputTokens: counted.counted.inputTokens, outputTokens: counted.counted.outputTokens };
    return capability.result(outcome, { model, provider: line.provider, usage, ...(counted.units ? { units: counted.units } : {}), costUsd: nanoToUsd(cost) });
  } catch (error) {
    // The pending entry could not be written: nothing was sent, and there is nothing to settle.
    const refusal = await unwritten;
    if (refusal) {
      await logRefusal(deps, line, refusal);
      throw refusal;
    }
    const aborted = signal.aborted || isAbortError(error);
    const cutShort = capability.cutShort && ((how: CutShort) => capability.cutShort!(bound, how));
    await settleCutShort(deps, { entry, price: keys.serving.price, progress, error, aborted, cutShort });
    throw aborted ? abortError() : error;
  } finally {
    // The hold goes, and the caller's pages hear the new spend before the answer (docs/PROTOCOL.md §4).
    if (!answered) await afterSettled(deps, caller, entry.id);
  }
}

interface Settling {
  caller: Caller;
  entry: PendingEntry;
  counted: Counted;
  cost: Nano;
  trace: RequestTrace;
  /** Answered while the settlement commits (Capability.answersBeforeSettling). */
  answered: boolean;
}

async function settleOk(deps: Pick<PipelineDeps, 'ledger' | 'gate' | 'uiChanged' | 'grantChanged'>, s: Settling): Promise<void> {
  const { inputTokens, outputTokens } = s.counted.counted;
  const units = s.counted.units;
  const settling = () => deps.ledger.settle(s.entry.id, { status: 'ok', inputTokens, outputTokens, ...(units ? { units } : {}), costNano: s.cost }, s.entry);
  if (!s.answered) {
    await s.trace.stage('settle', settling);
    return;
  }
  // The answer goes out while the settlement commits. Until it does, the gate holds exactly
  // this cost (so the cap holds and the site's next request is admitted against the true
  // figure), and readers of spend wait for it (`ledger.settled`). A failed commit leaves the
  // entry pending and the cost held: recovery charges it when the wallet next starts.
  // (The ledger releases the hold itself, in the same task as the grant's spend takes the cost.)
  deps.gate.hold(s.caller.origin, s.entry.id, s.cost);
  void s.trace
    .stage('settle', settling)
    .catch(() => undefined)
    .finally(() => deps.uiChanged());
  // The site's pages hear the new spend before the answer, as when the settlement came first.
  await deps.grantChanged(s.caller.origin, s.caller.answer).catch(() => undefined);
}

/** A call that failed once admitted: charged what the provider may have billed (docs/BUDGETS.md, Settlement). */
async function settleCutShort(
  deps: Pick<PipelineDeps, 'ledger'>,
  f: {
    entry: PendingEntry;
    price: Price;
    progress: CallProgress;
    error: unknown;
    aborted: boolean;
    cutShort: ((how: CutShort) => Counted) | undefined;
  },
): Promise<void> {
  const abortedOrTimedOut = f.aborted || isTimeout(f.error);
  const providerRefused = !abortedOrTimedOut && f.error instanceof WalletError && typeof f.error.data?.status === 'number';
  const charge: Counted = f.cutShort ? f.cutShort({ sent: f.progress.sent, abortedOrTimedOut, providerRefused }) : f.progress.failureCharge(abortedOrTimedOut);
  await settleFailed(deps, f.entry, { error: f.error, aborted: f.aborted, usage: charge.counted, billed: charge.billed, units: charge.units, price: f.price });
}

/** After a request's settlement: its hold is gone, and the caller's pages and the dashboard hear the new spend. */
async function afterSettled(deps: SettledDeps, caller: Caller, id: string): Promise<void> {
  deps.gate.release(caller.origin, id);
  deps.uiChanged();
  await deps.grantChanged(caller.origin, caller.answer).catch(() => undefined);
}
