import type { messages } from './messages';

/**
 * The wallet's error table (docs/API.md, "The page API"). Every error that crosses to a page is one of these
 * codes with a message built by a function in `messages.ts`; nothing else (no stack, no secret).
 */
export const ErrorCode = {
  userRejected: 4001,
  unauthorized: 4100,
  unsupported: 4200,
  rateLimited: 4290,
  budgetExceeded: 4402,
  locked: 4900,
  invalidParams: -32602,
  provider: 5000,
} as const;

export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

const knownCodes = new Set<number>(Object.values(ErrorCode));

/** The serialisable shape of an error on every wire. */
export interface WireError {
  code: ErrorCodeValue;
  message: string;
  /** Extra, non-secret facts, e.g. `{ retryAfterMs }` for 4290 or the provider's HTTP status. */
  data?: Record<string, string | number | boolean | null>;
}

/** The messages an error can be said with: those whose values are all strings and numbers. */
export type SaidName = { [N in keyof typeof messages]: Parameters<(typeof messages)[N]> extends (string | number)[] ? N : never }[keyof typeof messages];

/**
 * What an error said, by name: the message of `messages.ts` and its values (a value may be a
 * message of its own). Only the wallet's own pages get it (lib/protocol/said.ts); never a web page.
 */
export interface Said {
  name: SaidName;
  values: (string | Said)[];
}

/** An error the wallet raises on purpose; it travels to the caller as a {@link WireError}. */
export class WalletError extends Error {
  readonly code: ErrorCodeValue;
  readonly data: WireError['data'];
  /** The message it was built from, for the wallet's own pages (lib/protocol/said.ts); not in {@link toWire}. */
  readonly said: Said | undefined;

  constructor(code: ErrorCodeValue, message: string, data?: WireError['data'], said?: Said) {
    super(message);
    this.name = 'WalletError';
    this.code = code;
    this.data = data;
    this.said = said;
  }

  toWire(): WireError {
    return this.data === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, data: this.data };
  }
}

/** True when `code` is one of the contract's codes. */
export function isErrorCode(code: unknown): code is ErrorCodeValue {
  return typeof code === 'number' && knownCodes.has(code);
}

/**
 * Turns anything thrown into a {@link WireError} that is safe to send to a page: a
 * {@link WalletError} keeps its code and message; anything else becomes a generic internal
 * error whose message says nothing about the wallet's internals.
 */
export function toWireError(error: unknown): WireError {
  if (error instanceof WalletError) return error.toWire();
  return { code: ErrorCode.provider, message: 'Internal wallet error' };
}
