/**
 * What a capability (chat, embed; speech, transcription, images to come) gives the pipeline:
 * its bound, its provider call and how its usage is counted. Everything else (route, admission,
 * the pending entry, settlement, refusals) is the pipeline's (pipeline.ts), the same for all.
 */
import type { Usage } from '../protocol/chat';
import type { LedgerEntry } from '../db/tables/ledger';
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
  /** The most the provider can bill for this call: what admission reserves. */
  upperBound: Usage;
  inputEstimate: number;
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
}

/** After the call: what the provider billed (null: it did not say) and the wallet's own count. */
export interface Counted {
  billed: Usage | null;
  counted: Usage;
}

/** What the pipeline knows of a call that completed, for the capability's result. */
export interface Charged {
  model: string;
  provider: string;
  usage: Usage;
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
  bound(request: Request, model: string, limits: OutputLimits): Bound<Sent>;
  call(call: ProviderCall<Sent>): Promise<Outcome>;
  count(outcome: Outcome, bound: Bound<Sent>): Counted;
  result(outcome: Outcome, charged: Charged): Result;
}
