/** The person's wallet settings, with defaults for a fresh wallet. */
import type { WalletDb } from '../db/database';
import type { OverBudget, Period } from '../db/tables/grants';
import { DEFAULT_BRIDGE_PORT } from '../protocol/bridge-limits';

export interface Settings {
  /** Idle minutes before auto-lock; 0 = never. */
  autoLockMinutes: 0 | 1 | 5 | 15 | 60;
  defaultRateLimitPerMin: number;
  defaultBudgetUsd: number;
  defaultPeriod: Period;
  /** The max-tokens sent when a request gives none; every request has an upper bound. */
  defaultMaxTokens: number;
  /** A provider call with no progress for this long ends with a clear error (5000, kind timeout). */
  providerTimeoutSeconds: number;
  /** What a request over its site's budget does, for sites without their own setting: refuse (4402) or ask to raise it. */
  overBudget: OverBudget;
  /** Local apps (CLIs, agents) reach the wallet through the byok-bridge host (lib/apps); off until the person turns it on. */
  allowLocalApps: boolean;
  /** A site's budget above this (USD per period) needs a second, separate confirmation in the approval window. */
  confirmBudgetAboveUsd: number;
  /** The port the host listens on (the last one it got, so apps' environment keeps working). */
  localAppsPort: number;
  /** The keys that may stand in for a site's key when it is refused, in order (lib/pipeline/fallback.ts); a site may have its own. */
  keyFallback: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  autoLockMinutes: 15,
  defaultRateLimitPerMin: 30,
  defaultBudgetUsd: 1,
  defaultPeriod: 'month',
  defaultMaxTokens: 4096,
  providerTimeoutSeconds: 120,
  overBudget: 'refuse',
  allowLocalApps: false,
  confirmBudgetAboveUsd: 20,
  localAppsPort: DEFAULT_BRIDGE_PORT,
  keyFallback: [],
};

export async function loadSettings(db: WalletDb): Promise<Settings> {
  const record = await db.meta.get('settings');
  return { ...DEFAULT_SETTINGS, ...(record?.value as Partial<Settings> | undefined) };
}

export async function saveSettings(db: WalletDb, changes: Partial<Settings>): Promise<Settings> {
  const next = { ...(await loadSettings(db)), ...changes };
  await db.meta.put({ id: 'settings', value: next });
  return next;
}

/** The settings, cached in memory: read on every request, written only through `set`. */
export class SettingsStore {
  private cached: Settings | null = null;

  constructor(private readonly db: WalletDb) {}

  async get(): Promise<Settings> {
    this.cached ??= await loadSettings(this.db);
    return this.cached;
  }

  async set(changes: Partial<Settings>): Promise<Settings> {
    this.cached = await saveSettings(this.db, changes);
    return this.cached;
  }

  /** Forget the cache (after a backup import or a reset rewrote the tables). */
  clearCache(): void {
    this.cached = null;
  }
}
