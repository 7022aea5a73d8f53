import { Dexie, type EntityTable } from 'dexie';
import type { ApprovalRecord } from './tables/approvals';
import type { AuditRecord } from './tables/audit';
import type { GrantRecord } from './tables/grants';
import type { InflightEntry } from './tables/inflight';
import type { KeyRecord } from './tables/keys';
import type { LedgerEntry } from './tables/ledger';
import type { MetaRecord } from './tables/meta';
import type { PriceOverride } from './tables/prices';
import type { RollupRecord } from './tables/rollups';
import { movePendingToInflight } from './migrations';
import { DB_NAME, schemaV1, schemaV2, schemaV3, schemaV4 } from './schema';

export type WalletDb = Dexie & {
  meta: EntityTable<MetaRecord, 'id'>;
  keys: EntityTable<KeyRecord, 'id'>;
  grants: EntityTable<GrantRecord, 'origin'>;
  ledger: EntityTable<LedgerEntry, 'id'>;
  inflight: EntityTable<InflightEntry, 'id'>;
  rollups: Dexie.Table<RollupRecord, [string, string, string]>;
  approvals: EntityTable<ApprovalRecord, 'id'>;
  prices: Dexie.Table<PriceOverride, [string, string]>;
  audit: EntityTable<AuditRecord, 'id'>;
};

/** Opens the wallet database. `name` lets tests use a fresh database each. */
export function openWalletDb(name = DB_NAME): WalletDb {
  const db = new Dexie(name) as WalletDb;
  db.version(1).stores(schemaV1);
  db.version(2).stores(schemaV2);
  db.version(3).stores(schemaV3).upgrade(movePendingToInflight);
  db.version(4).stores(schemaV4);
  return db;
}
