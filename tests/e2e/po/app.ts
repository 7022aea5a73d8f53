/** Calls `window.byok` in a page as an app would, returning results or `{ error }` as data. */
import type { Frame, Page } from '@playwright/test';

export interface CallError {
  error: { code?: number; name: string; message: string };
}

type Json = unknown;

/** Runs `method(...args)` on window.byok in `page` (or a frame); a rejection becomes `{ error }`. */
export function byokCall<T = Json>(page: Page | Frame, method: string, ...args: Json[]): Promise<T | CallError> {
  return page.evaluate(
    async ({ method, args }) => {
      try {
        const byok = (window as unknown as { byok: Record<string, (...a: unknown[]) => Promise<unknown>> }).byok;
        return (await byok[method]!(...args)) as never;
      } catch (e) {
        const err = e as { code?: number; name: string; message: string };
        return { error: { code: err.code, name: err.name, message: err.message } } as never;
      }
    },
    { method, args },
  );
}

export interface StreamedChat {
  result?: { text: string; model: string; provider: string; usage: { inputTokens: number; outputTokens: number }; costUsd: number; finishReason: string; toolCalls?: unknown[] };
  deltas: string[];
  error?: CallError['error'];
}

/** A streaming chat; `abortAfterDeltas` aborts once that many deltas arrived. */
export function chat(page: Page, request: Json, options: { abortAfterDeltas?: number } = {}): Promise<StreamedChat> {
  return page.evaluate(
    async ({ request, abortAfterDeltas }) => {
      const deltas: string[] = [];
      const controller = new AbortController();
      try {
        const byok = (window as unknown as { byok: { chat(r: unknown, o: unknown): Promise<StreamedChat['result']> } }).byok;
        const result = await byok.chat(request, {
          signal: controller.signal,
          onDelta: (d: string) => {
            deltas.push(d);
            if (abortAfterDeltas !== undefined && deltas.length >= abortAfterDeltas) controller.abort();
          },
        });
        return { result, deltas };
      } catch (e) {
        const err = e as { code?: number; name: string; message: string };
        return { deltas, error: { code: err.code, name: err.name, message: err.message } };
      }
    },
    { request, abortAfterDeltas: options.abortAfterDeltas },
  );
}

export const user = (content: string) => ({ messages: [{ role: 'user', content }] });

/** Posts a raw wire message on the page ↔ content channel (as a forging page script could). */
export function rawRequest(page: Page, method: string, params?: unknown): Promise<{ ok: boolean; error?: { code: number; message: string }; value?: unknown }> {
  return page.evaluate(
    ({ method, params }) =>
      new Promise((resolve) => {
        const id = 900_000 + Math.floor(Math.random() * 1000);
        const onReply = (event: Event) => {
          const m = JSON.parse((event as CustomEvent<string>).detail) as { t: string; id: number };
          if (m.t !== 'res' || m.id !== id) return;
          window.removeEventListener('byok/v1:to-page', onReply);
          resolve(m as never);
        };
        window.addEventListener('byok/v1:to-page', onReply);
        window.dispatchEvent(new CustomEvent('byok/v1:to-wallet', { detail: JSON.stringify({ t: 'req', id, method, params }) }));
      }),
    { method, params },
  );
}
