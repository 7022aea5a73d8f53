/** How a call that ended early is told apart: the page's cancel, the timeout. */
import { ErrorCode, WalletError } from '../protocol/errors';
import { messages } from '../protocol/messages';

/** The provider did not answer in time (the wallet's idle timeout, or the provider's own 408). */
export function isTimeout(error: unknown): boolean {
  return error instanceof WalletError && error.data?.kind === 'timeout';
}

export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

/** Cancellation travels to the page as this; the page-side provider rethrows an AbortError. */
export function abortError(): WalletError {
  return new WalletError(ErrorCode.userRejected, messages.aborted(), { aborted: true });
}
