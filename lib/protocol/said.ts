/**
 * What the wallet said, by name: an error keeps the message of `messages.ts` it was built from and
 * its values beside its English text, so the wallet's own pages can show it in the person's
 * language (lib/ui/error-text.ts). A web page never receives it: `WalletError.toWire` leaves it out.
 */
import { ErrorCode, WalletError, type ErrorCodeValue, type Said, type SaidName } from './errors';
import { messages } from './messages';

export type { Said, SaidName };

/** A message's English text and what it was built from. */
export interface Phrase {
  message: string;
  said: Said;
}

/** The values `messages[N]` takes, where a string may also be a {@link Phrase} (a message inside a message). */
export type SaidArgs<N extends SaidName> = Sayable<Parameters<(typeof messages)[N]>>;
type Sayable<P extends unknown[]> = { [I in keyof P]: P[I] extends string ? string | Phrase : P[I] };

/** The message `name` with `args`: its English text (exactly what `messages[name](...)` makes) and its name and values. */
export function phrase<N extends SaidName>(name: N, ...args: SaidArgs<N>): Phrase {
  const parts = args as readonly (string | number | Phrase)[];
  const build = messages[name] as (...values: (string | number)[]) => string;
  return {
    message: build(...parts.map((v) => (typeof v === 'object' ? v.message : v))),
    said: { name, values: parts.map((v) => (typeof v === 'object' ? v.said : String(v))) },
  };
}

/** A {@link WalletError} whose message is `messages[name](...args)`, and which remembers that. */
export function fail<N extends SaidName>(code: ErrorCodeValue, name: N, ...args: SaidArgs<N>): WalletError {
  const p = phrase(name, ...args);
  return new WalletError(code, p.message, undefined, p.said);
}

/** {@link fail} with `data` (e.g. `{ retryAfterMs }`), which a page does receive. */
export function failWith<N extends SaidName>(code: ErrorCodeValue, data: NonNullable<WalletError['data']>, name: N, ...args: SaidArgs<N>): WalletError {
  const p = phrase(name, ...args);
  return new WalletError(code, p.message, data, p.said);
}

/** -32602 naming `field`, whose problem is a message of its own (so the pages can say it in the person's language). */
export function invalidParam(field: string, problem: Phrase): WalletError {
  return fail(ErrorCode.invalidParams, 'invalidParams', field, problem);
}

/** An error raised in a page (a check before a command is sent) that keeps what it says by name. */
export class PhraseError extends Error {
  readonly said: Said;
  constructor(p: Phrase) {
    super(p.message);
    this.name = 'PhraseError';
    this.said = p.said;
  }
}
