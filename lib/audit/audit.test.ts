/**
 * The audit log: append-only, newest first, flat details; and, on the whole background (the
 * pipeline harness), the events the wallet records for what people and sites do, none of which
 * ever holds a key or a passphrase.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { openWalletDb } from '../db/database';
import { AUDIT_TYPES, AuditLog, sanitize } from './audit';
import { auditFile } from './export';
import { parseCsv } from '../dashboard/csv';
import { handleUiMessage } from '../background/ui-message';
import { makeHarness, scriptedAdapter, TEST_ORIGIN, TEST_SECRET, type Harness } from '../../tests/support/wallet-harness';
import { connect, disconnect } from '../background/connect';
import { messages } from '../protocol/messages';
import { auditLabel } from '../ui/audit-label';

vi.mock('../crypto/kdf', async (importOriginal) => (await import('../../tests/support/vault')).fastKdf(await importOriginal()));

const PASSPHRASE = 'harness passphrase';
const NEW_SECRET = 'sk-test-brand-new-SECRET-7777';
const extensionPage = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/options.html' };

/** Sends a UI command as the options page would; returns the reply. */
function ui(h: Harness, command: string, params?: unknown) {
  return handleUiMessage({ ctx: h.ctx, settingsChanged: () => undefined }, Promise.resolve(), { byokUi: 1, command, ...(params === undefined ? {} : { params }) }, extensionPage);
}

describe('the audit log', () => {
  it('keeps details flat, short and primitive', () => {
    expect(sanitize({ a: 'x'.repeat(1000), b: 1, c: true, d: null, e: { nested: 1 }, f: ['m1', 'm2'], g: Number.NaN, h: () => 1, i: [{ x: 1 }] })).toEqual({
      a: 'x'.repeat(300),
      b: 1,
      c: true,
      d: null,
      f: 'm1, m2',
    });
    expect(sanitize({})).toBeUndefined();
    expect(sanitize(undefined)).toBeUndefined();
  });

  it('appends, lists newest first, pages back, filters by type; it has no way to change or delete', async () => {
    let now = 1_000;
    const log = new AuditLog(openWalletDb(`audit-${Math.random()}`), () => now++);
    for (const type of ['key.added', 'grant.revoked', 'key.added'] as const) await log.record({ type, origin: 'https://a.example' });
    const all = await log.list();
    expect(all.map((r) => [r.id, r.type, r.at])).toEqual([
      [3, 'key.added', 1002],
      [2, 'grant.revoked', 1001],
      [1, 'key.added', 1000],
    ]);
    expect((await log.list({ beforeId: 3, limit: 1 })).map((r) => r.id)).toEqual([2]);
    expect((await log.list({ type: 'key.added' })).map((r) => r.id)).toEqual([3, 1]);
    const methods = Object.getOwnPropertyNames(AuditLog.prototype);
    expect(methods.sort()).toEqual(['constructor', 'count', 'list', 'record']);
  });

  it('a storage failure never fails what it records', async () => {
    const db = openWalletDb(`audit-${Math.random()}`);
    const log = new AuditLog(db);
    vi.spyOn(db.audit, 'add').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    await expect(log.record({ type: 'key.added' })).resolves.toBeUndefined();
    vi.restoreAllMocks();
  });

  it('every event type has a label', () => {
    for (const type of AUDIT_TYPES) expect(auditLabel(type), type).not.toBe(type);
  });
});

describe('what the wallet records', () => {
  it('keys, unlock failures, grants, prices, settings, backups, connects and disconnects; never a secret', async () => {
    const h = await makeHarness({ adapter: scriptedAdapter({}) });
    const { ctx } = h;

    // A key added (its secret is in the params), then rotated, renamed and removed.
    const added = await ui(h, 'keys.add', { provider: 'openai', name: 'Second', secret: NEW_SECRET });
    expect(added).toMatchObject({ ok: true, value: { saved: true } });
    const keyId = ((added as { value: { key: { id: string } } }).value.key.id);
    await ui(h, 'keys.rotate', { id: keyId, secret: `${NEW_SECRET}-2` });
    await ui(h, 'keys.update', { id: keyId, name: 'Renamed', enabled: false });
    await ui(h, 'keys.remove', { id: keyId });

    // Unlock failures (the passphrase is in the params).
    await ctx.vault.lock();
    expect(await ui(h, 'vault.unlock', { passphrase: 'not the passphrase' })).toMatchObject({ ok: false });
    await ui(h, 'vault.unlock', { passphrase: PASSPHRASE });

    // The site's settings, a price, the wallet's settings, a backup.
    await ui(h, 'grants.update', { origin: TEST_ORIGIN, budget: { usd: 2, period: 'week' }, rateLimitPerMin: 3, overBudget: 'ask', expiresAt: null });
    await ui(h, 'prices.set', { keyId: h.keyId, model: 'm', inputPerM: 1, outputPerM: 2 });
    await ui(h, 'settings.set', { overBudget: 'ask', defaultRateLimitPerMin: 10 });
    expect(await ui(h, 'backup.export')).toMatchObject({ ok: true });

    // A connect rejected, then approved; the site disconnects itself; connects again; revoked.
    const other = { origin: 'https://other.example' };
    const rejected = connect(ctx, other, { scopes: ['chat'] });
    await vi.waitFor(() => expect(h.windows.opened.some((w) => w.path.startsWith('/approve.html'))).toBe(true));
    const id1 = h.windows.opened.at(-1)!.path.split('id=')[1]!;
    await ui(h, 'approvals.decide', { id: id1, approve: false });
    await expect(rejected).rejects.toMatchObject({ code: 4001 });
    const approved = connect(ctx, other, { scopes: ['chat'] });
    await vi.waitFor(() => expect(h.windows.opened.length).toBe(2));
    const id2 = h.windows.opened.at(-1)!.path.split('id=')[1]!;
    await ui(h, 'approvals.decide', { id: id2, approve: true, budget: { usd: 0.5, period: 'day' }, models: ['m'], defaultModel: 'm', scopes: ['chat'] });
    await approved;
    await disconnect(ctx, other);
    const closed = connect(ctx, other, { scopes: ['chat'] });
    await vi.waitFor(() => expect(h.windows.opened.length).toBe(3));
    h.windows.closeWindow(h.windows.opened.at(-1)!.id);
    await expect(closed).rejects.toMatchObject({ code: 4001 });
    await ui(h, 'grants.revoke', { origin: TEST_ORIGIN });

    await vi.waitFor(async () => expect(await ctx.audit.count()).toBe(14));
    const events = (await ctx.audit.list()).reverse();
    expect(events.map((e) => e.type)).toEqual([
      'key.added',
      'key.rotated',
      'key.updated',
      'key.removed',
      'unlock.failed',
      'grant.updated',
      'price.set',
      'settings.changed',
      'backup.exported',
      'connect.rejected',
      'connect.approved',
      'site.disconnected',
      'connect.rejected',
      'grant.revoked',
    ]);
    const byType = (type: string) => events.filter((e) => e.type === type);
    expect(byType('key.added')[0]?.detail).toMatchObject({ keyId, name: 'Second', provider: 'openai', validation: 'valid' });
    expect(byType('key.removed')[0]?.detail).toMatchObject({ keyId, name: 'Renamed' });
    expect(byType('unlock.failed')[0]?.detail).toEqual({ reason: messages.wrongPassphrase() });
    expect(byType('grant.updated')[0]).toMatchObject({ origin: TEST_ORIGIN, detail: { budgetUsd: 2, period: 'week', rateLimitPerMin: 3, overBudget: 'ask', expiresAt: 'never' } });
    expect(byType('connect.approved')[0]).toMatchObject({ origin: other.origin, detail: { models: 'm', budgetUsd: 0.5, period: 'day' } });
    expect(byType('connect.rejected').map((e) => e.detail?.how)).toEqual(['rejected', 'window closed']);

    // Nothing secret, in the table or in either export.
    const everything = JSON.stringify(await ctx.db.audit.toArray()) + auditFile(events, 'json').text + auditFile(events, 'csv').text;
    for (const secret of [TEST_SECRET, NEW_SECRET, PASSPHRASE, 'not the passphrase']) expect(everything).not.toContain(secret);
  });

  it('exports as JSON and as CSV with one row per event', async () => {
    const h = await makeHarness({ adapter: scriptedAdapter({}) });
    await h.ctx.audit.record({ type: 'grant.revoked', origin: '=cmd|calc' });
    await h.ctx.audit.record({ type: 'key.added', detail: { name: 'a,b', keyId: 'k' } });
    const records = await h.ctx.audit.list();
    const json = JSON.parse(auditFile(records, 'json').text) as { type: string; event: string; origin: string | null }[];
    expect(json.map((r) => [r.type, r.event])).toEqual([
      ['key.added', 'Key added'],
      ['grant.revoked', 'Site revoked'],
    ]);
    const csv = parseCsv(auditFile(records, 'csv').text);
    expect(csv).toHaveLength(3);
    expect(csv[1]?.slice(2)).toEqual(['Key added', 'key.added', '', 'name=a,b; keyId=k']);
    expect(csv[2]?.[4]).toBe("'=cmd|calc");
  });
});
