/**
 * What an import writes into a wallet that already has data: pure functions.
 *
 * - `replace`: the wallet's records become the backup's (the tables are emptied first).
 * - `merge`: a backup record is added when no record with its primary key exists; an existing
 *   record always wins, so a merge never changes or removes what the wallet holds. Settings are
 *   taken from the backup only when the wallet has none of its own.
 */
import { equalBytes } from '../crypto/bytes';
import { CryptoError } from '../crypto/errors';
import { openSecret, sealSecret } from '../vault/envelope';
import { ErrorCode } from '../protocol/errors';
import { fail } from '../protocol/said';
import type { KeyRecord } from '../db/tables/keys';
import { RECORD_TABLES, type BackupContents, type Counts, type RecordTable } from './contents';
import type { ImportMode } from './limits';

/** The primary keys of a table's records, as strings (compound keys joined). */
export const primaryKeyOf: { [T in RecordTable]: (record: BackupContents[T][number]) => string } = {
  keys: (r) => r.id,
  grants: (r) => r.origin,
  prices: (r) => JSON.stringify([r.keyId, r.model]),
  ledger: (r) => r.id,
  rollups: (r) => JSON.stringify([r.origin, r.day, r.model]),
};

/** What the wallet already holds: the primary keys per table, and whether it has settings. */
export type Existing = { [T in RecordTable]: ReadonlySet<string> } & { settings: boolean };

/** The records to write, and how many of the backup's were kept out (already present). */
export interface ImportPlan {
  write: Pick<BackupContents, RecordTable>;
  settings: BackupContents['settings'];
  skipped: Counts;
}

export function planImport(existing: Existing, incoming: BackupContents, mode: ImportMode): ImportPlan {
  if (mode === 'replace') {
    return { write: pick(incoming), settings: incoming.settings, skipped: { keys: 0, grants: 0, prices: 0, ledger: 0, rollups: 0 } };
  }
  const write = {} as Record<RecordTable, unknown[]>;
  const skipped = {} as Counts;
  for (const table of RECORD_TABLES) {
    const key = primaryKeyOf[table] as (r: unknown) => string;
    const seen = new Set(existing[table]);
    write[table] = [];
    skipped[table] = 0;
    for (const record of incoming[table] as unknown[]) {
      const k = key(record);
      if (seen.has(k)) {
        skipped[table]++;
        continue;
      }
      seen.add(k);
      write[table].push(record);
    }
  }
  return { write: write as unknown as ImportPlan['write'], settings: existing.settings ? null : incoming.settings, skipped };
}

function pick(c: BackupContents): Pick<BackupContents, RecordTable> {
  return { keys: c.keys, grants: c.grants, prices: c.prices, ledger: c.ledger, rollups: c.rollups };
}

/**
 * Re-seals the backup's keys under the wallet's data key (same record ids, so grants still
 * route to them). Keys of the same data key are kept byte for byte. A key that does not open
 * is refused, naming it.
 */
export function resealKeys(keys: readonly KeyRecord[], from: Uint8Array, to: Uint8Array): KeyRecord[] {
  if (equalBytes(from, to)) return [...keys];
  return keys.map((key) => {
    let secret: string;
    try {
      secret = openSecret(from, key.id, key.sealed);
    } catch (error) {
      if (error instanceof CryptoError || error instanceof RangeError || error instanceof TypeError) {
        throw fail(ErrorCode.invalidParams, 'backupKeyUnreadable', key.name);
      }
      throw error;
    }
    return { ...key, sealed: sealSecret(to, key.id, secret) };
  });
}
