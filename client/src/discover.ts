/**
 * Finding the wallet (docs/API.md, "The page API"), the EIP-6963 way: ask with `byok:requestProvider`, listen
 * for `byok:announceProvider`, and fall back to `window.byok` (also once `byok#initialized` fires).
 */
import type { ByokProvider, ProviderDetail } from './types.js';

const ANNOUNCE = 'byok:announceProvider';
const REQUEST = 'byok:requestProvider';
const INITIALIZED = 'byok#initialized';

type Target = EventTarget & { byok?: unknown };

export interface GetByokOptions {
  /** How long to wait for a wallet, in ms; default 1000. */
  timeoutMs?: number;
  /** Where to look; default the page's `window`. */
  target?: EventTarget;
}

export interface OnProvidersOptions {
  /** Stops listening when aborted. */
  signal?: AbortSignal;
  /** Where to listen; default the page's `window`. */
  target?: EventTarget;
}

const pageWindow = (): Target | undefined => (typeof window === 'undefined' ? undefined : (window as Target));

/** True when `p` looks like a byok provider (has `connect` and `chat` functions). */
export function isByokProvider(p: unknown): p is ByokProvider {
  const o = p as Partial<ByokProvider> | null;
  return !!o && typeof o.connect === 'function' && typeof o.chat === 'function';
}

/**
 * The wallet's provider, found by discovery, or `null` when no wallet answers within
 * `timeoutMs` (no wallet installed, or not a page the wallet runs on).
 */
export function getByok({ timeoutMs = 1000, target = pageWindow() }: GetByokOptions = {}): Promise<ByokProvider | null> {
  const t = target as Target | undefined;
  if (!t) return Promise.resolve(null);
  return new Promise((resolve) => {
    const finish = (p: ByokProvider | null) => {
      clearTimeout(timer);
      t.removeEventListener(ANNOUNCE, onAnnounce);
      t.removeEventListener(INITIALIZED, onInitialized);
      resolve(p);
    };
    const onAnnounce = (e: Event) => {
      const p = (e as CustomEvent<ProviderDetail | undefined>).detail?.provider;
      if (isByokProvider(p)) finish(p);
    };
    const onInitialized = () => {
      if (isByokProvider(t.byok)) finish(t.byok);
    };
    const timer = setTimeout(finish, timeoutMs, null);
    t.addEventListener(ANNOUNCE, onAnnounce);
    t.addEventListener(INITIALIZED, onInitialized);
    t.dispatchEvent(new Event(REQUEST));
    onInitialized();
  });
}

/**
 * Calls `cb` once for every wallet that announces itself, now or later (deduplicated by
 * `info.uuid`). Returns a function that stops listening.
 */
export function onProviders(cb: (detail: ProviderDetail) => void, { signal, target = pageWindow() }: OnProvidersOptions = {}): () => void {
  if (!target || signal?.aborted) return () => {};
  const seen = new Set<unknown>();
  const onAnnounce = (e: Event) => {
    const d = (e as CustomEvent<ProviderDetail | undefined>).detail;
    const key = d?.info?.uuid ?? d?.provider;
    if (d && isByokProvider(d.provider) && !seen.has(key)) {
      seen.add(key);
      cb(d);
    }
  };
  const stop = () => target.removeEventListener(ANNOUNCE, onAnnounce);
  target.addEventListener(ANNOUNCE, onAnnounce);
  signal?.addEventListener('abort', stop);
  target.dispatchEvent(new Event(REQUEST));
  return stop;
}
