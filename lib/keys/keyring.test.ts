/** The keyring's key management: rename, enable/disable, rotate (same record), validation status. */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { openWalletDb } from '../db/database';
import { messages } from '../protocol/messages';
import { memorySessionStore } from '../vault/session-store';
import { Vault } from '../vault/vault';
import { freshDbName } from '../../tests/support/vault';
import { Keyring, maskSecret, toKeyView } from './keyring';

vi.mock('../crypto/kdf', async (importOriginal) => (await import('../../tests/support/vault')).fastKdf(await importOriginal()));

async function keyring() {
  const db = openWalletDb(freshDbName('keyring'));
  const vault = new Vault({ db, session: memorySessionStore() });
  await vault.create('keyring passphrase');
  const clock = { t: 1_000 };
  const ring = new Keyring(db, vault, () => clock.t);
  const key = await ring.add({ provider: 'openai', name: 'Work', secret: 'sk-test-first-AAAA', models: ['gpt-4o-mini'], status: 'valid', statusMessage: 'ok' });
  return { db, vault, ring, key, clock };
}

describe('Keyring', () => {
  it('lists keys masked: no sealed secret, only the last four characters', async () => {
    const { ring, db, key } = await keyring();
    const [view] = await ring.list();
    expect(view).toMatchObject({ id: key.id, name: 'Work', masked: '••••AAAA', status: 'valid', enabled: true, validatedAt: 1000 });
    expect(view).not.toHaveProperty('sealed');
    expect(view).not.toHaveProperty('last4');
    expect(JSON.stringify(view)).not.toContain('sk-test-first');
    expect(toKeyView((await db.keys.get(key.id))!)).toEqual(view);
    expect(maskSecret('')).toBe('(no key)');
  });

  it('lists a rate limit while it lasts, and keeps it in the request cache', async () => {
    const { ring, key, clock } = await keyring();
    await ring.forRequest(key.id);
    await ring.update(key.id, { rateLimitedUntil: 5_000 });
    expect((await ring.forRequest(key.id)).rateLimitedUntil).toBe(5_000);
    expect((await ring.list())[0]?.rateLimitedUntil).toBe(5_000);
    clock.t = 5_000;
    expect((await ring.list())[0]).not.toHaveProperty('rateLimitedUntil');
  });

  it('renames (trimmed) and refuses an empty name', async () => {
    const { ring, key } = await keyring();
    expect((await ring.rename(key.id, '  Personal  ')).name).toBe('Personal');
    await expect(ring.rename(key.id, '   ')).rejects.toThrow(messages.invalidParams('name', messages.keyNameEmpty()));
    await expect(ring.rename('no-such-key', 'x')).rejects.toThrow(messages.keyNotFound());
  });

  it('disables and enables', async () => {
    const { ring, key } = await keyring();
    expect((await ring.setEnabled(key.id, false)).enabled).toBe(false);
    expect((await ring.setEnabled(key.id, true)).enabled).toBe(true);
  });

  it('rotates: same record id, name, creation and history; the new secret opens; the old one is gone', async () => {
    const { ring, db, key, clock } = await keyring();
    await ring.update(key.id, { lastUsedAt: 1500 });
    const before = (await db.keys.get(key.id))!;
    clock.t = 2000;
    const view = await ring.rotate(key.id, 'sk-test-second-BBBB', { status: 'valid', models: ['gpt-4o-mini', 'gpt-4o'], message: messages.keyValid(2) });
    const after = (await db.keys.get(key.id))!;
    expect(view).toMatchObject({ id: key.id, name: 'Work', masked: '••••BBBB', createdAt: before.createdAt, lastUsedAt: 1500, validatedAt: 2000, models: ['gpt-4o-mini', 'gpt-4o'] });
    expect(after.sealed).not.toEqual(before.sealed);
    expect(await ring.secretOf(after)).toBe('sk-test-second-BBBB');
    expect(JSON.stringify(after)).not.toContain('sk-test-first');
  });

  it('a rotation saved without validation keeps the models and forgets the validation time', async () => {
    const { ring, key } = await keyring();
    const view = await ring.rotate(key.id, 'sk-unchecked-CCCC', { status: 'invalid', models: [], message: messages.keyRejected('401') });
    expect(view).toMatchObject({ status: 'invalid', statusMessage: messages.keyRejected('401'), models: ['gpt-4o-mini'] });
    expect(view.validatedAt).toBeUndefined();
  });

  it('records a re-validation: status and message; models and time only when valid', async () => {
    const { ring, key, clock } = await keyring();
    clock.t = 5000;
    expect(await ring.recordValidation(key.id, { status: 'unreachable', models: [], message: messages.keyUnreachable('timeout') })).toMatchObject({
      status: 'unreachable',
      statusMessage: messages.keyUnreachable('timeout'),
      models: ['gpt-4o-mini'],
      validatedAt: 1000,
    });
    expect(await ring.recordValidation(key.id, { status: 'valid', models: ['a', 'b'], message: messages.keyValid(2) })).toMatchObject({
      status: 'valid',
      models: ['a', 'b'],
      validatedAt: 5000,
    });
  });

  it('needs the vault unlocked to rotate', async () => {
    const { ring, vault, key } = await keyring();
    await vault.lock();
    await expect(ring.rotate(key.id, 'sk-test-x', { status: 'valid', models: [], message: '' })).rejects.toThrow(messages.locked());
  });
});
