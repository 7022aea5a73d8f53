/**
 * The dashboard's numbers, from the daily rollups (one row per site, day and model, written in
 * the same transaction as each settlement): spend per site and per provider for each of the last
 * `days` days, the top sites, and totals. Never reads the ledger, so its cost does not grow with
 * the number of requests. Sums are in integer nano-USD, turned into dollars once at the end.
 */
import type { WalletDb } from '../db/database';
import type { RollupRecord } from '../db/tables/rollups';
import { localDay } from '../budget/period';
import { nanoToUsd } from '../budget/money';
import type { LedgerKind } from '../db/tables/ledger';
import { modelKind } from '../providers/model-kind';

/** The provider of spend whose ledger rows did not record one. */
export const UNKNOWN_PROVIDER = 'unknown';

/** One line of a chart: its data key (`s0`, `s1`, ...: origins are not safe as keys) and label. */
export interface Series {
  key: string;
  label: string;
  usd: number;
}

/** One point of a chart: the day and each series' spend that day, in USD. */
export type ChartRow = { day: string } & Record<string, number | string>;

export interface SiteTotal {
  origin: string;
  usd: number;
  requests: number;
  inputTokens: number;
  outputTokens: number;
}

export interface UsageSummary {
  /** The first and last day shown, `YYYY-MM-DD` (local). */
  from: string;
  to: string;
  sites: Series[];
  providers: Series[];
  /** Spend per site per day, every day of the range (days without spend are 0). */
  bySite: ChartRow[];
  byProvider: ChartRow[];
  /** Sites by spend, most first. */
  topSites: SiteTotal[];
  totals: { usd: number; requests: number; inputTokens: number; outputTokens: number };
  /** Each capability used in the range, with its tokens and its own units, most spend first. */
  byCapability: CapabilityTotal[];
  /** Every model with usage in the range. */
  models: string[];
}

export interface CapabilityTotal {
  kind: LedgerKind;
  usd: number;
  requests: number;
  inputTokens: number;
  outputTokens: number;
  characters: number;
  seconds: number;
  images: number;
}

/**
 * The capability a rollup row counts. Rollups are per model, not per kind: a row with a media
 * unit is that unit's capability, else the model's kind tells (lib/providers/model-kind.ts).
 */
export function rollupKind(r: RollupRecord): LedgerKind {
  if (r.images) return 'images';
  if (r.seconds) return 'transcription';
  if (r.characters) return 'speech';
  const kind = modelKind(r.model);
  return kind === 'embedding' ? 'embed' : kind === 'image' ? 'images' : kind === 'speech' || kind === 'transcription' ? kind : 'chat';
}

/** Spend, requests, tokens and units per capability. */
export function capabilityTotals(rows: readonly RollupRecord[]): CapabilityTotal[] {
  const byKind = new Map<LedgerKind, CapabilityTotal & { nano: number }>();
  for (const r of rows) {
    const kind = rollupKind(r);
    const t = byKind.get(kind) ?? { kind, nano: 0, usd: 0, requests: 0, inputTokens: 0, outputTokens: 0, characters: 0, seconds: 0, images: 0 };
    t.nano += r.costNano;
    t.requests += r.requests;
    t.inputTokens += r.inputTokens;
    t.outputTokens += r.outputTokens;
    t.characters += r.characters ?? 0;
    t.seconds += r.seconds ?? 0;
    t.images += r.images ?? 0;
    byKind.set(kind, t);
  }
  return [...byKind.values()]
    .sort((a, b) => b.nano - a.nano || b.requests - a.requests || a.kind.localeCompare(b.kind))
    .map(({ nano, ...t }) => ({ ...t, usd: nanoToUsd(nano) }));
}

/** The local days from `days - 1` days before `now` through `now`, oldest first. */
export function dayRange(days: number, now: number): string[] {
  const end = new Date(now);
  const out: string[] = [];
  for (let i = days - 1; i >= 0; i--) {
    out.push(localDay(new Date(end.getFullYear(), end.getMonth(), end.getDate() - i, 12).getTime()));
  }
  return out;
}

export function summarize(rollups: readonly RollupRecord[], options: { days: number; now: number }): UsageSummary {
  const days = dayRange(options.days, options.now);
  const from = days[0] ?? '';
  const to = days[days.length - 1] ?? '';
  const inRange = rollups.filter((r) => r.day >= from && r.day <= to);
  const site = group(inRange, (r) => r.origin);
  const provider = group(inRange, (r) => r.provider || UNKNOWN_PROVIDER);
  const totals = { nano: 0, requests: 0, inputTokens: 0, outputTokens: 0 };
  const sites = new Map<string, { nano: number; requests: number; inputTokens: number; outputTokens: number }>();
  for (const r of inRange) {
    totals.nano += r.costNano;
    totals.requests += r.requests;
    totals.inputTokens += r.inputTokens;
    totals.outputTokens += r.outputTokens;
    const s = sites.get(r.origin) ?? { nano: 0, requests: 0, inputTokens: 0, outputTokens: 0 };
    s.nano += r.costNano;
    s.requests += r.requests;
    s.inputTokens += r.inputTokens;
    s.outputTokens += r.outputTokens;
    sites.set(r.origin, s);
  }
  return {
    from,
    to,
    sites: site.series,
    providers: provider.series,
    bySite: chartRows(days, site),
    byProvider: chartRows(days, provider),
    topSites: [...sites.entries()]
      .map(([origin, s]) => ({ origin, usd: nanoToUsd(s.nano), requests: s.requests, inputTokens: s.inputTokens, outputTokens: s.outputTokens }))
      .sort((a, b) => b.usd - a.usd || b.requests - a.requests || a.origin.localeCompare(b.origin)),
    totals: { usd: nanoToUsd(totals.nano), requests: totals.requests, inputTokens: totals.inputTokens, outputTokens: totals.outputTokens },
    byCapability: capabilityTotals(inRange),
    models: [...new Set(inRange.map((r) => r.model))].sort(),
  };
}

interface Grouped {
  series: Series[];
  /** label → day → nano */
  byDay: Map<string, Map<string, number>>;
}

function group(rows: readonly RollupRecord[], labelOf: (r: RollupRecord) => string): Grouped {
  const byDay = new Map<string, Map<string, number>>();
  const total = new Map<string, number>();
  for (const r of rows) {
    const label = labelOf(r);
    let days = byDay.get(label);
    if (!days) byDay.set(label, (days = new Map()));
    days.set(r.day, (days.get(r.day) ?? 0) + r.costNano);
    total.set(label, (total.get(label) ?? 0) + r.costNano);
  }
  const labels = [...total.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return { series: labels.map(([label, nano], i) => ({ key: `s${i}`, label, usd: nanoToUsd(nano) })), byDay };
}

function chartRows(days: string[], grouped: Grouped): ChartRow[] {
  return days.map((day) => {
    const row: ChartRow = { day };
    for (const s of grouped.series) row[s.key] = nanoToUsd(grouped.byDay.get(s.label)?.get(day) ?? 0);
    return row;
  });
}

/** The summary of the last `days` days, reading only the rollups of those days. */
export async function usageSummary(db: WalletDb, options: { days: number; now: number }): Promise<UsageSummary> {
  const days = dayRange(options.days, options.now);
  const rollups = await db.rollups.where('day').between(days[0] ?? '', days[days.length - 1] ?? '', true, true).toArray();
  return summarize(rollups, options);
}
