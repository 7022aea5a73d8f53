/**
 * The database schema, one entry per table; versions are only ever appended (never edited), and
 * each new version has a migration test in schema.test.ts.
 */
import { approvalsV1 } from './tables/approvals';
import { auditV1 } from './tables/audit';
import { grantsV1 } from './tables/grants';
import { keysV1 } from './tables/keys';
import { ledgerV1 } from './tables/ledger';
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

export const DB_NAME = 'byok';
