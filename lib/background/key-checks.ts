/**
 * Wires the daily key check (lib/keys/daily-check.ts) to the browser: an hourly alarm that
 * survives worker restarts, and a check at each unlock for the keys a locked day left unchecked.
 */
import { browser } from 'wxt/browser';
import { CHECK_EVERY_MINUTES, DAILY_CHECK_ALARM, runDailyCheck } from '../keys/daily-check';
import type { WalletContext } from './context';
import { validateKeyNow } from './ui/keys';

/** Registers the alarm's listener (call at the worker's start); resolves a function to call on unlock. */
export function startDailyKeyChecks(ctx: WalletContext): { unlocked(): void } {
  let running: Promise<unknown> | null = null;
  const run = () => {
    running ??= runDailyCheck({
      now: ctx.now,
      unlocked: async () => (await ctx.vault.status()).unlocked,
      keys: () => ctx.db.keys.toArray(),
      check: (key) => validateKeyNow(ctx, { id: key.id }),
    })
      .catch(() => 0)
      .finally(() => {
        running = null;
      });
    return running;
  };
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== DAILY_CHECK_ALARM) return;
    void run().then(ensureAlarm);
  });
  void ensureAlarm();
  return { unlocked: () => void run() };
}

/** The hourly alarm, created once (an alarm of the same name set otherwise is put back to hourly). */
async function ensureAlarm(): Promise<void> {
  const alarm = await browser.alarms.get(DAILY_CHECK_ALARM);
  if (alarm?.periodInMinutes === CHECK_EVERY_MINUTES) return;
  await browser.alarms.create(DAILY_CHECK_ALARM, { delayInMinutes: CHECK_EVERY_MINUTES, periodInMinutes: CHECK_EVERY_MINUTES });
}
