/**
 * A page's port (opened by our content script). The origin is the one the browser reports for
 * the port's sender; ports from anything but our own content scripts are refused. A lane the port
 * names (lib/lane/rendezvous.ts) carries the same messages, as the same entry.
 */
import { browser, type Browser } from 'wxt/browser';

import { ToWalletSchema } from '../protocol/wire-schema';
import { PORT_NAME, type ToPage, type ToWallet } from '../protocol/wire';
import { ErrorCode, WalletError, toWireError } from '../protocol/errors';
import { messages } from '../protocol/messages';
import { parseOrThrow } from '../protocol/validate';
import { isPageMethod, pageMethodParams } from '../protocol/page-methods';
import { canConnect, originOfSender, topOriginOfSender } from '../grants/origin';
import type { AnswerNotes, WalletContext } from './context';
import { DeltaBatcher, type PagePort } from './ports';
import type { LaneRendezvous } from '../lane/rendezvous';
import { pageHandlers, type PageCall } from './page-handlers';
import { refuseOversize } from './size-gate';
import { pageMediaAnswer, readBlobs } from './binary';
import { LANE_METHODS } from '../protocol/binary';
import { abortError } from '../pipeline/errors';
import { acceptedFavIconUrl } from '../approvals/favicon';

export function acceptPagePort(ctx: WalletContext, ready: Promise<void>, port: Browser.runtime.Port, lanes?: LaneRendezvous<PagePort>): void {
  const sender = port.sender;
  if (port.name !== PORT_NAME || !sender || sender.id !== browser.runtime.id || !sender.tab) {
    port.disconnect();
    return;
  }
  const topOrigin = topOriginOfSender(sender);
  // A frame's tab shows its embedder's favicon: only the top-level page's own is taken.
  const favIconUrl = sender.frameId === 0 ? acceptedFavIconUrl(sender.tab.favIconUrl) : undefined;
  const entry: PagePort = {
    port,
    origin: originOfSender(sender) ?? 'null',
    ...(topOrigin && topOrigin !== originOfSender(sender) ? { topOrigin } : {}),
    ...(sender.tab.id !== undefined ? { tabId: sender.tab.id } : {}),
    ...(favIconUrl ? { favIconUrl } : {}),
    inflight: new Map(),
  };
  ctx.ports.add(entry);
  port.onDisconnect.addListener(() => {
    lanes?.forget(entry);
    ctx.ports.remove(entry);
  });
  port.onMessage.addListener((raw: unknown) => {
    if (refuseOversize(raw, (m) => ctx.ports.send(entry, m))) return;
    void ready.then(() => onMessage(ctx, entry, raw, lanes));
  });
}

/**
 * One message from the page, from its runtime port or (`onLane`) its lane, once its size was
 * checked (./size-gate.ts). A request is answered
 * the way it came, so its deltas and answer keep their order even if the lane attaches meanwhile.
 */
export async function onMessage(ctx: WalletContext, entry: PagePort, raw: unknown, lanes?: LaneRendezvous<PagePort>, onLane = false): Promise<void> {
  const reply = (m: ToPage) => ctx.ports.send(entry, m, onLane);
  const parsed = ToWalletSchema.safeParse(raw);
  if (!parsed.success) {
    const id = (raw as { id?: unknown } | null)?.id;
    if (typeof id === 'number' && Number.isInteger(id)) {
      try {
        parseOrThrow(ToWalletSchema, raw, 'message');
      } catch (error) {
        reply({ t: 'res', id, ok: false, error: toWireError(error) });
      }
    }
    return;
  }
  const message: ToWallet = parsed.data;
  if (message.t === 'sub') return;
  if (message.t === 'lane') {
    // No lane for a frame the wallet refuses anyway (an opaque origin, plain http).
    if (canConnect(entry.origin)) lanes?.name(message.token, entry);
    return;
  }
  if (message.t === 'cancel') {
    entry.inflight.get(message.id)?.abort();
    return;
  }
  const { id } = message;
  const batcher = message.stream ? new DeltaBatcher((text) => reply({ t: 'delta', id, text })) : null;
  const controller = new AbortController();
  const answer: AnswerNotes = { port: entry, sent: false };
  /** The event the answer carries, if any; after this, events for the page go as events. */
  const notes = () => {
    answer.sent = true;
    return answer.grant ? { grantChanged: answer.grant.data } : {};
  };
  try {
    if (entry.inflight.has(id)) throw new WalletError(ErrorCode.invalidParams, messages.invalidParams('id', 'already in flight'));
    entry.inflight.set(id, controller);
    if (!canConnect(entry.origin)) throw new WalletError(ErrorCode.unauthorized, messages.originRefused(entry.origin));
    if (!isPageMethod(message.method)) throw new WalletError(ErrorCode.unsupported, messages.unsupportedMethod(message.method));
    const method = message.method;
    // A media method's Blobs become bytes before its params are validated (./binary.ts); in flight
    // already, so a cancel that comes while they are read is not lost.
    const binary = LANE_METHODS.has(method);
    const raw = binary
      ? await readBlobs(message.params).catch(() => {
          throw new WalletError(ErrorCode.invalidParams, messages.invalidParams('params', 'its data could not be read'));
        })
      : message.params;
    if (controller.signal.aborted) throw abortError();
    const params = parseOrThrow(pageMethodParams[method], raw, 'params');
    const handler = pageHandlers[method] as (call: PageCall<unknown>) => Promise<unknown>;
    const value = await handler({
      ctx,
      caller: { origin: entry.origin, ...(entry.topOrigin ? { topOrigin: entry.topOrigin } : {}), ...(entry.tabId !== undefined ? { tabId: entry.tabId } : {}), ...(entry.favIconUrl ? { favIconUrl: entry.favIconUrl } : {}), answer },
      params,
      signal: controller.signal,
      onDelta: (text) => batcher?.push(text),
    });
    const answered = binary ? pageMediaAnswer(method, value) : value;
    reply(batcher ? { t: 'res', id, ok: true, ...batcher.answer(answered ?? null), ...batcher.rest(), ...notes() } : { t: 'res', id, ok: true, value: answered ?? null, ...notes() });
  } catch (error) {
    reply({ t: 'res', id, ok: false, error: toWireError(error), ...batcher?.rest(), ...notes() });
  } finally {
    if (entry.inflight.get(id) === controller) entry.inflight.delete(id);
  }
}
