/**
 * The vault's lifecycle: create, unlock, lock, change passphrase, reset, and access to the data
 * key while unlocked. The data key is the only way to a plaintext secret; it lives in this
 * worker's memory and in session storage, never on disk.
 *
 * Every write of the vault header is one IndexedDB transaction that first checks the header is
 * still the one the operation started from (scrypt runs before, outside the transaction): an
 * interrupted or failed write leaves the previous header, so the vault always opens with the old
 * passphrase or the new one, never neither.
 */
import type { WalletDb } from '../db/database';
import { fromBase64, toBase64, wipe } from '../crypto/bytes';
import { ErrorCode, type WalletError } from '../protocol/errors';
import { fail, failWith } from '../protocol/said';
import { createVault, rewrapDataKey, unwrapDataKey, type VaultHeader } from './envelope';
import { DEFAULT_KDF, isBelowDefault } from '../crypto/kdf';
import type { SessionStore } from './session-store';
import { recordFailure, waitBeforeAttempt, type AttemptState } from './throttle';
import { assertPassphrase } from './policy';
import { findDowngrade } from './downgrade';
import { CryptoError, WRONG_PASSPHRASE } from '../crypto/errors';

function isWrongPassphrase(error: unknown): boolean {
  return error instanceof CryptoError && error.message === WRONG_PASSPHRASE;
}

/**
 * A header that fails validation is not a wrong passphrase: say so. KDF parameters below the
 * floor get their own message (a possible downgrade attack).
 */
export function vaultRefused(error: unknown, header: unknown): WalletError {
  const kdf = typeof header === 'object' && header !== null ? (header as { kdf?: unknown }).kdf : undefined;
  const downgrade = error instanceof CryptoError ? findDowngrade(kdf) : null;
  if (downgrade) return fail(ErrorCode.locked, 'vaultDowngrade', downgrade.field, downgrade.got, downgrade.min);
  const detail = error instanceof Error ? error.message : 'unreadable vault';
  return fail(ErrorCode.locked, 'vaultRefused', detail);
}

/** True when `a` and `b` are the same stored header (same salt and wrapped key). */
function sameHeader(a: VaultHeader | undefined, b: VaultHeader): boolean {
  return a !== undefined && a.salt === b.salt && a.wrapped?.nonce === b.wrapped.nonce && a.wrapped?.ciphertext === b.wrapped.ciphertext;
}

export interface VaultStatus {
  exists: boolean;
  unlocked: boolean;
}

export interface VaultOptions {
  db: WalletDb;
  session: SessionStore;
  now?: () => number;
  /** Called after every lock, unlock and reset. */
  onChange?: (status: VaultStatus) => void;
}

export class Vault {
  private dataKey: Uint8Array | null = null;
  private readonly now: () => number;

  constructor(private readonly options: VaultOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The stored header, if a wallet exists. */
  async header(): Promise<VaultHeader | undefined> {
    const record = await this.options.db.meta.get('vault');
    return record?.value as VaultHeader | undefined;
  }

  async status(): Promise<VaultStatus> {
    // Every request asks this: holding the data key means the vault exists and is unlocked.
    if (this.dataKey) return { exists: true, unlocked: true };
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
    if (await this.header()) throw fail(ErrorCode.invalidParams, 'walletExists');
    const { header, dataKey } = await createVault(passphrase);
    const { db } = this.options;
    try {
      // Checked again inside the write: two windows creating at once must not overwrite each other.
      await db.transaction('rw', db.meta, async () => {
        if (await db.meta.get('vault')) throw fail(ErrorCode.invalidParams, 'walletExists');
        await db.meta.put({ id: 'vault', value: header });
      });
    } catch (error) {
      wipe(dataKey);
      throw error;
    }
    await this.hold(dataKey);
  }

  async unlock(passphrase: string): Promise<void> {
    const header = await this.requireHeader();
    const dataKey = await this.open(header, passphrase);
    await this.options.db.meta.delete('attempts');
    if (isBelowDefault(header.kdf)) {
      // Raise the KDF cost of an older vault now that we hold the passphrase (MetaMask's updateVault).
      // A failure here leaves the old header, which still opens; the next unlock tries again.
      try {
        const upgraded = await rewrapDataKey(dataKey, passphrase, undefined, { createdAt: header.createdAt });
        await this.replaceHeader(header, upgraded);
      } catch {
        // Not fatal: the person is unlocked either way.
      }
    }
    await this.hold(dataKey);
  }

  async lock(): Promise<void> {
    const wasUnlocked = this.dataKey !== null || (await this.options.session.get()) !== undefined;
    if (this.dataKey) wipe(this.dataKey);
    this.dataKey = null;
    await this.options.session.clear();
    if (wasUnlocked) this.options.onChange?.(await this.status());
  }

  /** The data key, or 4900 when locked. Callers must not keep it. */
  async requireKey(): Promise<Uint8Array> {
    const key = await this.currentKey();
    if (!key) throw fail(ErrorCode.locked, 'locked');
    return key;
  }

  /**
   * Re-wraps the data key under a new passphrase (and at least the default KDF cost). The new
   * header is written in one transaction, only if the header is still the one that was opened.
   * No secret is re-encrypted; the lock state does not change.
   */
  async changePassphrase(current: string, next: string): Promise<void> {
    assertPassphrase(next);
    const header = await this.requireHeader();
    const dataKey = await this.open(header, current);
    try {
      const params = isBelowDefault(header.kdf) ? DEFAULT_KDF : header.kdf;
      const rewrapped = await rewrapDataKey(dataKey, next, params, { createdAt: header.createdAt });
      await this.replaceHeader(header, rewrapped);
    } finally {
      wipe(dataKey);
    }
  }

  /**
   * Holds `dataKey` as the unlocked key after a restore wrote a header that wraps it
   * (lib/backup). The vault takes ownership of the buffer.
   */
  async adopt(dataKey: Uint8Array): Promise<void> {
    if (!(await this.header())) throw fail(ErrorCode.locked, 'noWallet');
    await this.hold(dataKey);
  }

  /**
   * Deletes everything (for a forgotten passphrase): the data key in memory and the whole
   * session area first (so nothing stays unlocked), then every table in one transaction.
   */
  async reset(): Promise<void> {
    if (this.dataKey) wipe(this.dataKey);
    this.dataKey = null;
    await this.options.session.wipe();
    const { db } = this.options;
    await db.transaction('rw', db.tables, async () => {
      for (const table of db.tables) await table.clear();
    });
    this.options.onChange?.({ exists: false, unlocked: false });
  }

  private async requireHeader(): Promise<VaultHeader> {
    const header = await this.header();
    if (!header) throw fail(ErrorCode.locked, 'noWallet');
    return header;
  }

  /** Unwraps the data key, throttling guesses: failures are counted, and waited out after a few. */
  private async open(header: VaultHeader, passphrase: string): Promise<Uint8Array> {
    const attempts = (await this.options.db.meta.get('attempts'))?.value as AttemptState | undefined;
    const wait = waitBeforeAttempt(attempts, this.now());
    if (wait > 0) throw failWith(ErrorCode.locked, { retryAfterMs: wait }, 'tooManyAttempts', Math.ceil(wait / 1000));
    try {
      return await unwrapDataKey(header, passphrase);
    } catch (error) {
      if (!isWrongPassphrase(error)) throw vaultRefused(error, header);
      await this.options.db.meta.put({ id: 'attempts', value: recordFailure(attempts, this.now()) });
      throw fail(ErrorCode.locked, 'wrongPassphrase');
    }
  }

  /** Writes `next` in place of `expected` in one transaction (compare-and-swap). */
  private async replaceHeader(expected: VaultHeader, next: VaultHeader): Promise<void> {
    const { db } = this.options;
    await db.transaction('rw', db.meta, async () => {
      const stored = (await db.meta.get('vault'))?.value as VaultHeader | undefined;
      if (!sameHeader(stored, expected)) throw fail(ErrorCode.invalidParams, 'vaultChanged');
      await db.meta.put({ id: 'vault', value: next });
      await db.meta.delete('attempts');
    });
  }

  private async hold(dataKey: Uint8Array): Promise<void> {
    if (this.dataKey && this.dataKey !== dataKey) wipe(this.dataKey);
    this.dataKey = dataKey;
    await this.options.session.set(toBase64(dataKey));
    this.options.onChange?.({ exists: true, unlocked: true });
  }
}
