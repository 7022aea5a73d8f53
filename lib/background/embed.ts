/** The `embed` intent: priced, budgeted and logged like chat. */
import type { EmbedRequest, EmbedResult } from '../protocol/chat';
import { admitOrAsk } from './raise-budget';
import { costNano } from '../budget/price';
import { nanoToUsd } from '../budget/money';
import { tokensForChars } from '../budget/estimate';
import type { PendingEntry } from '../ledger/ledger';
import { idAndTime } from '../ledger/entry-id';
import { ErrorCode, WalletError } from '../protocol/errors';
import { abortError, isAbortError, route } from './chat';
import type { PageCaller, WalletContext } from './context';

const bytes = (s: string) => new TextEncoder().encode(s).length;

export async function runEmbed(ctx: WalletContext, call: { caller: PageCaller; request: EmbedRequest; signal: AbortSignal }): Promise<EmbedResult> {
  const { caller, request, signal } = call;
  const { model, key, price } = await route(ctx, caller, 'embed', request.model);
  const inputs = typeof request.input === 'string' ? [request.input] : request.input;
  const bound = inputs.reduce((n, s) => n + bytes(s) + 8, 0);
  const estimate = inputs.reduce((n, s) => n + tokensForChars(s.length), 0);
  const entry: PendingEntry = {
    ...idAndTime(ctx.now()),
    origin: caller.origin,
    kind: 'embed',
    model,
    provider: ctx.providers.providerName(key),
    keyId: key.id,
    status: 'pending',
    inputTokens: 0,
    outputTokens: 0,
    costNano: 0,
    reservedNano: costNano(price, { inputTokens: bound, outputTokens: 0 }),
    inputEstimate: estimate,
    price,
  };
  await admitOrAsk(ctx, caller, entry, signal, abortError);
  ctx.activity();
  try {
    const secret = await ctx.keyring.secretOf(key);
    const out = await ctx.providers.adapterFor(key).embed(ctx.providers.credentialsFor(key, secret, (await ctx.settings.get()).providerTimeoutSeconds * 1000), { ...request, model }, signal);
    const usage = { inputTokens: out.usage?.inputTokens ?? estimate, outputTokens: 0 };
    const cost = Math.min(costNano(price, usage), entry.reservedNano);
    await ctx.ledger.settle(entry.id, { status: 'ok', ...usage, costNano: cost }, entry);
    return { vectors: out.vectors, model: out.model || model, usage: { inputTokens: usage.inputTokens }, costUsd: nanoToUsd(cost) };
  } catch (error) {
    const aborted = signal.aborted || isAbortError(error);
    const wire = error instanceof WalletError ? error : undefined;
    await ctx.ledger.settle(entry.id, {
      status: aborted ? 'aborted' : 'error',
      inputTokens: 0,
      outputTokens: 0,
      costNano: 0,
      ...(wire ? { errorCode: wire.code, errorMessage: wire.message } : { errorCode: ErrorCode.provider }),
    });
    throw aborted ? abortError() : error;
  } finally {
    ctx.gate.release(caller.origin, entry.id);
    ctx.uiChanged();
    // The site's spend changed: its pages hear it before the answer, as with chat (docs/PROTOCOL.md §4).
    await ctx.grantChanged(caller.origin, caller.answer).catch(() => undefined);
  }
}
