/** Reads the wallet's state as its own pages do (the UI protocol), for assertions. */
import type { Page } from '@playwright/test';

export function uiCall<T>(extensionPage: Page, command: string, params?: unknown): Promise<T> {
  return extensionPage.evaluate(
    async ({ command, params }) => {
      const reply = (await (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }> } } }).chrome.runtime.sendMessage({ byokUi: 1, command, params })) as { ok: boolean; value?: unknown; error?: { message: string } };
      if (!reply.ok) throw new Error(reply.error?.message);
      return reply.value as never;
    },
    { command, params },
  );
}

export interface LedgerRow {
  id: string;
  status: string;
  costNano: number;
  reservedNano: number;
  outputTokens: number;
  origin: string;
}
