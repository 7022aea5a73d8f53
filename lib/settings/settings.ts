/** The person's wallet settings, with defaults for a fresh wallet. */
import type { WalletDb } from '../db/database';
import type { Period } from '../db/tables/grants';

export interface Settings {
  /** Idle minutes before auto-lock; 0 = never. */
  autoLockMinutes: 0 | 1 | 5 | 15 | 60;
  defaultRateLimitPerMin: number;
  defaultBudgetUsd: number;
  defaultPeriod: Period;
  /** The max-tokens sent when a request gives none; every request has an upper bound. */
  defaultMaxTokens: number;
}

export const DEFAULT_SETTINGS: Settings = {
  autoLockMinutes: 15,
  defaultRateLimitPerMin: 30,
  defaultBudgetUsd: 1,
  defaultPeriod: 'month',
  defaultMaxTokens: 4096,
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
