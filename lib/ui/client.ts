/** How the extension's pages talk to the background (lib/protocol/ui.ts). */
import { browser } from 'wxt/browser';
import type { UiCommand, UiParams, UiReply } from '../protocol/ui';
import { UI_CHANGED } from '../protocol/ui';

export class UiError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'UiError';
  }
}

export async function call<T = unknown, C extends UiCommand = UiCommand>(command: C, params?: UiParams<C>): Promise<T> {
  const reply = (await browser.runtime.sendMessage({ byokUi: 1, command, params })) as UiReply | undefined;
  if (!reply) throw new UiError(5000, 'The wallet did not answer');
  if (!reply.ok) throw new UiError(reply.error.code, reply.error.message);
  return reply.value as T;
}

/** Calls `fn` whenever the background says its state changed; returns the unsubscribe. */
export function onWalletChanged(fn: () => void): () => void {
  const listener = (message: unknown) => {
    if ((message as { type?: unknown } | null)?.type === UI_CHANGED) fn();
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
