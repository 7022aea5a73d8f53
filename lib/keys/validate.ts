/** Checks a key against the provider's models endpoint: before it is saved, on rotation, on demand. */
import type { KeyStatus } from '../db/tables/keys';
import type { ProviderAdapter, ProviderCredentials } from '../providers/types';
import { WalletError } from '../protocol/errors';
import { messages } from '../protocol/messages';

export interface Validation {
  status: KeyStatus;
  models: string[];
  message: string;
}

const VALIDATE_TIMEOUT_MS = 15_000;

export async function validateKey(adapter: ProviderAdapter, creds: ProviderCredentials): Promise<Validation> {
  try {
    const models = await adapter.listModels({ ...creds, timeoutMs: VALIDATE_TIMEOUT_MS }, AbortSignal.timeout(VALIDATE_TIMEOUT_MS));
    return { status: 'valid', models, message: messages.keyValid(models.length) };
  } catch (error) {
    const kind = error instanceof WalletError ? error.data?.kind : undefined;
    const detail = error instanceof WalletError ? error.message : 'unknown error';
    if (kind === 'auth') return { status: 'invalid', models: [], message: messages.keyRejected(detail) };
    if (kind === 'network' || kind === 'timeout') return { status: 'unreachable', models: [], message: messages.keyUnreachable(detail) };
    return { status: 'unverified', models: [], message: messages.keyUnverified(detail) };
  }
}
