import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openWalletDb } from '../db/database';
import type { RollupRecord } from '../db/tables/rollups';
import { capabilityTotals, dayRange, rollupKind, summarize, usageSummary } from './summary';

const NOW = new Date(2026, 10, 23, 15, 0).getTime();
const r = (origin: string, day: string, model: string, provider: string, costNano: number, requests = 1): RollupRecord => ({
  origin,
  day,
  model,
  provider,
  requests,
  inputTokens: 10 * requests,
  outputTokens: 5 * requests,
  costNano,
});

const ROLLUPS = [
  r('https://a.example', '2026-11-23', 'gpt-4o-mini', 'openai', 3_000),
  r('https://a.example', '2026-11-23', 'claude-haiku-4-5', 'anthropic', 1_000, 2),
  r('https://b.example', '2026-11-22', 'gpt-4o-mini', 'openai', 7_000),
  r('https://a.example', '2026-11-21', 'gpt-4o-mini', 'openai', 100),
  // Outside a 3-day range.
  r('https://c.example', '2026-11-20', 'gpt-4o-mini', 'openai', 999_999),
];

describe('usage summary', () => {
  it('the local days of the range, oldest first, across a month boundary', () => {
    expect(dayRange(3, NOW)).toEqual(['2026-11-21', '2026-11-22', '2026-11-23']);
    expect(dayRange(3, new Date(2026, 11, 1, 0, 30).getTime())).toEqual(['2026-11-29', '2026-11-30', '2026-12-01']);
    expect(dayRange(1, NOW)).toEqual(['2026-11-23']);
  });

  it('spend per site and per provider per day, top sites and totals, from the rollups', () => {
    const s = summarize(ROLLUPS, { days: 3, now: NOW });
    expect(s.from).toBe('2026-11-21');
    expect(s.to).toBe('2026-11-23');
    expect(s.sites).toEqual([
      { key: 's0', label: 'https://b.example', usd: 7e-6 },
      { key: 's1', label: 'https://a.example', usd: 4.1e-6 },
    ]);
    expect(s.bySite).toEqual([
      { day: '2026-11-21', s0: 0, s1: 1e-7 },
      { day: '2026-11-22', s0: 7e-6, s1: 0 },
      { day: '2026-11-23', s0: 0, s1: 4e-6 },
    ]);
    expect(s.providers.map((p) => p.label)).toEqual(['openai', 'anthropic']);
    expect(s.byProvider[2]).toEqual({ day: '2026-11-23', s0: 3e-6, s1: 1e-6 });
    expect(s.topSites.map((t) => [t.origin, t.requests])).toEqual([
      ['https://b.example', 1],
      ['https://a.example', 4],
    ]);
    expect(s.totals).toEqual({ usd: 11_100 / 1e9, requests: 5, inputTokens: 50, outputTokens: 25 });
    expect(s.models).toEqual(['claude-haiku-4-5', 'gpt-4o-mini']);
  });

  it('totals each capability with its own unit beside tokens, most spend first', () => {
    const media = [
      { ...r('https://a.example', '2026-11-23', 'tts-1', 'openai', 20_000, 2), inputTokens: 0, outputTokens: 0, characters: 1_234 },
      { ...r('https://a.example', '2026-11-23', 'whisper-1', 'openai', 6_000), inputTokens: 0, outputTokens: 0, seconds: 42 },
      { ...r('https://a.example', '2026-11-23', 'dall-e-3', 'openai', 80_000), inputTokens: 0, outputTokens: 0, images: 2 },
      r('https://a.example', '2026-11-23', 'text-embedding-3-small', 'openai', 10),
    ];
    const totals = capabilityTotals([...ROLLUPS.slice(0, 4), ...media]);
    expect(totals.map((t) => [t.kind, t.requests, t.characters, t.seconds, t.images])).toEqual([
      ['images', 1, 0, 0, 2],
      ['speech', 2, 1_234, 0, 0],
      ['chat', 5, 0, 0, 0],
      ['transcription', 1, 0, 42, 0],
      ['embed', 1, 0, 0, 0],
    ]);
    expect(totals.find((t) => t.kind === 'chat')).toMatchObject({ usd: 11_100 / 1e9, inputTokens: 50, outputTokens: 25 });
    expect(summarize([...ROLLUPS, ...media], { days: 3, now: NOW }).byCapability.map((t) => t.kind)).toEqual(['images', 'speech', 'chat', 'transcription', 'embed']);
    // A media request refused before it was metered still counts as its model's capability.
    expect(rollupKind(r('https://a.example', '2026-11-23', 'gpt-image-1', 'openai', 0))).toBe('images');
  });

  it('an empty wallet has every day at zero and no series', () => {
    const s = summarize([], { days: 7, now: NOW });
    expect(s.bySite).toHaveLength(7);
    expect(s.sites).toEqual([]);
    expect(s.totals.usd).toBe(0);
  });

  it('reads only the rollups of the range from the database', async () => {
    const db = openWalletDb(`summary-${Math.random()}`);
    await db.rollups.bulkPut(ROLLUPS);
    const s = await usageSummary(db, { days: 3, now: NOW });
    expect(s.topSites.map((t) => t.origin)).not.toContain('https://c.example');
    expect(s.totals.requests).toBe(5);
    db.close();
  });
});
