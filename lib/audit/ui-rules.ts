/**
 * Which commands of the extension's pages are security events, and what the audit log keeps of
 * each. A rule picks named, harmless fields only: the params of `keys.add` hold a secret and
 * those of `vault.unlock` a passphrase, and no rule ever reads them.
 */
import type { UiCommand } from '../protocol/ui';
import type { WalletContext } from '../background/context';
import type { AuditInput } from './audit';

export interface UiAuditRule {
  /** Reads what the event needs before the command runs (e.g. a key's name before it is removed). */
  before?(ctx: WalletContext, params: unknown): Promise<Record<string, unknown> | undefined>;
  ok?(params: unknown, value: unknown, before: Record<string, unknown> | undefined): AuditInput | null;
  failed?(params: unknown, error: unknown, before: Record<string, unknown> | undefined): AuditInput | null;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null ? (v as Obj) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const reason = (error: unknown) => (error instanceof Error ? error.message : 'unknown error');

/** The harmless facts of a key view. */
function keyFacts(key: unknown): Obj {
  const k = obj(key);
  return { keyId: str(k.id), name: str(k.name), provider: str(k.provider) };
}

/** The changes of `grants.update`, flattened: `budget` becomes `budgetUsd` and `period`, routes `model=keyId`, media defaults `scope=model`. */
export function grantChanges(params: Obj): Obj {
  const { origin: _origin, budget, routes, defaults, ...rest } = params;
  const out: Obj = { ...rest };
  if (budget) {
    out.budgetUsd = obj(budget).usd;
    out.period = obj(budget).period;
  }
  if (routes) out.routes = Object.entries(obj(routes)).map(([model, keyId]) => `${model}=${String(keyId)}`);
  if (defaults) out.defaults = Object.entries(obj(defaults)).map(([scope, model]) => `${scope}=${String(model)}`);
  if (out.expiresAt === null) out.expiresAt = 'never';
  return out;
}

const rules: Partial<Record<UiCommand, UiAuditRule>> = {
  'vault.create': { ok: () => ({ type: 'wallet.created' }) },
  'vault.reset': { ok: () => ({ type: 'wallet.reset' }) },
  'vault.unlock': { failed: (_p, error) => ({ type: 'unlock.failed', detail: { reason: reason(error) } }) },
  'vault.changePassphrase': {
    ok: () => ({ type: 'passphrase.changed' }),
    failed: (_p, error) => ({ type: 'passphrase.changeFailed', detail: { reason: reason(error) } }),
  },
  'backup.export': {
    ok: (_p, value) => ({ type: 'backup.exported', detail: { filename: str(obj(value).filename), ...obj(obj(value).counts) } }),
  },
  'backup.import': {
    ok: (p, value) => {
      const v = obj(value);
      return { type: 'backup.imported', detail: { mode: str(obj(p).mode), restored: v.restored === true, settings: v.settings === true, ...prefixed('added', obj(v.added)) } };
    },
    failed: (p, error) => ({ type: 'backup.importFailed', detail: { mode: str(obj(p).mode), reason: reason(error) } }),
  },
  'keys.add': {
    ok: (_p, value) => {
      const v = obj(value);
      return v.saved === true ? { type: 'key.added', detail: { ...keyFacts(v.key), validation: str(obj(v.validation).status) } } : null;
    },
  },
  'keys.rotate': {
    ok: (_p, value) => {
      const v = obj(value);
      return v.saved === true ? { type: 'key.rotated', detail: { ...keyFacts(v.key), validation: str(obj(v.validation).status) } } : null;
    },
  },
  'keys.update': {
    ok: (p, value) => {
      const { name, enabled } = obj(p);
      return { type: 'key.updated', detail: { ...keyFacts(value), ...(name === undefined ? {} : { renamed: true }), ...(enabled === undefined ? {} : { enabled }) } };
    },
  },
  'keys.remove': {
    async before(ctx, p) {
      const key = await ctx.keyring.require(String(obj(p).id)).catch(() => undefined);
      return key ? keyFacts(key) : undefined;
    },
    ok: (p, _v, before) => ({ type: 'key.removed', detail: before ?? { keyId: str(obj(p).id) } }),
  },
  'grants.revoke': { ok: (p) => ({ type: 'grant.revoked', origin: str(obj(p).origin) }) },
  'grants.restore': { ok: (p) => ({ type: 'grant.restored', origin: str(obj(p).origin) }) },
  'grants.update': { ok: (p) => ({ type: 'grant.updated', origin: str(obj(p).origin), detail: grantChanges(obj(p)) }) },
  'prices.set': {
    ok: (p) => {
      const { keyId, model, inputPerM, outputPerM } = obj(p);
      return { type: 'price.set', detail: { keyId, model, inputPerM, outputPerM } };
    },
  },
  'prices.remove': { ok: (p) => ({ type: 'price.removed', detail: { keyId: obj(p).keyId, model: obj(p).model } }) },
  'settings.set': { ok: (p) => ({ type: 'settings.changed', detail: obj(p) }) },
};

function prefixed(prefix: string, counts: Obj): Obj {
  return Object.fromEntries(Object.entries(counts).map(([k, v]) => [`${prefix}.${k}`, v]));
}

/** The audit rule of `command`, if it is a security event. */
export function uiAuditRule(command: string): UiAuditRule | undefined {
  return Object.prototype.hasOwnProperty.call(rules, command) ? rules[command as UiCommand] : undefined;
}

/**
 * Runs a validated UI command and records its audit event, if it has one. Recording never
 * changes the command's outcome: its value is returned and its error rethrown as they were.
 */
export async function runAudited<T>(ctx: WalletContext, command: string, params: unknown, run: () => Promise<T>): Promise<T> {
  const rule = uiAuditRule(command);
  if (!rule) return run();
  const before = rule.before ? await rule.before(ctx, params).catch(() => undefined) : undefined;
  let value: T;
  try {
    value = await run();
  } catch (error) {
    const event = safely(() => rule.failed?.(params, error, before));
    if (event) await ctx.audit.record(event);
    throw error;
  }
  const event = safely(() => rule.ok?.(params, value, before));
  if (event) await ctx.audit.record(event);
  return value;
}

function safely(describe: () => AuditInput | null | undefined): AuditInput | null {
  try {
    return describe() ?? null;
  } catch {
    return null;
  }
}
