/**
 * The vault's lifecycle: create, unlock, lock, and access to the data key while unlocked.
 * The data key is the only way to a plaintext secret; it lives in this worker's memory and in
 * session storage, never on disk.
 */
import type { WalletDb } from '../db/database';
import { fromBase64, toBase64, wipe } from '../crypto/bytes';
import { ErrorCode, WalletError } from '../protocol/errors';
import { messages } from '../protocol/messages';
import { createVault, rewrapDataKey, unwrapDataKey, type VaultHeader } from './envelope';
import { isBelowDefault } from '../crypto/kdf';
import type { SessionStore } from './session-store';
import { recordFailure, waitBeforeAttempt, type AttemptState } from './throttle';
import { assertPassphrase } from './policy';
import { CryptoError, WRONG_PASSPHRASE } from '../crypto/errors';

function isWrongPassphrase(error: unknown): boolean {
  return error instanceof CryptoError && error.message === WRONG_PASSPHRASE;
}

/** A header that fails validation (e.g. a KDF downgrade) is not a wrong passphrase: say so. */
function vaultDamaged(error: unknown): WalletError {
  const detail = error instanceof Error ? error.message : 'unreadable vault';
  return new WalletError(ErrorCode.locked, messages.vaultRefused(detail));
}

export interface VaultStatus {
  exists: boolean;
  unlocked: boolean;
}

export interface VaultOptions {
  db: WalletDb;
  session: SessionStore;
  now?: () => number;
  /** Called after every lock or unlock. */
  onChange?: (status: VaultStatus) => void;
}

export class Vault {
  private dataKey: Uint8Array | null = null;
  private readonly now: () => number;

  constructor(private readonly options: VaultOptions) {
    this.now = options.now ?? Date.now;
  }

  private async header(): Promise<VaultHeader | undefined> {
    const record = await this.options.db.meta.get('vault');
    return record?.value as VaultHeader | undefined;
  }

  async status(): Promise<VaultStatus> {
    const exists = (await this.header()) !== undefined;
    return { exists, unlocked: exists && (await this.currentKey()) !== null };
  }

  /** The data key if unlocked (restoring it from session storage after a worker restart). */
  private async currentKey(): Promise<Uint8Array | null> {
    if (this.dataKey) return this.dataKey;
    const stored = await this.options.session.get();
    if (!stored) return null;
    this.dataKey = fromBase64(stored);
    return this.dataKey;
  }

  async create(passphrase: string): Promise<void> {
    assertPassphrase(passphrase);
    if (await this.header()) throw new WalletError(ErrorCode.invalidParams, messages.walletExists());
    const { header, dataKey } = await createVault(passphrase);
    await this.options.db.meta.put({ id: 'vault', value: header });
    await this.hold(dataKey);
  }

  async unlock(passphrase: string): Promise<void> {
    const header = await this.header();
    if (!header) throw new WalletError(ErrorCode.locked, messages.noWallet());
    const attempts = (await this.options.db.meta.get('attempts'))?.value as AttemptState | undefined;
    const wait = waitBeforeAttempt(attempts, this.now());
    if (wait > 0) throw new WalletError(ErrorCode.locked, messages.tooManyAttempts(Math.ceil(wait / 1000)), { retryAfterMs: wait });
    let dataKey: Uint8Array;
    try {
      dataKey = await unwrapDataKey(header, passphrase);
    } catch (error) {
      if (!isWrongPassphrase(error)) throw vaultDamaged(error);
      await this.options.db.meta.put({ id: 'attempts', value: recordFailure(attempts, this.now()) });
      throw new WalletError(ErrorCode.locked, messages.wrongPassphrase());
    }
    await this.options.db.meta.delete('attempts');
    if (isBelowDefault(header.kdf)) {
      // Raise the KDF cost of an older vault now that we hold the passphrase (MetaMask's updateVault).
      const upgraded = await rewrapDataKey(dataKey, passphrase, undefined, { createdAt: header.createdAt });
      await this.options.db.meta.put({ id: 'vault', value: upgraded });
    }
    await this.hold(dataKey);
  }

  async lock(): Promise<void> {
    if (this.dataKey) wipe(this.dataKey);
    this.dataKey = null;
    await this.options.session.clear();
    this.options.onChange?.(await this.status());
  }

  /** The data key, or 4900 when locked. Callers must not keep it. */
  async requireKey(): Promise<Uint8Array> {
    const key = await this.currentKey();
    if (!key) throw new WalletError(ErrorCode.locked, messages.locked());
    return key;
  }

  private async hold(dataKey: Uint8Array): Promise<void> {
    this.dataKey = dataKey;
    await this.options.session.set(toBase64(dataKey));
    this.options.onChange?.({ exists: true, unlocked: true });
  }

  /** Re-wraps the data key under a new passphrase in one write (see issue: change passphrase). */
  async changePassphrase(current: string, next: string): Promise<void> {
    assertPassphrase(next);
    const header = await this.header();
    if (!header) throw new WalletError(ErrorCode.locked, messages.noWallet());
    let dataKey: Uint8Array;
    try {
      dataKey = await unwrapDataKey(header, current);
    } catch (error) {
      if (!isWrongPassphrase(error)) throw vaultDamaged(error);
      throw new WalletError(ErrorCode.locked, messages.wrongPassphrase());
    }
    const rewrapped = await rewrapDataKey(dataKey, next, undefined, { createdAt: header.createdAt });
    await this.options.db.meta.put({ id: 'vault', value: rewrapped });
    await this.hold(dataKey);
  }
}
