/** Provider keys. The secret is only ever stored sealed under the data key (see lib/vault). */
export const keysV1 = 'id, provider, createdAt';

/** `out_of_credit`: the provider refused it for want of credit (`insufficient_quota`, HTTP 402). */
export type KeyStatus = 'valid' | 'invalid' | 'out_of_credit' | 'unverified' | 'unreachable';

export interface SealedBlob {
  nonce: string;
  ciphertext: string;
}

export interface KeyRecord {
  id: string;
  /** A preset id from lib/providers/presets (`openai`, `anthropic`, `openai-compatible`, `groq`, ...). */
  provider: string;
  name: string;
  baseUrl?: string;
  /** The last four characters, for the masked listing. */
  last4: string;
  sealed: SealedBlob;
  models: string[];
  status: KeyStatus;
  statusMessage?: string;
  enabled: boolean;
  createdAt: number;
  lastUsedAt?: number;
  validatedAt?: number;
  /** When the provider was last asked about the key, whatever it said (the daily check: lib/keys/daily-check.ts). */
  checkedAt?: number;
  /** The provider rate-limited it until then (its retry-after or reset): fallback passes it over until then (lib/pipeline/fallback.ts). */
  rateLimitedUntil?: number;
}
