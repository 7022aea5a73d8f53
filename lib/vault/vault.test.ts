/**
 * The vault's lifecycle against a real Dexie database (fake-indexeddb): create, unlock with
 * throttling, lock, session restore, change passphrase (atomic, never "neither"), the KDF raise
 * on unlock, and reset. The KDF is the cheap test one (see tests/support/vault.ts).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { openWalletDb, type WalletDb } from '../db/database';
import { ErrorCode, WalletError } from '../protocol/errors';
import { messages } from '../protocol/messages';
import { FAST_KDF } from '../../tests/support/crypto';
import { createVault, openSecret, sealSecret, unwrapDataKey, type VaultHeader } from './envelope';
import { memorySessionStore, type SessionStore } from './session-store';
import { Vault, type VaultStatus } from './vault';
import { freshDbName } from '../../tests/support/vault';
import { MIN_PASSPHRASE } from './policy';

vi.mock('../crypto/kdf', async (importOriginal) => (await import('../../tests/support/vault')).fastKdf(await importOriginal()));

const OLD = 'old passphrase 1';
const NEW = 'new passphrase 2';

interface Setup {
  db: WalletDb;
  session: SessionStore;
  vault: Vault;
  changes: VaultStatus[];
  now: { t: number };
}

function setup(db = openWalletDb(freshDbName()), session = memorySessionStore()): Setup {
  const changes: VaultStatus[] = [];
  const now = { t: 1_700_000_000_000 };
  const vault = new Vault({ db, session, now: () => now.t, onChange: (s) => changes.push(s) });
  return { db, session, vault, changes, now };
}

async function header(db: WalletDb): Promise<VaultHeader> {
  return (await db.meta.get('vault'))?.value as VaultHeader;
}

/** Does `passphrase` open the stored vault? (Straight through the envelope: no throttle.) */
async function opens(db: WalletDb, passphrase: string): Promise<boolean> {
  try {
    await unwrapDataKey(await header(db), passphrase);
    return true;
  } catch {
    return false;
  }
}

async function rejection(promise: Promise<unknown>): Promise<WalletError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WalletError);
  return error as WalletError;
}

describe('create', () => {
  it('creates, unlocked, with the data key held in the session', async () => {
    const { vault, session, changes, db } = setup();
    expect(await vault.status()).toEqual({ exists: false, unlocked: false });
    await vault.create(OLD);
    expect(await vault.status()).toEqual({ exists: true, unlocked: true });
    expect(await session.get()).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(changes).toEqual([{ exists: true, unlocked: true }]);
    expect(await opens(db, OLD)).toBe(true);
  });

  it(`refuses a passphrase under ${MIN_PASSPHRASE} characters, and a second wallet`, async () => {
    const { vault } = setup();
    const short = await rejection(vault.create('123456789'));
    expect(short.code).toBe(ErrorCode.invalidParams);
    expect(short.message).toBe(messages.invalidParams('passphrase', messages.passphraseTooShort(MIN_PASSPHRASE)));
    await vault.create(OLD);
    expect((await rejection(vault.create(NEW))).message).toBe(messages.walletExists());
  });

  it('two windows creating at once: one wallet wins whole, the other is refused', async () => {
    const db = openWalletDb(freshDbName());
    const a = setup(db);
    const b = setup(db);
    const results = await Promise.allSettled([a.vault.create(OLD), b.vault.create(NEW)]);
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((lost.reason as Error).message).toBe(messages.walletExists());
    // Exactly one passphrase opens what is stored, and it is the winner's.
    expect([await opens(db, OLD), await opens(db, NEW)].filter(Boolean)).toHaveLength(1);
  });
});

describe('unlock and lock', () => {
  it('locks (data key gone from memory and session), then unlocks with the passphrase', async () => {
    const { vault, session, changes } = setup();
    await vault.create(OLD);
    const key = (await vault.requireKey()).slice();
    await vault.lock();
    expect(await vault.status()).toEqual({ exists: true, unlocked: false });
    expect(await session.get()).toBeUndefined();
    expect((await rejection(vault.requireKey())).code).toBe(ErrorCode.locked);
    await vault.unlock(OLD);
    expect(await vault.requireKey()).toEqual(key);
    expect(changes.map((c) => c.unlocked)).toEqual([true, false, true]);
  });

  it('a lock of a locked vault changes nothing and tells no one', async () => {
    const { vault, changes } = setup();
    await vault.create(OLD);
    await vault.lock();
    await vault.lock();
    expect(changes.map((c) => c.unlocked)).toEqual([true, false]);
  });

  it('survives a worker restart (same session) and not a browser restart (new session)', async () => {
    const first = setup();
    await first.vault.create(OLD);
    const key = (await first.vault.requireKey()).slice();
    const restartedWorker = setup(first.db, first.session);
    expect(await restartedWorker.vault.status()).toEqual({ exists: true, unlocked: true });
    expect(await restartedWorker.vault.requireKey()).toEqual(key);
    const restartedBrowser = setup(first.db, memorySessionStore());
    expect(await restartedBrowser.vault.status()).toEqual({ exists: true, unlocked: false });
  });

  it('counts wrong passphrases and makes the fourth attempt wait; the right one resets the count', async () => {
    const { vault, db, now } = setup();
    await vault.create(OLD);
    await vault.lock();
    for (let i = 0; i < 3; i++) {
      const wrong = await rejection(vault.unlock(`wrong guess ${i}`));
      expect([wrong.code, wrong.message]).toEqual([ErrorCode.locked, messages.wrongPassphrase()]);
    }
    const waiting = await rejection(vault.unlock(OLD));
    expect(waiting.message).toBe(messages.tooManyAttempts(1));
    expect(waiting.data).toEqual({ retryAfterMs: 1000 });
    now.t += 1000;
    await vault.unlock(OLD);
    expect(await db.meta.get('attempts')).toBeUndefined();
  });

  it('refuses to unlock without a wallet', async () => {
    expect((await rejection(setup().vault.unlock(OLD))).message).toBe(messages.noWallet());
  });
});

describe('change passphrase', () => {
  it('re-wraps the same data key: the old passphrase fails, the new one opens, secrets still open', async () => {
    const { vault, db } = setup();
    await vault.create(OLD);
    const sealed = sealSecret(await vault.requireKey(), 'key-1', 'sk-test-secret');
    const before = await header(db);
    await vault.changePassphrase(OLD, NEW);
    const after = await header(db);
    expect(after.salt).not.toBe(before.salt);
    expect(after.createdAt).toBe(before.createdAt);
    expect(await opens(db, OLD)).toBe(false);
    expect(await opens(db, NEW)).toBe(true);
    await vault.lock();
    await expect(vault.unlock(OLD)).rejects.toThrow(messages.wrongPassphrase());
    await vault.unlock(NEW);
    expect(openSecret(await vault.requireKey(), 'key-1', sealed)).toBe('sk-test-secret');
  });

  it('does not change the lock state', async () => {
    const { vault, changes } = setup();
    await vault.create(OLD);
    await vault.changePassphrase(OLD, NEW);
    expect(await vault.status()).toEqual({ exists: true, unlocked: true });
    await vault.lock();
    await vault.changePassphrase(NEW, OLD);
    expect(await vault.status()).toEqual({ exists: true, unlocked: false });
    expect(changes.map((c) => c.unlocked)).toEqual([true, false]);
  });

  it('refuses a short new passphrase and a wrong current one (counted as a failed attempt), writing nothing', async () => {
    const { vault, db } = setup();
    await vault.create(OLD);
    const before = await header(db);
    expect((await rejection(vault.changePassphrase(OLD, 'short'))).message).toBe(
      messages.invalidParams('passphrase', messages.passphraseTooShort(MIN_PASSPHRASE)),
    );
    expect((await rejection(vault.changePassphrase('not the passphrase', NEW))).message).toBe(messages.wrongPassphrase());
    expect((await db.meta.get('attempts'))?.value).toMatchObject({ failures: 1 });
    expect(await header(db)).toEqual(before);
  });

  // A failure at any step of the write (reading the header back, writing it, clearing the
  // failed-attempts record) aborts the one transaction: the vault still opens with the old
  // passphrase and not with the new one. Never neither.
  const failurePoints = [
    ['reading the stored header', 'reading'],
    ['writing the new header', 'updating'],
    ['clearing the attempts record', 'deleting'],
  ] as const;
  for (const [label, hook] of failurePoints) {
    it(`interrupted while ${label}: still opens with the old passphrase`, async () => {
      const { vault, db } = setup();
      await vault.create(OLD);
      await vault.lock();
      await expect(vault.unlock('a wrong guess')).rejects.toThrow(); // so an attempts record exists
      const before = await header(db);
      const fail = () => {
        throw new Error(`disk failure while ${label}`);
      };
      // Dexie hooks run inside the write's transaction; a throw aborts it. The header is read
      // twice: to check the current passphrase, then inside the write (the one that fails).
      let armed = true;
      let headerReads = 0;
      if (hook === 'reading') db.meta.hook('reading', (record: { id: string }) => (record.id === 'vault' && armed && ++headerReads === 2 ? fail() : record));
      else if (hook === 'updating') db.meta.hook('updating', () => (armed ? fail() : undefined));
      else db.meta.hook('deleting', () => (armed ? fail() : undefined));
      await expect(vault.changePassphrase(OLD, NEW)).rejects.toThrow(`disk failure while ${label}`);
      armed = false;
      if (hook === 'reading') expect(headerReads).toBe(2);
      expect(await header(db)).toEqual(before);
      expect(await opens(db, OLD)).toBe(true);
      expect(await opens(db, NEW)).toBe(false);
      await vault.unlock(OLD);
    });
  }

  it('interrupted by a table that throws on put (a wrapped table): the old passphrase still opens', async () => {
    const { vault, db } = setup();
    await vault.create(OLD);
    const put = db.meta.put.bind(db.meta);
    db.meta.put = (() => Promise.reject(new Error('quota exceeded'))) as unknown as typeof db.meta.put;
    await expect(vault.changePassphrase(OLD, NEW)).rejects.toThrow('quota exceeded');
    db.meta.put = put;
    expect(await opens(db, OLD)).toBe(true);
    expect(await opens(db, NEW)).toBe(false);
  });

  it('two changes at once: one wins, the other writes nothing and says so', async () => {
    const { vault, db } = setup();
    await vault.create(OLD);
    const results = await Promise.allSettled([vault.changePassphrase(OLD, NEW), vault.changePassphrase(OLD, 'third passphrase')]);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect((rejected[0]?.reason as Error).message).toBe(messages.vaultChanged());
    expect([await opens(db, OLD), await opens(db, NEW), await opens(db, 'third passphrase')].filter(Boolean)).toHaveLength(1);
    expect(await opens(db, OLD)).toBe(false);
  });

  it('never lowers the KDF cost of a stronger vault', async () => {
    const { vault, db } = setup();
    const strong = await createVault(OLD, { ...FAST_KDF, N: 2 ** 11 });
    await db.meta.put({ id: 'vault', value: strong.header });
    await vault.changePassphrase(OLD, NEW);
    expect((await header(db)).kdf.N).toBe(2 ** 11);
  });
});

describe('raising the KDF cost on unlock', () => {
  async function weakVault() {
    const s = setup();
    const weak = await createVault(OLD, { ...FAST_KDF, N: 2 ** 9 });
    await s.db.meta.put({ id: 'vault', value: weak.header });
    return { ...s, weak };
  }

  it('re-wraps an older, cheaper vault with the default cost, keeping the data key and createdAt', async () => {
    const { vault, db, weak } = await weakVault();
    await vault.unlock(OLD);
    const raised = await header(db);
    expect(raised.kdf).toEqual(FAST_KDF);
    expect(raised.createdAt).toBe(weak.header.createdAt);
    expect(await unwrapDataKey(raised, OLD)).toEqual(weak.dataKey);
    expect(await vault.requireKey()).toEqual(weak.dataKey);
  });

  it('a wrong passphrase raises nothing', async () => {
    const { vault, db, weak } = await weakVault();
    await expect(vault.unlock('wrong passphrase!')).rejects.toThrow(messages.wrongPassphrase());
    expect(await header(db)).toEqual(weak.header);
  });

  it('a failed raise still unlocks, and leaves the old header (which opens)', async () => {
    const { vault, db, weak } = await weakVault();
    db.meta.hook('updating', (changes: object, key: string) => {
      if (key === 'vault') throw new Error('disk failure');
    });
    await vault.unlock(OLD);
    expect(await vault.status()).toEqual({ exists: true, unlocked: true });
    expect(await header(db)).toEqual(weak.header);
    expect(await opens(db, OLD)).toBe(true);
  });
});

describe('reset', () => {
  it('deletes every table and the whole session, then a new wallet can be created', async () => {
    const { vault, db, session, changes } = setup();
    await vault.create(OLD);
    await db.meta.put({ id: 'settings', value: { autoLockMinutes: 1 } });
    await db.grants.put({ origin: 'https://a.example' } as never);
    await db.ledger.put({ id: 'l1', at: 1, origin: 'https://a.example', status: 'ok' } as never);
    await vault.reset();
    for (const table of db.tables) expect(await table.count(), table.name).toBe(0);
    expect(await session.get()).toBeUndefined();
    expect(await vault.status()).toEqual({ exists: false, unlocked: false });
    expect(changes.at(-1)).toEqual({ exists: false, unlocked: false });
    await vault.create(NEW);
    expect(await opens(db, NEW)).toBe(true);
  });

  it('works while locked (a forgotten passphrase)', async () => {
    const { vault, db } = setup();
    await vault.create(OLD);
    await vault.lock();
    await vault.reset();
    expect(await db.meta.count()).toBe(0);
  });
});

describe('adopt', () => {
  it('holds a restored data key only when a header exists', async () => {
    const { vault, db } = setup();
    const restored = await createVault(OLD);
    expect((await rejection(vault.adopt(restored.dataKey))).message).toBe(messages.noWallet());
    await db.meta.put({ id: 'vault', value: restored.header });
    await vault.adopt(restored.dataKey);
    expect(await vault.status()).toEqual({ exists: true, unlocked: true });
  });
});
