/**
 * The wallet's background, built in Node for tests: a real Dexie database (fake-indexeddb),
 * an in-memory session, windows that tests can answer, and a scripted provider.
 */
import 'fake-indexeddb/auto';
import { openWalletDb } from '../../lib/db/database';
import { memorySessionStore } from '../../lib/vault/session-store';
import { createWalletContext } from '../../lib/background/create-context';
import type { ProviderDirectory, WalletContext } from '../../lib/background/context';
import type { WindowOpener } from '../../lib/background/windows';
import type { ProviderAdapter } from '../../lib/providers/types';
import type { Price } from '../../lib/budget/price';
import { periodKey } from '../../lib/budget/period';

let databases = 0;
export const TEST_ORIGIN = 'https://app.example';
export const TEST_SECRET = 'sk-test-harness-SECRET-0042';

export interface FakeWindows extends WindowOpener {
  opened: { id: number; path: string }[];
  closeWindow(id: number): void;
}

export function fakeWindows(onClose: (id: number) => void = () => undefined): FakeWindows {
  let next = 1;
  const open = new Set<number>();
  const opened: { id: number; path: string }[] = [];
  return {
    opened,
    async open(path) {
      const id = next++;
      open.add(id);
      opened.push({ id, path });
      return id;
    },
    async close(id) {
      if (open.delete(id)) onClose(id);
    },
    async exists(id) {
      return open.has(id);
    },
    async focus() {},
    async openSetup(tabId: number | null) {
      opened.push({ id: 0, path: '/options.html#welcome' });
      return tabId ?? 0;
    },
    closeWindow(id) {
      if (open.delete(id)) onClose(id);
    },
  };
}

export interface HarnessOptions {
  adapter: ProviderAdapter;
  price?: Price | null;
  budgetUsd?: number;
  now?: () => number;
}

export interface Harness {
  ctx: WalletContext;
  windows: FakeWindows;
  keyId: string;
}

/** A created, unlocked wallet with one key serving model `m`, and `TEST_ORIGIN` connected to it. */
export async function makeHarness(options: HarnessOptions): Promise<Harness> {
  const now = options.now ?? (() => Date.now());
  const db = openWalletDb(`harness-${databases++}-${Math.random()}`);
  const windows = fakeWindows((id) => {
    void ctx.approvals.windowClosed(id);
    ctx.unlock.windowClosed(id);
  });
  const price = options.price === undefined ? { inputPerM: 1000, outputPerM: 1000 } : options.price;
  const providers: ProviderDirectory = {
    adapterFor: () => options.adapter,
    credentialsFor: (_key, secret, timeoutMs) => ({ kind: 'openai', label: 'Fake', secret, ...(timeoutMs ? { timeoutMs } : {}) }),
    priceFor: async () => price,
    providerName: () => 'fake',
    maxOutputTokens: () => undefined,
    pricesChanged: () => undefined,
  };
  const ctx: WalletContext = createWalletContext({ db, session: memorySessionStore(), windows, providers, now });
  await ctx.vault.create('harness passphrase');
  const key = await ctx.keyring.add({ provider: 'openai', name: 'Fake', secret: TEST_SECRET, models: ['m'], status: 'valid' });
  await ctx.grants.put({
    origin: TEST_ORIGIN,
    scopes: ['chat', 'models', 'embed'],
    models: ['m'],
    routes: { m: key.id },
    defaultModel: 'm',
    budgetNano: Math.floor((options.budgetUsd ?? 1) * 1e9),
    period: 'total',
    spentNano: 0,
    periodKey: periodKey('total', now()),
    rateLimitPerMin: 1000,
    paused: false,
    createdAt: now(),
    updatedAt: now(),
  });
  return { ctx, windows, keyId: key.id };
}

/** A provider adapter whose chat streams `chunks`, then reports usage; other methods are unused. */
export function scriptedAdapter(script: {
  chunks?: string[];
  usage?: { inputTokens: number; outputTokens: number } | null;
  /** Called before streaming; may throw or wait on the signal. */
  before?: (signal: AbortSignal) => Promise<void>;
}): ProviderAdapter & { calls: number } {
  const adapter = {
    kind: 'openai' as const,
    calls: 0,
    async chat(_creds: unknown, request: { model: string }, callbacks: { onDelta(t: string): void; readyToSend?: Promise<void> }, signal: AbortSignal) {
      // Like the real adapters: nothing is sent before the wallet may send.
      await callbacks.readyToSend;
      adapter.calls++;
      await script.before?.(signal);
      let text = '';
      for (const chunk of script.chunks ?? ['Hello', ' world']) {
        if (signal.aborted) throw new DOMException('aborted', 'AbortError');
        text += chunk;
        callbacks.onDelta(chunk);
        await new Promise((r) => setTimeout(r, 0));
      }
      return { text, model: request.model, usage: script.usage === undefined ? { inputTokens: 3, outputTokens: 2 } : script.usage, finishReason: 'stop' as const };
    },
    async listModels() {
      return ['m'];
    },
    async embed() {
      throw new Error('not scripted');
    },
  };
  return adapter;
}
