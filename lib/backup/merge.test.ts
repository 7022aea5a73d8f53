/** What a merge or a replace writes (pure): properties over random tables, and key re-sealing. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomBytes, toBase64 } from '../crypto/bytes';
import { messages } from '../protocol/messages';
import { openSecret, sealSecret } from '../vault/envelope';
import type { KeyRecord } from '../db/tables/keys';
import { RECORD_TABLES, type BackupContents } from './contents';
import { planImport, primaryKeyOf, resealKeys, type Existing } from './merge';

const ids = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), { maxLength: 8 });

/** Minimal records: only the primary-key fields matter to the plan. */
const contentsOf = (names: Record<string, string[]>): BackupContents => ({
  exportedAt: 0,
  schemaVersion: 1,
  keys: (names.keys ?? []).map((id) => ({ id }) as KeyRecord),
  grants: (names.grants ?? []).map((origin) => ({ origin }) as never),
  prices: (names.prices ?? []).map((m) => ({ keyId: 'k', model: m }) as never),
  ledger: (names.ledger ?? []).map((id) => ({ id }) as never),
  rollups: (names.rollups ?? []).map((m) => ({ origin: 'o', day: '2026-01-01', model: m }) as never),
  settings: { autoLockMinutes: 1 },
});

const existingOf = (c: BackupContents, settings: boolean): Existing => {
  const out = { settings } as Existing;
  for (const t of RECORD_TABLES) (out as Record<string, unknown>)[t] = new Set((c[t] as never[]).map((r) => (primaryKeyOf[t] as (r: unknown) => string)(r)));
  return out;
};

const tables = fc.record({ keys: ids, grants: ids, prices: ids, ledger: ids, rollups: ids });

describe('planImport', () => {
  it('merge: never writes a record the wallet has, writes each missing one once, counts the rest as skipped', () => {
    fc.assert(
      fc.property(tables, tables, fc.boolean(), (have, incoming, hasSettings) => {
        const existing = existingOf(contentsOf(have), hasSettings);
        const backup = contentsOf(incoming);
        const plan = planImport(existing, backup, 'merge');
        for (const t of RECORD_TABLES) {
          const key = primaryKeyOf[t] as (r: unknown) => string;
          const written = (plan.write[t] as unknown[]).map(key);
          expect(written.every((k) => !existing[t].has(k))).toBe(true);
          expect(new Set(written).size).toBe(written.length);
          expect(written.length + plan.skipped[t]).toBe(backup[t].length);
          for (const r of backup[t] as unknown[]) expect(existing[t].has(key(r)) || written.includes(key(r))).toBe(true);
        }
        expect(plan.settings).toEqual(hasSettings ? null : backup.settings);
      }),
    );
  });

  it('replace: writes everything the backup holds, its settings included', () => {
    fc.assert(
      fc.property(tables, tables, (have, incoming) => {
        const backup = contentsOf(incoming);
        const plan = planImport(existingOf(contentsOf(have), true), backup, 'replace');
        for (const t of RECORD_TABLES) expect(plan.write[t]).toEqual(backup[t]);
        expect(plan.settings).toEqual(backup.settings);
      }),
    );
  });
});

describe('resealKeys', () => {
  const from = randomBytes(32);
  const to = randomBytes(32);
  const key = (id: string, secret: string): KeyRecord =>
    ({ id, name: `key ${id}`, provider: 'openai', last4: secret.slice(-4), sealed: sealSecret(from, id, secret), models: [], status: 'valid', enabled: true, createdAt: 0 }) as KeyRecord;

  it('re-seals under the new data key, keeping ids and every other field', () => {
    const keys = [key('k1', 'sk-one'), key('k2', 'sk-two')];
    const resealed = resealKeys(keys, from, to);
    expect(resealed.map((k) => openSecret(to, k.id, k.sealed))).toEqual(['sk-one', 'sk-two']);
    expect(resealed.map(({ sealed: _s, ...rest }) => rest)).toEqual(keys.map(({ sealed: _s, ...rest }) => rest));
  });

  it('keeps keys byte for byte when the data key is the same', () => {
    const keys = [key('k1', 'sk-one')];
    expect(resealKeys(keys, from, from.slice())).toEqual(keys);
  });

  it('refuses a key that does not open, naming it', () => {
    const damaged = { ...key('k1', 'sk-one'), sealed: { nonce: toBase64(new Uint8Array(24)), ciphertext: toBase64(new Uint8Array(20)) } };
    expect(() => resealKeys([damaged], from, to)).toThrow(messages.backupKeyUnreadable('key k1'));
    expect(() => resealKeys([{ ...damaged, sealed: { nonce: 'x', ciphertext: 'y' } }], from, to)).toThrow(messages.backupKeyUnreadable('key k1'));
  });
});
