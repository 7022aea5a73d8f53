import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openWalletDb } from '../db/database';
import type { RollupRecord } from '../db/tables/rollups';
import { spendByKey, summarizeByKey } from './key-spend';

const NOW = new Date(2026, 10, 23, 15, 0).getTime();
const KEYS = [
  { id: 'kp', name: 'Personal card', provider: 'openai', masked: '••••1111' },
  { id: 'kw', name: 'Work card', provider: 'openai', masked: '••••2222' },
  { id: 'ka', name: 'Claude', provider: 'anthropic', masked: '••••3333' },
];
const r = (day: string, provider: string, costNano: number, requests: number, keys?: RollupRecord['keys']): RollupRecord => ({
  origin: 'https://a.example',
  day,
  model: 'm',
  provider,
  requests,
  inputTokens: 0,
  outputTokens: 0,
  costNano,
  ...(keys ? { keys } : {}),
});
const ROLLUPS = [
  r('2026-11-23', 'openai', 3_000, 3, { kp: { costNano: 1_000, requests: 1 }, kw: { costNano: 2_000, requests: 2 } }),
  r('2026-11-22', 'anthropic', 500, 1, { ka: { costNano: 500, requests: 1 } }),
  r('2026-11-22', 'openai', 700, 2, { kp: { costNano: 600, requests: 1 } }), // one request with no key (refused before routing)
  r('2026-11-21', 'openai', 4_000, 4), // settled before rollups carried the key
  r('2026-11-21', 'groq', 900, 1, { gone: { costNano: 900, requests: 1 } }), // its key was deleted since
  r('2026-11-19', 'openai', 999_999, 1, { kp: { costNano: 999_999, requests: 1 } }), // before the range
];

describe('spend by key and by provider', () => {
  it('names and masks each key, sums its days, and sorts by spend', () => {
    const s = summarizeByKey(ROLLUPS, KEYS, { from: '2026-11-21', to: '2026-11-23' });
    expect(s.keys).toEqual([
      { keyId: 'kw', name: 'Work card', masked: '••••2222', provider: 'OpenAI', usd: 2e-6, requests: 2 },
      { keyId: 'kp', name: 'Personal card', masked: '••••1111', provider: 'OpenAI', usd: 1.6e-6, requests: 2 },
      { keyId: 'gone', name: 'Deleted key', masked: '', provider: 'Groq', usd: 9e-7, requests: 1 },
      { keyId: 'ka', name: 'Claude', masked: '••••3333', provider: 'Anthropic', usd: 5e-7, requests: 1 },
    ]);
    expect(s.providers).toEqual([
      { provider: 'OpenAI', usd: 7.7e-6, requests: 9, keys: 2 },
      { provider: 'Groq', usd: 9e-7, requests: 1, keys: 1 },
      { provider: 'Anthropic', usd: 5e-7, requests: 1, keys: 1 },
    ]);
    expect(s.unattributed).toEqual({ usd: 4.1e-6, requests: 5 });
  });

  it('reads only the days asked for', async () => {
    const db = openWalletDb(`key-spend-${crypto.randomUUID()}`);
    await db.rollups.bulkPut(ROLLUPS.map((row, i) => ({ ...row, model: `m${i}` })));
    const s = await spendByKey(db, KEYS, { days: 3, now: NOW });
    expect([s.from, s.to]).toEqual(['2026-11-21', '2026-11-23']);
    expect(s.keys.find((k) => k.keyId === 'kp')).toMatchObject({ usd: 1.6e-6, requests: 2 });
  });

  it('has nothing for an empty wallet', () => {
    expect(summarizeByKey([], KEYS, { from: '2026-11-21', to: '2026-11-23' })).toEqual({ from: '2026-11-21', to: '2026-11-23', keys: [], providers: [], unattributed: { usd: 0, requests: 0 } });
  });
});
