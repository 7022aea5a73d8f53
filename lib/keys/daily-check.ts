/**
 * Keys look after themselves: while the wallet is unlocked, each enabled key is checked against
 * its provider at most once a day, so a key revoked at the provider or out of credit shows as
 * such before a site's request finds out. An hourly alarm checks a few of the keys due, oldest
 * first, so the checks spread out; a wallet that was locked for a day checks at the next unlock.
 * A keyless local endpoint (a local model server) has nothing to check.
 */
import type { KeyRecord } from '../db/tables/keys';
import { isLocalBaseUrl } from '../providers/local';

export const DAILY_CHECK_ALARM = 'keys.dailyCheck';
/** How often the alarm looks for keys due a check. */
export const CHECK_EVERY_MINUTES = 60;
export const DAY_MS = 24 * 60 * 60 * 1000;
/** Keys checked per alarm, so a wallet of many keys spreads its checks over the hours. */
const PER_RUN = 3;

export interface DailyCheckDeps {
  now(): number;
  unlocked(): Promise<boolean>;
  keys(): Promise<KeyRecord[]>;
  /** Asks the provider about `key` and records what it said. */
  check(key: KeyRecord): Promise<unknown>;
}

/** The keys due a check at `now`: enabled, not keyless-local, not asked in the last day; oldest first. */
export function keysDue(keys: readonly KeyRecord[], now: number): KeyRecord[] {
  return keys
    .filter((k) => k.enabled && !(isLocalBaseUrl(k.baseUrl) && k.last4 === ''))
    .filter((k) => k.checkedAt === undefined || now - k.checkedAt >= DAY_MS)
    .sort((a, b) => (a.checkedAt ?? 0) - (b.checkedAt ?? 0));
}

/** One run of the daily check: checks up to a few due keys, one at a time. Resolves how many. */
export async function runDailyCheck(deps: DailyCheckDeps): Promise<number> {
  if (!(await deps.unlocked())) return 0;
  const due = keysDue(await deps.keys(), deps.now()).slice(0, PER_RUN);
  for (const key of due) {
    // A failure to check one key (the wallet locked meanwhile, a vanished key) leaves the rest for the next run.
    await deps.check(key).catch(() => undefined);
  }
  return due.length;
}
