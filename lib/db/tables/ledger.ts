/** The usage ledger: one row per settled or refused request (a request in flight is in `inflight`). */
export const ledgerV1 = 'id, at, origin, status, [origin+at]';
/**
 * v4: only the indexes the ledger's readers use. Pending entries live in `inflight` (v3), so
 * nothing looks rows up by status; the sites are found by seeking `[origin+at]`. Two index
 * entries fewer to write for every request.
 */
export const ledgerV2 = 'id, at, [origin+at]';

/** A capability's scope: what a request was for. */
export type LedgerKind = 'chat' | 'embed' | 'speech' | 'transcription' | 'images';

/** A media request's own units. */
export interface MediaUnits {
  characters?: number;
  seconds?: number;
  images?: number;
}

export type LedgerStatus = 'pending' | 'ok' | 'error' | 'aborted' | 'refused' | 'interrupted';

export interface LedgerEntry {
  id: string;
  at: number;
  origin: string;
  kind: LedgerKind;
  model: string;
  provider: string;
  keyId?: string;
  status: LedgerStatus;
  inputTokens: number;
  outputTokens: number;
  costNano: number;
  /** The upper bound held while the request was in flight. */
  reservedNano: number;
  /** The wallet's own count of input tokens, charged if the worker dies mid-request. */
  inputEstimate: number;
  errorCode?: number;
  errorMessage?: string;
  durationMs?: number;
  settledAt?: number;
  /** What a media request was metered in (speech: characters, transcription: seconds, images: images), beside its tokens. */
  units?: MediaUnits;
}
