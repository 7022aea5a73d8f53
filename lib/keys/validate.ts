/** Checks a key against the provider's models endpoint: before it is saved, on rotation, on demand. */
import type { KeyStatus } from '../db/tables/keys';
import type { ProviderAdapter, ProviderCredentials } from '../providers/types';
import { WalletError, type Said } from '../protocol/errors';
import { messages } from '../protocol/messages';
import { phrase } from '../protocol/said';

export interface Validation {
  status: KeyStatus;
  models: string[];
  message: string;
  /** What `message` says, by name: the wallet's pages say it in the person's language, the provider's words behind Details. */
  said?: Said;
}

const VALIDATE_TIMEOUT_MS = 15_000;

export async function validateKey(adapter: ProviderAdapter, creds: ProviderCredentials): Promise<Validation> {
  try {
    const models = await adapter.listModels({ ...creds, timeoutMs: VALIDATE_TIMEOUT_MS }, AbortSignal.timeout(VALIDATE_TIMEOUT_MS));
    return { status: 'valid', models, message: messages.keyValid(models.length) };
  } catch (error) {
    const kind = error instanceof WalletError ? error.data?.kind : undefined;
    const detail = error instanceof WalletError ? error.message : 'unknown error';
    const status = kind === 'auth' ? 'invalid' : kind === 'network' || kind === 'timeout' ? 'unreachable' : 'unverified';
    return { status, models: [], ...phrase(status === 'invalid' ? 'keyRejected' : status === 'unreachable' ? 'keyUnreachable' : 'keyUnverified', detail) };
  }
}
