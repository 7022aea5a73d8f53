/**
 * Auto-lock after N idle minutes, with `alarms` so it fires even if the worker was stopped.
 * Each use of the wallet pushes the alarm back (at most once every 30 s, to keep calls cheap).
 */
import { browser } from 'wxt/browser';

export const AUTOLOCK_ALARM = 'byok-autolock';
const TOUCH_EVERY_MS = 30_000;

export class AutoLock {
  private lastTouch = 0;

  constructor(private minutes: number) {}

  setMinutes(minutes: number): void {
    this.minutes = minutes;
    this.lastTouch = 0;
  }

  /** The wallet was used (or unlocked): restart the idle countdown. */
  touch(force = false): void {
    const now = Date.now();
    if (!force && now - this.lastTouch < TOUCH_EVERY_MS) return;
    this.lastTouch = now;
    if (this.minutes <= 0) void browser.alarms.clear(AUTOLOCK_ALARM);
    else void browser.alarms.create(AUTOLOCK_ALARM, { delayInMinutes: this.minutes });
  }

  stop(): void {
    this.lastTouch = 0;
    void browser.alarms.clear(AUTOLOCK_ALARM);
  }
}
