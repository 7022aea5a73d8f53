/**
 * The provider keys: stored sealed, listed masked, opened only in this worker for one call.
 */
import type { WalletDb } from '../db/database';
import type { KeyRecord, KeyStatus } from '../db/tables/keys';
import { openSecret, sealSecret } from '../vault/envelope';
import type { Vault } from '../vault/vault';
import { ErrorCode, WalletError } from '../protocol/errors';
import { messages } from '../protocol/messages';

/** What any extension page may see of a key. */
export interface KeyView {
  id: string;
  provider: string;
  name: string;
  baseUrl?: string;
  masked: string;
  models: string[];
  status: KeyStatus;
  statusMessage?: string;
  enabled: boolean;
  createdAt: number;
  lastUsedAt?: number;
}

export interface NewKey {
  provider: string;
  name: string;
  secret: string;
  baseUrl?: string;
  models: string[];
  status: KeyStatus;
  statusMessage?: string;
}

export function maskSecret(last4: string): string {
  return last4 ? `••••${last4}` : '(no key)';
}

export function toKeyView(record: KeyRecord): KeyView {
  const { sealed: _sealed, last4, ...rest } = record;
  return { ...rest, masked: maskSecret(last4) };
}

export class Keyring {
  constructor(
    private readonly db: WalletDb,
    private readonly vault: Vault,
    private readonly now: () => number = Date.now,
  ) {}

  async list(): Promise<KeyView[]> {
    return (await this.db.keys.orderBy('createdAt').toArray()).map(toKeyView);
  }

  get(id: string): Promise<KeyRecord | undefined> {
    return this.db.keys.get(id);
  }

  async add(input: NewKey): Promise<KeyView> {
    const dataKey = await this.vault.requireKey();
    const id = crypto.randomUUID();
    const record: KeyRecord = {
      id,
      provider: input.provider,
      name: input.name,
      ...(input.baseUrl ? { baseUrl: input.baseUrl } : {}),
      last4: input.secret.slice(-4),
      sealed: sealSecret(dataKey, id, input.secret),
      models: input.models,
      status: input.status,
      ...(input.statusMessage ? { statusMessage: input.statusMessage } : {}),
      enabled: true,
      createdAt: this.now(),
      ...(input.status === 'valid' ? { validatedAt: this.now() } : {}),
    };
    await this.db.keys.add(record);
    return toKeyView(record);
  }

  async remove(id: string): Promise<void> {
    await this.db.keys.delete(id);
  }

  async update(id: string, changes: Partial<Pick<KeyRecord, 'name' | 'enabled' | 'status' | 'statusMessage' | 'models' | 'lastUsedAt' | 'validatedAt'>>): Promise<void> {
    await this.db.keys.update(id, changes);
  }

  /** The plaintext secret of `record`, for one provider call. Requires the vault unlocked. */
  async secretOf(record: KeyRecord): Promise<string> {
    const dataKey = await this.vault.requireKey();
    return openSecret(dataKey, record.id, record.sealed);
  }

  async require(id: string): Promise<KeyRecord> {
    const record = await this.db.keys.get(id);
    if (!record) throw new WalletError(ErrorCode.unauthorized, messages.keyNotFound());
    return record;
  }
}
