/**
 * Export and import at the Dexie level: one read transaction gathers every record for a backup;
 * one read-write transaction writes an import, so an import is all or nothing.
 */
import type { WalletDb } from '../db/database';
import type { InflightEntry } from '../db/tables/inflight';
import type { LedgerEntry } from '../db/tables/ledger';
import { wipe } from '../crypto/bytes';
import { ErrorCode } from '../protocol/errors';
import { fail } from '../protocol/said';
import { messages } from '../protocol/messages';
import type { Vault } from '../vault/vault';
import type { VaultHeader } from '../vault/envelope';
import { countsOf, RECORD_TABLES, type BackupContents, type Counts } from './contents';
import { backupFilename, openBackup, parseBackupFile, sealBackup, serializeBackup } from './format';
import { planImport, resealKeys, type Existing } from './merge';
import type { ImportMode } from './limits';

/** A backup ready to save. */
export interface ExportedBackup {
  filename: string;
  text: string;
  counts: Counts;
}

/** What an import did. */
export interface ImportResult {
  /** True when the backup was restored on a fresh install (its passphrase now opens the wallet). */
  restored: boolean;
  mode: ImportMode;
  added: Counts;
  skipped: Counts;
  /** Whether the backup's settings were applied. */
  settings: boolean;
  /** Every origin whose grant may have changed (to tell its pages). */
  origins: string[];
  message: string;
}

export interface ImportOptions {
  /** The file's text. */
  text: string;
  /** The passphrase the wallet had when the backup was exported. */
  passphrase: string;
  mode: ImportMode;
}

const tablesOf = (db: WalletDb) => [db.keys, db.grants, db.prices, db.ledger, db.inflight, db.rollups, db.meta];

/** Every record a backup holds, read in one transaction (a consistent snapshot). */
export function readContents(db: WalletDb, exportedAt: number): Promise<BackupContents> {
  return db.transaction('r', tablesOf(db), async () => ({
    exportedAt,
    schemaVersion: db.verno,
    keys: await db.keys.toArray(),
    grants: await db.grants.toArray(),
    settings: ((await db.meta.get('settings'))?.value as Record<string, unknown> | undefined) ?? null,
    prices: await db.prices.toArray(),
    // Requests in flight are in the backup's ledger as pending rows, as they were before v3.
    ledger: [...(await db.ledger.toArray()), ...(await db.inflight.toArray())],
    rollups: await db.rollups.toArray(),
  }));
}

/** The whole wallet as an encrypted backup file. Requires the vault unlocked. */
export async function exportBackup(db: WalletDb, vault: Vault, now: number = Date.now()): Promise<ExportedBackup> {
  const dataKey = await vault.requireKey();
  const header = await vault.header();
  if (!header) throw fail(ErrorCode.locked, 'noWallet');
  const contents = await readContents(db, now);
  return { filename: backupFilename(now), text: serializeBackup(sealBackup(dataKey, header, contents)), counts: countsOf(contents) };
}

/**
 * Imports a backup. On a fresh install (no vault yet) it restores everything, the backup's
 * header included, and unlocks: the backup's passphrase is the wallet's. Into an existing wallet
 * (unlocked) it merges or replaces the records, re-sealing the keys under this wallet's data
 * key; this wallet's passphrase does not change.
 */
export async function importBackup(db: WalletDb, vault: Vault, options: ImportOptions): Promise<ImportResult> {
  const file = parseBackupFile(options.text);
  await db.open();
  const opened = await openBackup(file, options.passphrase, db.verno);
  let adopted = false;
  try {
    if (!(await vault.header())) {
      const result = await restoreFresh(db, opened.header, opened.contents, options.mode);
      await vault.adopt(opened.dataKey);
      adopted = true;
      return result;
    }
    const current = await vault.requireKey();
    const contents = { ...opened.contents, keys: resealKeys(opened.contents.keys, opened.dataKey, current) };
    return await importInto(db, contents, options.mode);
  } finally {
    if (!adopted) wipe(opened.dataKey);
  }
}

async function restoreFresh(db: WalletDb, header: VaultHeader, contents: BackupContents, mode: ImportMode): Promise<ImportResult> {
  return db.transaction('rw', tablesOf(db), async () => {
    if (await db.meta.get('vault')) throw fail(ErrorCode.invalidParams, 'walletExists');
    await clearRecords(db);
    await write(db, contents);
    await db.meta.put({ id: 'vault', value: header });
    if (contents.settings) await db.meta.put({ id: 'settings', value: contents.settings });
    const added = countsOf(contents);
    return result(true, mode, added, none(), contents.settings !== null, contents.grants.map((g) => g.origin));
  });
}

async function importInto(db: WalletDb, contents: BackupContents, mode: ImportMode): Promise<ImportResult> {
  return db.transaction('rw', tablesOf(db), async () => {
    const before = await db.grants.toCollection().primaryKeys();
    const existing = mode === 'replace' ? emptyExisting() : await existingOf(db);
    const plan = planImport(existing, contents, mode);
    if (mode === 'replace') {
      await clearRecords(db);
      await db.meta.delete('settings');
    }
    await write(db, plan.write);
    if (plan.settings) await db.meta.put({ id: 'settings', value: plan.settings });
    const origins = [...new Set([...before, ...plan.write.grants.map((g) => g.origin)])];
    return result(false, mode, countsOf(plan.write), plan.skipped, plan.settings !== null, origins);
  });
}

function inFlight(entry: LedgerEntry): entry is InflightEntry {
  const { price } = entry as Partial<InflightEntry>;
  return entry.status === 'pending' && typeof price?.inputPerM === 'number' && typeof price.outputPerM === 'number';
}

async function clearRecords(db: WalletDb): Promise<void> {
  for (const table of RECORD_TABLES) await db[table].clear();
  await db.inflight.clear();
}

async function write(db: WalletDb, records: Pick<BackupContents, (typeof RECORD_TABLES)[number]>): Promise<void> {
  await db.keys.bulkPut(records.keys);
  await db.grants.bulkPut(records.grants);
  await db.prices.bulkPut(records.prices);
  // A pending row goes back in flight: the next start's recovery settles it at its price.
  await db.ledger.bulkPut(records.ledger.filter((e) => !inFlight(e)));
  await db.inflight.bulkPut(records.ledger.filter(inFlight));
  await db.rollups.bulkPut(records.rollups);
}

async function existingOf(db: WalletDb): Promise<Existing> {
  // Compound primary keys come back as arrays: JSON, as merge.ts's primaryKeyOf writes them.
  const ids = async (table: (typeof RECORD_TABLES)[number] | 'inflight') =>
    new Set((await db[table].toCollection().primaryKeys()).map((k: unknown) => (typeof k === 'string' ? k : JSON.stringify(k))));
  return {
    keys: await ids('keys'),
    grants: await ids('grants'),
    prices: await ids('prices'),
    ledger: new Set([...(await ids('ledger')), ...(await ids('inflight'))]),
    rollups: await ids('rollups'),
    settings: (await db.meta.get('settings')) !== undefined,
  };
}

function emptyExisting(): Existing {
  return { keys: new Set(), grants: new Set(), prices: new Set(), ledger: new Set(), rollups: new Set(), settings: false };
}

function none(): Counts {
  return { keys: 0, grants: 0, prices: 0, ledger: 0, rollups: 0 };
}

function result(restored: boolean, mode: ImportMode, added: Counts, skipped: Counts, settings: boolean, origins: string[]): ImportResult {
  return { restored, mode, added, skipped, settings, origins, message: messages.backupImported(added) };
}
