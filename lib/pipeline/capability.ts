/**
 * What a capability (chat, embed, speech, transcription, images) gives the pipeline: its bound,
 * its provider call and how its usage is counted. Everything else (route, admission, the pending
 * entry, settlement, refusals) is the pipeline's (pipeline.ts), the same for all.
 */
import type { Usage } from '../protocol/chat';
import type { LedgerEntry, MediaUnits } from '../db/tables/ledger';
import type { Metered, Price } from '../budget/price';
import type { Scope } from '../db/tables/grants';
import type { ProviderAdapter, ProviderCredentials } from '../providers/types';

/** The grant scope a capability needs is also the ledger kind it writes. */
export type CapabilityKind = Scope & LedgerEntry['kind'];

/** What the wallet allows a call to spend on output. */
export interface OutputLimits {
  /** The model's own output cap, where known. */
  maxOutputTokens: number | undefined;
  /** The wallet's setting for a request that names no limit. */
  defaultMaxTokens: number;
}

/** Before the call: the request as it will be sent, what it may bill at most, and the wallet's own guess of its input. */
export interface Bound<Sent> {
  sent: Sent;
  /** The most the provider can bill for this call: what admission reserves (tokens, and a media call's units). */
  upperBound: Metered;
  inputEstimate: number;
  /** A media call's own units (characters, seconds, images), as metered before it is sent: what the ledger records. */
  units?: MediaUnits;
  /** A media call's charge when the provider reports no usage: the metered units at their rates (within `upperBound`). */
  estimate?: Metered;
}

/** One provider call, ready to go. */
export interface ProviderCall<Sent> {
  adapter: ProviderAdapter;
  creds: ProviderCredentials;
  request: Sent;
  signal: AbortSignal;
  /**
   * Resolves once the pending entry is written. Nothing may reach the network before: pass it to
   * an adapter's send gate (lib/providers/send-gate.ts), or await it before calling.
   */
  readyToSend: Promise<void>;
  /** Streamed text, in order: counted for a cut-short call's charge, checkpointed, forwarded to the caller. */
  onDelta(text: string): void;
  /** The provider's running usage report (the last one wins). */
  onUsage(usage: Usage): void;
  /** The request went to the network (media adapters say so: lib/providers/types.ts MediaCallbacks). */
  onSent(): void;
}

/**
 * After the call: what the provider billed (null: it did not say), the wallet's own count, and
 * the media units the ledger records (charged only where they are in `billed` or `counted`).
 */
export interface Counted {
  billed: Metered | null;
  counted: Metered;
  units?: MediaUnits;
}

/** How a call that failed once admitted ended: whether it reached the network, and why it stopped. */
export interface CutShort {
  sent: boolean;
  /** The caller's abort, or the wallet's idle timeout (the provider may have billed what it did). */
  abortedOrTimedOut: boolean;
  /** The provider answered with an error status: it refused the request, and bills nothing. */
  providerRefused: boolean;
}

/** What the pipeline knows of a call that completed, for the capability's result. */
export interface Charged {
  model: string;
  provider: string;
  usage: Usage;
  /** A media call's units, as the ledger records them. */
  units?: MediaUnits;
  costUsd: number;
}

export interface Capability<Request, Sent, Outcome, Result> {
  readonly kind: CapabilityKind;
  /**
   * Answers while its settlement commits (the charge held meanwhile, readers of spend waiting
   * for it): for streams, whose answer should follow their last text at once. Otherwise the
   * settlement commits before the answer.
   */
  readonly answersBeforeSettling?: boolean;
  /** The model the request names; undefined: the grant's default. */
  model(request: Request): string | undefined;
  /** The request's input bound on `model`, where the price depends on it (long-context prices). */
  priceInput?(request: Request, model: string): number;
  /**
   * The price variant the request names on `model` (an image's size and quality), resolved by
   * route's price lookup. May refuse (-32602 naming the field) what `model` cannot do.
   */
  priceVariant?(request: Request, model: string): string | undefined;
  bound(request: Request, model: string, limits: OutputLimits, price: Price): Bound<Sent>;
  call(call: ProviderCall<Sent>): Promise<Outcome>;
  count(outcome: Outcome, bound: Bound<Sent>): Counted;
  /**
   * What a call that failed once admitted is charged, where the capability knows better than
   * what streamed (a media call: its units once sent and cut short; nothing if never sent).
   * Absent: the streamed text's count (progress.ts).
   */
  cutShort?(bound: Bound<Sent>, how: CutShort): Counted;
  result(outcome: Outcome, charged: Charged): Result;
}
