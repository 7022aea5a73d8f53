import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openWalletDb } from '../db/database';
import type { LedgerEntry } from '../db/tables/ledger';
import { LedgerOrigins } from './origins';

let n = 0;
const row = (origin: string): LedgerEntry => ({
  id: `r${n++}`,
  at: n,
  origin,
  kind: 'chat',
  model: 'm',
  provider: 'openai',
  status: 'ok',
  inputTokens: 1,
  outputTokens: 1,
  costNano: 1,
  reservedNano: 1,
  inputEstimate: 1,
});

async function dbWith(origins: string[]) {
  const db = openWalletDb(`origins-${crypto.randomUUID()}`);
  await db.ledger.bulkAdd(origins.map(row));
  return db;
}

describe('LedgerOrigins', () => {
  it('lists each site once, sorted, whatever the number of its rows', async () => {
    const sites = ['https://b.example', 'http://localhost:3000', 'https://a.example', 'https://a.example.evil', 'null'];
    const db = await dbWith(Array.from({ length: 400 }, (_, i) => sites[(i * 7) % sites.length]!));
    expect(await new LedgerOrigins(db).list()).toEqual([...sites].sort());
  });

  it('an empty ledger has no sites', async () => {
    expect(await new LedgerOrigins(await dbWith([])).list()).toEqual([]);
  });

  it('reads the ledger once, then adds the sites it is told about', async () => {
    const db = await dbWith(['https://a.example']);
    const origins = new LedgerOrigins(db);
    expect(await origins.list()).toEqual(['https://a.example']);
    await db.ledger.add(row('https://unseen.example')); // written behind its back: not re-read
    origins.note('https://c.example');
    expect(await origins.list()).toEqual(['https://a.example', 'https://c.example']);
  });

  it('misses no site written while it reads', async () => {
    const db = await dbWith(['https://a.example', 'https://m.example']);
    const origins = new LedgerOrigins(db);
    const reading = origins.list();
    origins.note('https://b.example');
    expect(await reading).toEqual(['https://a.example', 'https://b.example', 'https://m.example']);
  });

  it('reads again after the ledger was rewritten', async () => {
    const db = await dbWith(['https://a.example']);
    const origins = new LedgerOrigins(db);
    await origins.list();
    await db.ledger.clear();
    await db.ledger.add(row('https://z.example'));
    origins.forget();
    expect(await origins.list()).toEqual(['https://z.example']);
  });
});
