/**
 * Where the unlocked data key lives between worker restarts: `storage.session`, which is held in
 * memory only, cleared when the browser exits, and not readable by content scripts.
 */
import { browser } from 'wxt/browser';

export interface SessionStore {
  get(): Promise<string | undefined>;
  set(dataKeyB64: string): Promise<void>;
  /** Forgets the data key (lock). */
  clear(): Promise<void>;
  /** Empties the whole session area (wallet reset). */
  wipe(): Promise<void>;
}

const ITEM = 'byok.dataKey';

export function browserSessionStore(): SessionStore {
  return {
    async get() {
      const items = await browser.storage.session.get(ITEM);
      const value = items[ITEM];
      return typeof value === 'string' ? value : undefined;
    },
    set: (dataKeyB64) => browser.storage.session.set({ [ITEM]: dataKeyB64 }),
    clear: () => browser.storage.session.remove(ITEM),
    wipe: () => browser.storage.session.clear(),
  };
}

/** For tests and Node: the same contract in memory. */
export function memorySessionStore(): SessionStore {
  let value: string | undefined;
  return {
    get: async () => value,
    set: async (v) => {
      value = v;
    },
    clear: async () => {
      value = undefined;
    },
    wipe: async () => {
      value = undefined;
    },
  };
}
