/** The `embed` intent: priced, budgeted and logged like chat. */
import type { EmbedRequest, EmbedResult } from '../protocol/chat';
import { admitOrAsk } from './raise-budget';
import { costNano } from '../budget/price';
import { chargeNano } from '../budget/charge';
import { nanoToUsd } from '../budget/money';
import { tokensForChars } from '../budget/estimate';
import type { PendingEntry } from '../ledger/ledger';
import { idAndTime } from '../ledger/entry-id';
import { abortError, isAbortError, isTimeout, route, type Routed } from './chat';
import { logRefusal, noteKeyUsed, settleFailed } from './call-records';
import type { PageCaller, WalletContext } from './context';

const bytes = (s: string) => new TextEncoder().encode(s).length;

export async function runEmbed(ctx: WalletContext, call: { caller: PageCaller; request: EmbedRequest; signal: AbortSignal }): Promise<EmbedResult> {
  const { caller, request, signal } = call;
  let routed: Routed;
  try {
    routed = await route(ctx, caller, 'embed', request.model);
  } catch (error) {
    await logRefusal(ctx, 'embed', caller.origin, request.model ?? '', error);
    throw error;
  }
  const { model, key, price } = routed;
  const provider = ctx.providers.providerName(key);
  const inputs = typeof request.input === 'string' ? [request.input] : request.input;
  const bound = inputs.reduce((n, s) => n + bytes(s) + 8, 0);
  const estimate = inputs.reduce((n, s) => n + tokensForChars(s.length), 0);
  const entry: PendingEntry = {
    ...idAndTime(ctx.now()),
    origin: caller.origin,
    kind: 'embed',
    model,
    provider,
    keyId: key.id,
    status: 'pending',
    inputTokens: 0,
    outputTokens: 0,
    costNano: 0,
    reservedNano: costNano(price, { inputTokens: bound, outputTokens: 0 }),
    inputEstimate: estimate,
    price,
  };
  try {
    // Over budget (refused, or the person is asked to raise it), or the pending entry not written.
    await admitOrAsk(ctx, caller, entry, signal, abortError);
  } catch (error) {
    await logRefusal(ctx, 'embed', caller.origin, model, error, provider);
    throw error;
  }
  ctx.activity();
  try {
    const secret = await ctx.keyring.secretOf(key);
    const out = await ctx.providers.adapterFor(key).embed(ctx.providers.credentialsFor(key, secret, (await ctx.settings.get()).providerTimeoutSeconds * 1000), { ...request, model }, signal);
    const usage = { inputTokens: out.usage?.inputTokens ?? estimate, outputTokens: 0 };
    // What the provider billed, in full; only the wallet's own count is kept within the reservation.
    const cost = chargeNano(price, entry.reservedNano, out.usage ? usage : null, usage);
    await ctx.ledger.settle(entry.id, { status: 'ok', ...usage, costNano: cost }, entry);
    noteKeyUsed(ctx, key);
    return { vectors: out.vectors, model: out.model || model, usage: { inputTokens: usage.inputTokens }, costUsd: nanoToUsd(cost) };
  } catch (error) {
    const aborted = signal.aborted || isAbortError(error);
    // Cut short (by the page, or by the timeout), the provider may have billed the input
    // (docs/BUDGETS.md); an error charges nothing.
    const usage = { inputTokens: aborted || isTimeout(error) ? estimate : 0, outputTokens: 0 };
    await settleFailed(ctx, entry, key, { error, aborted, usage, price });
    throw aborted ? abortError() : error;
  } finally {
    ctx.gate.release(caller.origin, entry.id);
    ctx.uiChanged();
    // The site's spend changed: its pages hear it before the answer, as with chat (docs/PROTOCOL.md §4).
    await ctx.grantChanged(caller.origin, caller.answer).catch(() => undefined);
  }
}
