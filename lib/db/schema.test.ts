/**
 * The database schema, one test block per version. Versions are only ever
 * appended: v1 is checked table by table; every later version gets a migration test that builds
 * a database of the previous version filled with data (fake-indexeddb), opens it with the current
 * code, and checks nothing was lost. A meta-test keeps schema.ts, database.ts and this file in step.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { openWalletDb, type WalletDb } from './database';
import * as schema from './schema';
import { schemaV1, schemaV2, schemaV3 } from './schema';
import { LedgerOrigins } from '../ledger/origins';

/** The newest schema: what a fresh database has. */
const latest: Record<string, string> = schema.schemaV4;

let n = 0;
const freshName = () => `schema-test-${n++}-${Math.random().toString(36).slice(2)}`;
const read = (file: string) => readFileSync(new URL(file, import.meta.url), 'utf8');

/** `'id, provider, [a+b]'` → primary key and index sources, as Dexie reports them. */
function parse(spec: string): { primKey: string; indexes: string[] } {
  const [primKey = '', ...indexes] = spec.split(',').map((s) => s.trim());
  return { primKey, indexes: indexes.sort() };
}

/** What the raw IndexedDB database holds: stores, key paths, index names. */
async function rawShape(name: string): Promise<Record<string, { keyPath: unknown; indexes: string[] }>> {
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const out: Record<string, { keyPath: unknown; indexes: string[] }> = {};
  const tx = idb.transaction([...idb.objectStoreNames]);
  for (const store of idb.objectStoreNames) {
    const s = tx.objectStore(store);
    out[store] = { keyPath: s.keyPath, indexes: [...s.indexNames].sort() };
  }
  idb.close();
  return out;
}

/** One record or more per table, in the shape v1 stores (fields of every kind, nested too). */
const V1_DATA: Record<keyof typeof schemaV1, unknown[]> = {
  meta: [
    { id: 'vault', value: { version: 1, kdf: { name: 'scrypt', N: 131072, r: 8, p: 1, dkLen: 32 }, salt: 'c2FsdA==', wrapped: { nonce: 'bm9uY2U=', ciphertext: 'Y3Q=' }, createdAt: 1, updatedAt: 2 } },
    { id: 'settings', value: { autoLockMinutes: 5, defaultRateLimitPerMin: 30 } },
    { id: 'attempts', value: { failures: 2, lastFailureAt: 3 } },
  ],
  keys: [
    { id: 'k1', provider: 'openai', name: 'Work', last4: 'ABCD', sealed: { nonce: 'bg==', ciphertext: 'Yw==' }, models: ['gpt-4o-mini'], status: 'valid', enabled: true, createdAt: 10, lastUsedAt: 20, validatedAt: 15 },
    { id: 'k2', provider: 'openai-compatible', name: 'Local', baseUrl: 'http://127.0.0.1:11434/v1', last4: '', sealed: { nonce: 'bg==', ciphertext: 'Yw==' }, models: [], status: 'unverified', statusMessage: 'x', enabled: false, createdAt: 11 },
  ],
  grants: [
    { origin: 'https://a.example', scopes: ['chat'], models: ['gpt-4o-mini'], routes: { 'gpt-4o-mini': 'k1' }, defaultModel: 'gpt-4o-mini', budgetNano: 1e9, period: 'month', spentNano: 5, periodKey: 'm:2026-11', rateLimitPerMin: 30, paused: false, createdAt: 1, updatedAt: 2 },
    { origin: 'http://localhost:5173', scopes: ['chat', 'embed'], models: [], routes: {}, defaultModel: '', budgetNano: 0, period: 'total', spentNano: 0, periodKey: 'total', rateLimitPerMin: 1, paused: true, expiresAt: 99, createdAt: 3, updatedAt: 4 },
  ],
  ledger: [
    { id: 'l1', at: 100, origin: 'https://a.example', kind: 'chat', model: 'gpt-4o-mini', provider: 'openai', keyId: 'k1', status: 'ok', inputTokens: 3, outputTokens: 4, costNano: 7, reservedNano: 9, inputEstimate: 3, durationMs: 5, settledAt: 105, price: { inputPerM: 1, outputPerM: 2 } },
    { id: 'l2', at: 200, origin: 'https://a.example', kind: 'embed', model: 'text-embedding-3-small', provider: 'openai', status: 'pending', inputTokens: 0, outputTokens: 0, costNano: 0, reservedNano: 9, inputEstimate: 3, price: { inputPerM: 1, outputPerM: 2 }, streamedChars: 40 },
  ],
  rollups: [{ origin: 'https://a.example', day: '2026-11-23', model: 'gpt-4o-mini', provider: 'openai', requests: 1, inputTokens: 3, outputTokens: 4, costNano: 7 }],
  approvals: [{ id: 'a1', origin: 'https://b.example', request: { scopes: ['chat'], budget: { usd: 1, period: 'day' } }, windowId: 7, createdAt: 300 }],
  prices: [{ keyId: 'k1', model: 'gpt-4o-mini', inputPerM: 0.15, outputPerM: 0.6 }],
};

async function dump(db: WalletDb | Dexie): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

describe('v1', () => {
  it('a fresh database opens with every table, its primary key and its indexes', async () => {
    const db = openWalletDb(freshName());
    await db.open();
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.keys(latest).sort());
    for (const table of db.tables) {
      const want = parse(latest[table.name] ?? '');
      expect(table.schema.primKey.src, table.name).toBe(want.primKey);
      expect(table.schema.indexes.map((i) => i.src).sort(), table.name).toEqual(want.indexes);
    }
    const name = db.name;
    db.close();
    const raw = await rawShape(name);
    expect(Object.keys(raw).sort()).toEqual(Object.keys(latest).sort());
    expect(raw.rollups?.keyPath).toEqual(['origin', 'day', 'model']);
    expect(raw.prices?.keyPath).toEqual(['keyId', 'model']);
    expect(raw.ledger?.indexes).toEqual(['[origin+at]', 'at']);
    expect(raw.inflight).toEqual({ keyPath: 'id', indexes: [] });
  });

  it('a database written by v1 opens with the current code with nothing lost', async () => {
    const { name, written } = await writtenBy(1, V1_DATA);
    const current = openWalletDb(name);
    await current.open();
    const latest = Object.keys(schema).filter((k) => /^schemaV\d+$/.test(k)).length;
    expect(current.verno).toBe(latest);
    expectNothingLost(written, await dump(current));
    // The indexes work on migrated rows.
    expect(await current.ledger.where('[origin+at]').between(['https://a.example', 0], ['https://a.example', Infinity]).count()).toBe(1);
    expect(await current.ledger.where('at').above(0).count()).toBe(1);
    current.close();
  });
});

describe('v2', () => {
  it('adds the audit log: auto-incremented ids, indexed by time and type', async () => {
    const db = openWalletDb(freshName());
    await db.open();
    const audit = db.table('audit');
    expect(audit.schema.primKey.src).toBe('++id');
    expect(audit.schema.primKey.auto).toBe(true);
    expect(audit.schema.indexes.map((i) => i.src).sort()).toEqual(['at', 'type']);
    const name = db.name;
    db.close();
    expect((await rawShape(name)).audit).toEqual({ keyPath: 'id', indexes: ['at', 'type'] });
  });

  it('a database written by v1 migrates to v2 with nothing lost and an empty, working audit log', async () => {
    const { name, written } = await writtenBy(1, V1_DATA);
    const current = openWalletDb(name);
    await current.open();
    expect(current.verno).toBeGreaterThanOrEqual(2);
    const after = await dump(current);
    expectNothingLost(written, after);
    expect(after.audit).toEqual([]);
    const first = await current.audit.add({ at: 1, type: 'key.added', detail: { keyId: 'k1' } });
    const second = await current.audit.add({ at: 2, type: 'grant.revoked', origin: 'https://a.example' });
    expect(second).toBeGreaterThan(first as number);
    expect(await current.audit.where('type').equals('grant.revoked').count()).toBe(1);
    expect((await current.audit.where('at').above(1).toArray()).map((r) => r.origin)).toEqual(['https://a.example']);
    current.close();
  });
});

/** A request in flight when the worker stopped, as v1/v2 kept it: in the ledger, pending. */
const inFlight = (id: string, at: number) => ({ ...(V1_DATA.ledger[1] as object), id, at, origin: 'https://b.example' });

/** Writes `data` into a new database of schema `version` (with the versions before it). */
async function writtenBy(version: number, data: Record<string, unknown[]>): Promise<{ name: string; written: Record<string, unknown[]> }> {
  const name = freshName();
  const old = new Dexie(name);
  const versions = [schemaV1, schemaV2, schemaV3].slice(0, version);
  versions.forEach((stores, i) => old.version(i + 1).stores(stores));
  for (const [table, rows] of Object.entries(data)) await old.table(table).bulkAdd(rows);
  const written = await dump(old);
  old.close();
  return { name, written };
}

/**
 * Every record written by an older version is still there: from v3 on, the pending rows of the
 * ledger are in `inflight` instead, unchanged, and every other row is where it was.
 */
function expectNothingLost(written: Record<string, unknown[]>, after: Record<string, unknown[]>): void {
  const pending = (rows: unknown[] = []) => rows.filter((r) => (r as { status: string }).status === 'pending');
  const byId = (rows: unknown[]) => [...rows].sort((a, b) => String((a as { id: string }).id).localeCompare((b as { id: string }).id));
  for (const [table, rows] of Object.entries(written)) {
    if (table === 'ledger' || table === 'inflight') continue;
    expect(after[table], table).toEqual(rows);
  }
  const requests = [...(written.ledger ?? []), ...(written.inflight ?? [])];
  expect(byId(after.ledger ?? []), 'ledger').toEqual(byId(requests.filter((r) => !pending([r]).length)));
  expect(byId(after.inflight ?? []), 'inflight').toEqual(byId(pending(requests)));
}

describe('v3', () => {
  it('adds the requests in flight: a small store keyed by id, with no index', async () => {
    const db = openWalletDb(freshName());
    await db.open();
    expect(db.inflight.schema.primKey.src).toBe('id');
    expect(db.inflight.schema.indexes).toEqual([]);
    db.close();
  });

  it('a database written by v2 moves its pending rows to inflight, nothing lost, and recovery finds them', async () => {
    const ledger = [...V1_DATA.ledger, inFlight('l3', 300), inFlight('l4', 50)];
    const audit = [{ id: 1, at: 5, type: 'key.added', detail: { keyId: 'k1' } }];
    const { name, written } = await writtenBy(2, { ...V1_DATA, ledger, audit });
    const current = openWalletDb(name);
    await current.open();
    const after = await dump(current);
    expectNothingLost(written, after);
    expect((after.inflight ?? []).map((r) => (r as { id: string }).id).sort()).toEqual(['l2', 'l3', 'l4']);
    const { Ledger } = await import('../ledger/ledger');
    expect(await new Ledger(current).recoverPending()).toBe(3);
    expect(await current.inflight.count()).toBe(0);
    expect((await current.ledger.bulkGet(['l2', 'l3', 'l4'])).map((r) => r?.status)).toEqual(['interrupted', 'interrupted', 'interrupted']);
    current.close();
  });
});

describe('v4', () => {
  it('the ledger keeps the at and [origin+at] indexes; a v3 database opens with its rows, and every reader works', async () => {
    const ledger = [V1_DATA.ledger[0], { ...(V1_DATA.ledger[0] as object), id: 'l5', at: 150, origin: 'http://localhost:5173', status: 'refused' }];
    const { name, written } = await writtenBy(3, { ...V1_DATA, ledger, inflight: [inFlight('l6', 400)] });
    const current = openWalletDb(name);
    await current.open();
    expectNothingLost(written, await dump(current));
    expect(current.ledger.schema.indexes.map((i) => i.src).sort()).toEqual(['[origin+at]', 'at']);
    expect((await current.ledger.orderBy('at').reverse().toArray()).map((r) => r.id)).toEqual(['l5', 'l1']);
    expect(await current.ledger.where('[origin+at]').between(['http://localhost:5173', 0], ['http://localhost:5173', Infinity]).count()).toBe(1);
    expect(await new LedgerOrigins(current).list()).toEqual(['http://localhost:5173', 'https://a.example']);
    current.close();
    expect((await rawShape(name)).ledger?.indexes).toEqual(['[origin+at]', 'at']);
  });
});

describe('conventions', () => {
  it('every schema version is declared by openWalletDb, in order, and has its block here', () => {
    const versions = Object.keys(schema)
      .map((k) => /^schemaV(\d+)$/.exec(k)?.[1])
      .filter((v): v is string => v !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
    expect(versions).toEqual(versions.map((_, i) => i + 1));
    const database = read('./database.ts');
    const declared = [...database.matchAll(/\.version\((\d+)\)\.stores\(schemaV(\d+)\)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(declared).toEqual(versions.map((v) => [v, v]));
    const self = read('./schema.test.ts');
    for (const v of versions) expect(self, `describe('v${v}') in schema.test.ts`).toContain(`describe('v${v}'`);
  });

  it('every table has its schema string in lib/db/tables/', () => {
    for (const [table, spec] of Object.entries(latest)) {
      expect(read(`./tables/${table}.ts`)).toMatch(new RegExp(`export const ${table}V\\d+ = '${spec.replace(/[[\]+]/g, '\\$&')}'`));
    }
  });
});
