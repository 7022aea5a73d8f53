// @ts-check
/** Waiting for a condition, never for a fixed time. */

export const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * Resolves the first truthy value `probe` returns, checking every `intervalMs`; fails after
 * `timeoutMs` with `what` in the message. A probe that throws counts as "not yet".
 * @template T
 * @param {() => Promise<T | undefined | null | false> | T | undefined | null | false} probe
 * @param {{ what: string, timeoutMs?: number, intervalMs?: number }} options
 * @returns {Promise<T>}
 */
export async function waitUntil(probe, { what, timeoutMs = DEFAULT_TIMEOUT_MS, intervalMs = 50 }) {
  const deadline = Date.now() + timeoutMs;
  /** @type {unknown} */
  let lastError;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
