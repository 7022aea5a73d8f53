/**
 * Auto-lock after N idle minutes, with `alarms` so it fires even if the worker was stopped.
 *
 * Every use of the wallet (a page request, a command from an extension page, an unlock) calls
 * {@link AutoLock.touch}, which records the time and pushes the alarm back (re-creating it at
 * most every {@link REARM_EVERY_MS}, to keep a burst of requests cheap). When the alarm fires,
 * {@link AutoLock.expired} checks the idle time against the last activity: if the person was
 * active since, the alarm is set again for what is left, and the wallet stays unlocked.
 */
import { browser } from 'wxt/browser';

export const AUTOLOCK_ALARM = 'byok-autolock';
/** How often a stream of activity re-creates the alarm; also the most a lock can come early. */
export const REARM_EVERY_MS = 5_000;
/** The idle choices offered (0 = never). */
export const AUTOLOCK_CHOICES = [0, 1, 5, 15, 60] as const;
export type AutoLockMinutes = (typeof AUTOLOCK_CHOICES)[number];

/** The part of `browser.alarms` auto-lock uses (faked in tests). */
export interface AlarmScheduler {
  create(name: string, info: { delayInMinutes: number }): unknown;
  clear(name: string): unknown;
}

/** Options for {@link AutoLock}. */
export interface AutoLockOptions {
  alarms?: AlarmScheduler;
  now?: () => number;
}

export class AutoLock {
  private lastArmed = 0;
  private lastActivity = 0;
  private readonly alarms: AlarmScheduler;
  private readonly now: () => number;

  constructor(
    private minutes: number,
    options: AutoLockOptions = {},
  ) {
    this.alarms = options.alarms ?? {
      create: (name, info) => browser.alarms.create(name, info),
      clear: (name) => browser.alarms.clear(name),
    };
    this.now = options.now ?? Date.now;
  }

  /** A new idle limit: takes effect at once if the alarm was set by this worker. */
  setMinutes(minutes: number): void {
    this.minutes = minutes;
    if (minutes <= 0) this.clear();
    else if (this.lastArmed > 0) this.arm(minutes);
  }

  /** The wallet was used (or unlocked, with `force`): restart the idle countdown. */
  touch(force = false): void {
    const now = this.now();
    this.lastActivity = now;
    if (!force && this.lastArmed > 0 && now - this.lastArmed < REARM_EVERY_MS) return;
    if (this.minutes <= 0) this.clear();
    else this.arm(this.minutes);
  }

  /** The wallet was locked: no alarm until the next unlock. */
  stop(): void {
    this.clear();
  }

  /**
   * An alarm fired: true when it is ours and the wallet has been idle long enough, so it should
   * lock now. Otherwise (recent activity) the alarm is set again for the time left.
   */
  expired(alarmName: string): boolean {
    if (alarmName !== AUTOLOCK_ALARM) return false;
    if (this.minutes <= 0) return false;
    // A worker that saw no activity since it started was woken by this alarm: idle.
    if (this.lastActivity === 0) return true;
    const left = this.lastActivity + this.minutes * 60_000 - this.now();
    if (left <= REARM_EVERY_MS) return true;
    this.arm(left / 60_000);
    return false;
  }

  private arm(delayInMinutes: number): void {
    this.lastArmed = this.now();
    void this.alarms.create(AUTOLOCK_ALARM, { delayInMinutes });
  }

  private clear(): void {
    this.lastArmed = 0;
    void this.alarms.clear(AUTOLOCK_ALARM);
  }
}
