/**
 * Installs the provider in the page: `window.byok` unless someone else defined it, and the
 * EIP-6963-style discovery events (`byok:announceProvider` / `byok:requestProvider`).
 */
import type { PageEvent } from '../protocol/wire';
import { createProvider } from './provider';
import { createTransport } from './transport';

const ICON =
  'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"%3E%3Crect width="32" height="32" rx="7" fill="%23111"/%3E%3Cpath d="M9 17a7 7 0 1 1 7 7h-3v3H9z" fill="%23fc3"/%3E%3C/svg%3E';

export function installByok(win: Window & { byok?: unknown }): void {
  const listeners = new Map<PageEvent, Set<(data: unknown) => void>>([
    ['lock', new Set()],
    ['unlock', new Set()],
    ['grantChanged', new Set()],
  ]);
  const transport = createTransport(win, (name, data) => {
    for (const fn of listeners.get(name) ?? []) {
      try {
        fn(data);
      } catch (error) {
        setTimeout(() => {
          throw error;
        });
      }
    }
  });
  const provider = createProvider(transport, listeners);
  const info = Object.freeze({ uuid: crypto.randomUUID(), name: 'byok', icon: ICON, rdns: 'dev.byok' });
  const announce = () =>
    win.dispatchEvent(new CustomEvent('byok:announceProvider', { detail: Object.freeze({ info, provider }) }));
  if (win.byok === undefined) {
    Object.defineProperty(win, 'byok', { value: provider, configurable: false, enumerable: true, writable: false });
    win.dispatchEvent(new Event('byok#initialized'));
  }
  win.addEventListener('byok:requestProvider', announce);
  announce();
}
