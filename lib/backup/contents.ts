/**
 * What a backup holds, and how its decrypted contents are checked before anything is written.
 * Records are checked field by field where the wallet depends on a field (primary keys, indexes,
 * money, the sealed secret) and otherwise kept whole: a field this version does not know
 * survives the round trip (loose objects), so a backup never loses data.
 */
import { z } from 'zod';
import { SCOPES } from '../protocol/scopes';
import type { GrantRecord } from '../db/tables/grants';
import type { KeyRecord } from '../db/tables/keys';
import type { LedgerEntry } from '../db/tables/ledger';
import type { PriceOverride } from '../db/tables/prices';
import type { RollupRecord } from '../db/tables/rollups';

/** Everything a backup restores. The vault header travels beside it, outside the payload. */
export interface BackupContents {
  /** Milliseconds since the epoch. */
  exportedAt: number;
  /** The wallet database version the records were read from (lib/db/schema.ts). */
  schemaVersion: number;
  keys: KeyRecord[];
  grants: GrantRecord[];
  /** The stored settings (`meta` record `settings`), or `null` when never changed. */
  settings: Record<string, unknown> | null;
  prices: PriceOverride[];
  ledger: LedgerEntry[];
  rollups: RollupRecord[];
}

/** The record tables a backup holds, in the order they are listed and written. */
export const RECORD_TABLES = ['keys', 'grants', 'prices', 'ledger', 'rollups'] as const;
export type RecordTable = (typeof RECORD_TABLES)[number];

/** How many records of each kind. */
export type Counts = Record<RecordTable, number>;

export function countsOf(contents: Pick<BackupContents, RecordTable>): Counts {
  return { keys: contents.keys.length, grants: contents.grants.length, prices: contents.prices.length, ledger: contents.ledger.length, rollups: contents.rollups.length };
}

const time = z.number().finite().nonnegative();
const count = z.number().finite();
const text = z.string().max(100_000);
const id = z.string().min(1).max(512);
const models = z.array(z.string().max(256)).max(10_000);

const KeySchema = z.looseObject({
  id: z.string().min(1).max(128),
  provider: z.string().min(1).max(64),
  name: z.string().max(200),
  baseUrl: z.string().max(2048).optional(),
  last4: z.string().max(8),
  sealed: z.strictObject({ nonce: z.string().max(64), ciphertext: z.string().max(100_000) }),
  models,
  status: z.enum(['valid', 'invalid', 'out_of_credit', 'unverified', 'unreachable']),
  statusMessage: text.optional(),
  enabled: z.boolean(),
  createdAt: time,
  lastUsedAt: time.optional(),
  validatedAt: time.optional(),
  checkedAt: time.optional(),
  rateLimitedUntil: time.optional(),
});

const PeriodSchema = z.enum(['day', 'week', 'month', 'total']);

const GrantSchema = z.looseObject({
  origin: id,
  scopes: z.array(z.enum(SCOPES)).max(SCOPES.length),
  models,
  routes: z.record(z.string(), z.string()),
  defaultModel: z.string().max(256),
  budgetNano: count.nonnegative(),
  period: PeriodSchema,
  spentNano: count.nonnegative(),
  periodKey: z.string().max(64),
  rateLimitPerMin: count.positive(),
  paused: z.boolean(),
  expiresAt: time.optional(),
  createdAt: time,
  updatedAt: time,
  keyFallback: z.array(z.string().max(128)).max(1000).optional(),
});

const PriceSchema = z.looseObject({
  keyId: z.string().min(1).max(128),
  model: z.string().min(1).max(256),
  inputPerM: count.nonnegative(),
  outputPerM: count.nonnegative(),
});

const LedgerSchema = z.looseObject({
  id,
  at: time,
  origin: id,
  kind: z.string().max(32),
  model: z.string().max(256),
  provider: z.string().max(64),
  keyId: z.string().max(128).optional(),
  status: z.enum(['pending', 'ok', 'error', 'aborted', 'refused', 'interrupted']),
  inputTokens: count,
  outputTokens: count,
  costNano: count,
  reservedNano: count,
  inputEstimate: count,
});

const RollupSchema = z.looseObject({
  origin: id,
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  model: z.string().max(256),
  provider: z.string().max(64),
  /** Spend per key that day (lib/ledger/key-spend.ts). */
  keys: z.record(z.string().max(128), z.strictObject({ costNano: count, requests: count })).optional(),
  requests: count,
  inputTokens: count,
  outputTokens: count,
  costNano: count,
});

const SettingsSchema = z.looseObject({
  autoLockMinutes: z.union([z.literal(0), z.literal(1), z.literal(5), z.literal(15), z.literal(60)]).optional(),
  defaultRateLimitPerMin: count.positive().optional(),
  defaultBudgetUsd: count.nonnegative().optional(),
  defaultPeriod: PeriodSchema.optional(),
  defaultMaxTokens: count.positive().optional(),
  keyFallback: z.array(z.string().max(128)).max(1000).optional(),
});

/** The decrypted payload of a backup file. */
export const BackupContentsSchema = z.strictObject({
  exportedAt: time,
  schemaVersion: z.int().min(1),
  keys: z.array(KeySchema),
  grants: z.array(GrantSchema),
  settings: SettingsSchema.nullable(),
  prices: z.array(PriceSchema),
  ledger: z.array(LedgerSchema),
  rollups: z.array(RollupSchema),
});
