/**
 * An MV3 worker is stopped after 30 s without extension events. While a provider call is in
 * flight (a slow first token sends nothing over the port), a cheap extension API call every
 * 20 s keeps it alive; with nothing in flight, the worker may sleep.
 */
import { browser } from 'wxt/browser';

const PING_MS = 20_000;

export function keepAliveWhile(busy: () => boolean): () => void {
  const timer = setInterval(() => {
    if (busy()) void browser.runtime.getPlatformInfo();
  }, PING_MS);
  return () => clearInterval(timer);
}
