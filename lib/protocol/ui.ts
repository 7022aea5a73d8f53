/**
 * The protocol between the extension's own pages (options, popup, approval, unlock) and the
 * background: one schema per command. Only extension pages may send these (checked by sender).
 */
import { z } from 'zod';
import { BudgetSchema, PeriodSchema, ScopeSchema } from './page-methods';
import { MEDIA_SCOPES, SCOPES } from './scopes';
import { IMPORT_MODES, MAX_BACKUP_CHARS } from '../backup/limits';
import { RESET_WORD } from '../vault/policy';
import type { Said, WireError } from './errors';

const passphrase = z.string().min(1).max(1024);
const id = z.string().min(1).max(128);
const origin = z.string().min(1).max(512);
const httpUrl = z
  .string()
  .max(2048)
  .refine((u) => /^https?:\/\/[^\s]+$/i.test(u), { message: 'must be an http(s) URL' })
  .optional();
const usdPerM = z.number().min(0).max(100_000);
const OverBudgetSchema = z.enum(['ask', 'refuse']);
/** Key ids in fallback order (lib/pipeline/fallback.ts), each once. */
const keyOrder = z
  .array(id)
  .max(100)
  .refine((ids) => new Set(ids).size === ids.length, { message: 'each key at most once' });

/** The default model of each media scope (`GrantRecord.defaults`); which ones fit is checked in the worker. */
const MediaDefaultsSchema = z.partialRecord(z.enum(MEDIA_SCOPES), z.string().min(1).max(256));

export const uiCommands = {
  'vault.status': z.undefined(),
  'vault.create': z.strictObject({ passphrase }),
  'vault.unlock': z.strictObject({ passphrase }),
  'vault.lock': z.undefined(),
  'vault.changePassphrase': z.strictObject({ current: passphrase, next: passphrase }),
  'vault.reset': z.strictObject({ confirm: z.literal(RESET_WORD) }),
  'backup.export': z.undefined(),
  'backup.import': z.strictObject({ file: z.string().min(1).max(MAX_BACKUP_CHARS), passphrase, mode: z.enum(IMPORT_MODES) }),
  'keys.list': z.undefined(),
  'keys.add': z.strictObject({
    provider: z.string().min(1).max(64),
    name: z.string().max(100).optional(),
    secret: z.string().max(4096),
    baseUrl: httpUrl,
    saveUnvalidated: z.boolean().optional(),
  }),
  'keys.remove': z.strictObject({ id }),
  'keys.sites': z.strictObject({ id }),
  'keys.update': z.strictObject({ id, name: z.string().max(100).optional(), enabled: z.boolean().optional() }),
  'keys.rotate': z.strictObject({ id, secret: z.string().max(4096), saveUnvalidated: z.boolean().optional() }),
  'keys.validate': z.strictObject({ id }),
  'grants.list': z.undefined(),
  'grants.get': z.strictObject({ origin }),
  'grants.revoke': z.strictObject({ origin }),
  'grants.restore': z.strictObject({ origin }),
  'grants.update': z.strictObject({
    origin,
    models: z.array(z.string().min(1).max(256)).min(1).max(200).optional(),
    defaultModel: z.string().min(1).max(256).optional(),
    defaults: MediaDefaultsSchema.optional(),
    budget: BudgetSchema.optional(),
    scopes: z.array(ScopeSchema).min(1).max(SCOPES.length).optional(),
    rateLimitPerMin: z.int().min(1).max(10_000).optional(),
    paused: z.boolean().optional(),
    expiresAt: z.number().nullable().optional(),
    /** Which key serves a model: `{ model: keyId }`, for models of the grant. */
    routes: z.record(z.string().min(1).max(256), id).optional(),
    /** What a request over the budget does; null: the wallet's setting. */
    overBudget: OverBudgetSchema.nullable().optional(),
    /** The keys that may stand in for a model's key, in order; null: the wallet's order. */
    keyFallback: keyOrder.nullable().optional(),
  }),
  'grants.details': z.strictObject({ origin }),
  'approvals.get': z.strictObject({ id }),
  'approvals.queue': z.undefined(),
  'approvals.decide': z.discriminatedUnion('approve', [
    z.strictObject({ id, approve: z.literal(false) }),
    z.strictObject({
      id,
      approve: z.literal(true),
      budget: BudgetSchema,
      models: z.array(z.string().min(1).max(256)).min(1).max(200),
      defaultModel: z.string().min(1).max(256),
      scopes: z.array(ScopeSchema).min(1).max(SCOPES.length),
      defaults: MediaDefaultsSchema.optional(),
    }),
  ]),
  'approvals.raise': z.strictObject({ id, usd: BudgetSchema.shape.usd }),
  'ledger.recent': z.strictObject({ origin: origin.optional(), limit: z.int().min(1).max(10_000).optional() }).optional(),
  'ledger.query': z
    .strictObject({
      origin: origin.optional(),
      model: z.string().min(1).max(256).optional(),
      status: z.enum(['pending', 'ok', 'error', 'aborted', 'refused', 'interrupted']).optional(),
      from: z.number().min(0).optional(),
      to: z.number().min(0).optional(),
      limit: z.int().min(1).max(100_000).optional(),
    })
    .optional(),
  'ledger.filters': z.undefined(),
  'usage.summary': z.strictObject({ days: z.int().min(1).max(366) }),
  'usage.byKey': z.strictObject({ days: z.int().min(1).max(366) }),
  'audit.list': z.strictObject({ limit: z.int().min(1).max(100_000).optional(), beforeId: z.int().min(1).optional(), type: z.string().min(1).max(64).optional() }).optional(),
  'prices.list': z.undefined(),
  'prices.set': z.strictObject({
    keyId: id,
    model: z.string().min(1).max(256),
    inputPerM: usdPerM,
    outputPerM: usdPerM,
    /** A media model's price in its unit (lib/db/tables/prices.ts); its token prices are 0 then. */
    perMChars: usdPerM.optional(),
    perMinute: usdPerM.optional(),
    perImage: usdPerM.optional(),
  }),
  'prices.remove': z.strictObject({ keyId: id, model: z.string().min(1).max(256) }),
  'settings.get': z.undefined(),
  'settings.set': z.strictObject({
    autoLockMinutes: z.union([z.literal(0), z.literal(1), z.literal(5), z.literal(15), z.literal(60)]).optional(),
    defaultRateLimitPerMin: z.int().min(1).max(10_000).optional(),
    defaultPeriod: PeriodSchema.optional(),
    providerTimeoutSeconds: z.int().min(1).max(3600).optional(),
    overBudget: OverBudgetSchema.optional(),
    allowLocalApps: z.boolean().optional(),
    confirmBudgetAboveUsd: z.number().min(0).max(1_000_000).optional(),
    keyFallback: keyOrder.optional(),
  }),
  'apps.status': z.undefined(),
} as const;

export type UiCommand = keyof typeof uiCommands;
export type UiParams<C extends UiCommand> = z.input<(typeof uiCommands)[C]>;

/** The message an extension page sends. */
export const UiRequest = z.strictObject({ byokUi: z.literal(1), command: z.string().min(1).max(64), params: z.unknown().optional() });

/** Broadcast to extension pages after state changed, so open pages refresh. */
export const UI_CHANGED = 'byok/ui-changed';

/**
 * A command's error as the wallet's own pages get it: a page's wire error (code, English message,
 * data) and what it said by name (lib/protocol/said.ts), so the page can say it in the person's language.
 */
export interface UiErrorReply {
  code: number;
  message: string;
  data?: WireError['data'];
  said?: Said;
}

export type UiReply = { ok: true; value: unknown } | { ok: false; error: UiErrorReply };
