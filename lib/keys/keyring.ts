/**
 * The provider keys: stored sealed, listed masked, opened only in this worker for one call.
 */
import type { WalletDb } from '../db/database';
import type { KeyRecord, KeyStatus } from '../db/tables/keys';
import { openSecret, sealSecret } from '../vault/envelope';
import type { Vault } from '../vault/vault';
import { ErrorCode } from '../protocol/errors';
import { fail, invalidParam, phrase } from '../protocol/said';
import type { Validation } from './validate';

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
  validatedAt?: number;
  checkedAt?: number;
  rateLimitedUntil?: number;
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

/** A key as the pages see it; given `now`, a rate limit already past is left out. */
export function toKeyView(record: KeyRecord, now?: number): KeyView {
  const { sealed: _sealed, last4, rateLimitedUntil, ...rest } = record;
  const limited = rateLimitedUntil !== undefined && (now === undefined || rateLimitedUntil > now);
  return { ...rest, ...(limited ? { rateLimitedUntil } : {}), masked: maskSecret(last4) };
}

export class Keyring {
  /** Records read by requests (route, price, call); every write below keeps it true. */
  private readonly cache = new Map<string, KeyRecord>();

  constructor(
    private readonly db: WalletDb,
    private readonly vault: Vault,
    private readonly now: () => number = Date.now,
  ) {}

  async list(): Promise<KeyView[]> {
    const now = this.now();
    return (await this.db.keys.orderBy('createdAt').toArray()).map((record) => toKeyView(record, now));
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
      // Saved after a check (the form validates first), unless the person saved it unchecked.
      ...(input.status === 'unverified' ? {} : { checkedAt: this.now() }),
    };
    await this.db.keys.add(record);
    return toKeyView(record);
  }

  async remove(id: string): Promise<void> {
    await this.db.keys.delete(id);
    this.cache.delete(id);
  }

  async update(id: string, changes: Partial<Pick<KeyRecord, 'name' | 'enabled' | 'status' | 'statusMessage' | 'models' | 'lastUsedAt' | 'validatedAt' | 'checkedAt' | 'rateLimitedUntil'>>): Promise<void> {
    await this.db.keys.update(id, changes);
    const cached = this.cache.get(id);
    if (cached) this.cache.set(id, { ...cached, ...changes });
  }

  /** Forget cached records (after a backup import or a reset rewrote the table). */
  clearCache(): void {
    this.cache.clear();
  }

  /** The key record for a request, from memory after the first read. */
  async forRequest(id: string): Promise<KeyRecord> {
    const cached = this.cache.get(id);
    if (cached) return cached;
    const record = await this.require(id);
    this.cache.set(id, record);
    return record;
  }

  /** Renames a key; the name is trimmed and must not be empty. */
  async rename(id: string, name: string): Promise<KeyView> {
    const trimmed = name.trim();
    if (!trimmed) throw invalidParam('name', phrase('keyNameEmpty'));
    return this.change(id, { name: trimmed });
  }

  /** Turns a key on or off; a disabled key serves no request and is offered to no site. */
  setEnabled(id: string, enabled: boolean): Promise<KeyView> {
    return this.change(id, { enabled });
  }

  /**
   * Replaces a key's secret, keeping its id (so every grant routed to it keeps working), its
   * name and its history. The new secret is sealed under the same record id.
   */
  async rotate(id: string, secret: string, validation: Validation): Promise<KeyView> {
    const dataKey = await this.vault.requireKey();
    return this.db.transaction('rw', this.db.keys, async () => {
      const current = await this.require(id);
      const next: KeyRecord = {
        ...current,
        last4: secret.slice(-4),
        sealed: sealSecret(dataKey, id, secret),
        models: validation.models.length ? validation.models : current.models,
        ...this.validationFields(validation),
      };
      if (validation.status !== 'valid') delete next.validatedAt;
      await this.db.keys.put(next);
      this.cache.delete(id);
      return toKeyView(next);
    });
  }

  /** Stores the outcome of re-validating a key (status, message, models when it listed some). */
  recordValidation(id: string, validation: Validation): Promise<KeyView> {
    return this.change(id, { ...this.validationFields(validation), ...(validation.models.length ? { models: validation.models } : {}) });
  }

  private validationFields(v: Validation): Pick<KeyRecord, 'status' | 'statusMessage' | 'checkedAt'> & { validatedAt?: number } {
    return { status: v.status, statusMessage: v.message, checkedAt: this.now(), ...(v.status === 'valid' ? { validatedAt: this.now() } : {}) };
  }

  private async change(id: string, changes: Partial<KeyRecord>): Promise<KeyView> {
    return this.db.transaction('rw', this.db.keys, async () => {
      const current = await this.require(id);
      const next = { ...current, ...changes };
      await this.db.keys.put(next);
      this.cache.delete(id);
      return toKeyView(next);
    });
  }

  /** The plaintext secret of `record`, for one provider call. Requires the vault unlocked. */
  async secretOf(record: KeyRecord): Promise<string> {
    const dataKey = await this.vault.requireKey();
    return openSecret(dataKey, record.id, record.sealed);
  }

  async require(id: string): Promise<KeyRecord> {
    const record = await this.db.keys.get(id);
    if (!record) throw fail(ErrorCode.unauthorized, 'keyNotFound');
    return record;
  }
}
