/**
 * The database schema, one entry per table; versions are only ever appended (never edited), and
 * each new version has a migration test in schema.test.ts.
 */
import { approvalsV1 } from './tables/approvals';
import { auditV1 } from './tables/audit';
import { grantsV1 } from './tables/grants';
import { keysV1 } from './tables/keys';
import { inflightV1 } from './tables/inflight';
import { ledgerV1, ledgerV2 } from './tables/ledger';
import { metaV1 } from './tables/meta';
import { pricesV1 } from './tables/prices';
import { rollupsV1 } from './tables/rollups';

export const schemaV1 = {
  meta: metaV1,
  keys: keysV1,
  grants: grantsV1,
  ledger: ledgerV1,
  rollups: rollupsV1,
  approvals: approvalsV1,
  prices: pricesV1,
};

/** v2: the audit log (lib/audit). */
export const schemaV2 = { ...schemaV1, audit: auditV1 };

/** v3: requests in flight get a store of their own; the ledger's pending rows move there. */
export const schemaV3 = { ...schemaV2, inflight: inflightV1 };

/** v4: the ledger drops the indexes nothing reads any more (see tables/ledger.ts). */
export const schemaV4 = { ...schemaV3, ledger: ledgerV2 };

export const DB_NAME = 'byok';
