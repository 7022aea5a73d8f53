/** How the extension's pages talk to the background (lib/protocol/ui.ts). */
import { browser } from 'wxt/browser';
import type { UiCommand, UiParams, UiReply } from '../protocol/ui';
import type { UiResult } from '../background/ui-handlers';
import { UI_CHANGED } from '../protocol/ui';
import type { Said } from '../protocol/errors';
import { phrase } from '../protocol/said';

/** A command's error: the code and English message a page would get, and what it said by name (lib/ui/error-text.ts says it in the person's language). */
export class UiError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly said?: Said,
  ) {
    super(message);
    this.name = 'UiError';
  }
}

/** Commands that may take long (key derivation, a provider round trip, a whole backup). */
const SLOW: ReadonlySet<UiCommand> = new Set<UiCommand>(['vault.create', 'vault.unlock', 'vault.changePassphrase', 'vault.reset', 'keys.add', 'keys.rotate', 'keys.validate', 'backup.export', 'backup.import']);
const REPLY_MS = 10_000;
const SLOW_REPLY_MS = 90_000;

function sendOnce(message: unknown, timeoutMs: number): Promise<UiReply | undefined | 'timeout'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
  const reply = browser.runtime.sendMessage(message) as Promise<UiReply | undefined>;
  return Promise.race([reply, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Sends a command to the background. A message that reaches a worker just as the browser stops
 * it can go unanswered: a quick command is sent once more, a slow one fails with a clear error.
 */
export async function call<C extends UiCommand>(command: C, params?: UiParams<C>): Promise<UiResult<C>> {
  const message = { byokUi: 1, command, params };
  const slow = SLOW.has(command);
  let reply = await sendOnce(message, slow ? SLOW_REPLY_MS : REPLY_MS);
  if (reply === 'timeout' && !slow) reply = await sendOnce(message, REPLY_MS);
  if (reply === 'timeout' || !reply) {
    const silent = phrase('walletNoAnswer');
    throw new UiError(5000, silent.message, silent.said);
  }
  if (!reply.ok) throw new UiError(reply.error.code, reply.error.message, reply.error.said);
  return reply.value as UiResult<C>;
}

/** Calls `fn` whenever the background says its state changed; returns the unsubscribe. */
export function onWalletChanged(fn: () => void): () => void {
  const listener = (message: unknown) => {
    if ((message as { type?: unknown } | null)?.type === UI_CHANGED) fn();
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
