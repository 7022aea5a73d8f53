/** Receives commands from the extension's own pages; anything else is refused. */
import { browser, type Browser } from 'wxt/browser';

import { UiRequest, uiCommands, type UiCommand, type UiErrorReply, type UiReply } from '../protocol/ui';
import { ErrorCode, WalletError, toWireError } from '../protocol/errors';
import { messages } from '../protocol/messages';
import { parseOrThrow } from '../protocol/validate';
import { uiHandlers, type UiDeps } from './ui-handlers';
import { runAudited } from '../audit/ui-rules';

/** True when `sender` is one of this extension's pages (not a content script, not another extension). */
export function isExtensionPage(sender: Browser.runtime.MessageSender): boolean {
  const base = browser.runtime.getURL('/');
  return sender.id === browser.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(base);
}

export async function handleUiMessage(deps: UiDeps, ready: Promise<void>, raw: unknown, sender: Browser.runtime.MessageSender): Promise<UiReply | undefined> {
  if (!UiRequest.safeParse(raw).success) return undefined;
  if (!isExtensionPage(sender)) return { ok: false, error: { code: ErrorCode.unauthorized, message: 'Refused: not an extension page' } };
  await ready;
  try {
    const request = parseOrThrow(UiRequest, raw);
    if (!Object.prototype.hasOwnProperty.call(uiCommands, request.command)) {
      throw new WalletError(ErrorCode.unsupported, messages.unsupportedMethod(request.command));
    }
    const command = request.command as UiCommand;
    const params = parseOrThrow(uiCommands[command], request.params, 'params');
    const handler = uiHandlers[command] as (d: UiDeps, p: unknown) => Promise<unknown>;
    // The wallet's pages show spend and the ledger as of every answer already given.
    await deps.ctx.ledger.settled();
    // Security events (keys, grants, unlock failures, backups, settings) go to the audit log.
    return { ok: true, value: (await runAudited(deps.ctx, command, params, () => handler(deps, params))) ?? null };
  } catch (error) {
    return { ok: false, error: toUiError(error) };
  }
}

/** A page's wire error, and for the wallet's own pages what it said by name (never sent to a web page). */
export function toUiError(error: unknown): UiErrorReply {
  const wire = toWireError(error);
  return error instanceof WalletError && error.said ? { ...wire, said: error.said } : wire;
}
