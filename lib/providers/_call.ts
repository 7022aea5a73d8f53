/**
 * One provider call's lifetime: links the caller's `AbortSignal` to the signal handed to the SDK,
 * aborts the call when it makes no progress for `idleMs`, and tells apart the three ways a stream
 * can stop early (caller abort, idle timeout, provider error). Both SDKs end a stream silently
 * when its signal aborts, so {@link CallScope.settle} must run after the stream is read.
 */
import { abortError, timeoutError, toProviderError, type ErrorContext } from './errors';

export const DEFAULT_TIMEOUT_MS = 120_000;

export class CallScope {
  readonly #controller = new AbortController();
  readonly #outer: AbortSignal | undefined;
  readonly #ctx: ErrorContext;
  readonly #onOuterAbort = () => this.#controller.abort();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #lastProgress = 0;
  #timedOut = false;

  /** Throws an `AbortError` at once when `outer` is already aborted: nothing is sent then. */
  constructor(outer: AbortSignal | undefined, ctx: ErrorContext) {
    this.#outer = outer;
    this.#ctx = ctx;
    if (outer?.aborted) throw abortError();
    outer?.addEventListener('abort', this.#onOuterAbort, { once: true });
    this.touch();
    this.#arm(this.#ctx.timeoutMs);
  }

  /** The signal to give the SDK. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /**
   * Records progress. Called for every streamed chunk, so it only notes the time: one timer
   * checks it, and re-arms for the rest of the idle period when there was progress meanwhile.
   */
  touch = (): void => {
    this.#lastProgress = performance.now();
  };

  #arm(ms: number): void {
    this.#timer = setTimeout(() => {
      const idle = performance.now() - this.#lastProgress;
      if (idle < this.#ctx.timeoutMs) return this.#arm(this.#ctx.timeoutMs - idle);
      this.#timedOut = true;
      this.#controller.abort();
    }, ms);
  }

  /** Throws when the call stopped because of the caller's abort or the idle timeout. */
  settle(): void {
    if (this.#outer?.aborted) throw abortError();
    if (this.#timedOut) throw timeoutError(this.#ctx);
  }

  /** The error to throw for `error`; an abort or timeout of this call wins over what the SDK saw. */
  fail(error: unknown): Error {
    if (this.#outer?.aborted) return abortError();
    if (this.#timedOut) return timeoutError(this.#ctx);
    return toProviderError(error, this.#ctx);
  }

  dispose(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#outer?.removeEventListener('abort', this.#onOuterAbort);
  }
}

/**
 * Runs `body` inside a {@link CallScope}: every error comes out normalised, and an abort or a
 * timeout that made the SDK end quietly still rejects.
 */
export async function withCall<T>(outer: AbortSignal | undefined, ctx: ErrorContext, body: (scope: CallScope) => Promise<T>): Promise<T> {
  const scope = new CallScope(outer, ctx);
  try {
    const value = await body(scope);
    scope.settle();
    return value;
  } catch (error) {
    throw scope.fail(error);
  } finally {
    scope.dispose();
  }
}
