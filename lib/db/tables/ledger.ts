/** The usage ledger: one row per request, written before the call and settled after it. */
export const ledgerV1 = 'id, at, origin, status, [origin+at]';

export type LedgerStatus = 'pending' | 'ok' | 'error' | 'aborted' | 'refused' | 'interrupted';

export interface LedgerEntry {
  id: string;
  at: number;
  origin: string;
  kind: 'chat' | 'embed';
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
}
