/**
 * Auto-lock: activity pushes the alarm back; the alarm locks only after the idle time really
 * passed; the setting takes effect at once. A fake clock and a fake alarms API.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AUTOLOCK_ALARM, AutoLock, REARM_EVERY_MS, type AlarmScheduler } from './autolock';

const MINUTE = 60_000;

function fakeAlarms(clock: { t: number }) {
  const alarms = new Map<string, number>();
  const created: number[] = [];
  const api: AlarmScheduler = {
    create(name, { delayInMinutes }) {
      alarms.set(name, clock.t + delayInMinutes * MINUTE);
      created.push(clock.t);
    },
    clear(name) {
      alarms.delete(name);
    },
  };
  return { api, alarms, created, due: () => alarms.get(AUTOLOCK_ALARM) };
}

function setup(minutes = 1) {
  const clock = { t: 1_000_000 };
  const fake = fakeAlarms(clock);
  const autolock = new AutoLock(minutes, { alarms: fake.api, now: () => clock.t });
  return { clock, fake, autolock };
}

describe('AutoLock', () => {
  it('an unlock arms the alarm for the idle limit', () => {
    const { clock, fake, autolock } = setup(5);
    autolock.touch(true);
    expect(fake.due()).toBe(clock.t + 5 * MINUTE);
  });

  it('activity pushes the alarm back, re-creating it at most every few seconds', () => {
    const { clock, fake, autolock } = setup(1);
    autolock.touch(true);
    clock.t += 1000;
    autolock.touch();
    expect(fake.created).toHaveLength(1); // within REARM_EVERY_MS: no new alarm, but the time is noted
    clock.t += REARM_EVERY_MS;
    autolock.touch();
    expect(fake.created).toHaveLength(2);
    expect(fake.due()).toBe(clock.t + MINUTE);
  });

  it('when the alarm fires after recent activity, it is set again for the time left and does not lock', () => {
    const { clock, fake, autolock } = setup(1);
    autolock.touch(true);
    clock.t += 3000;
    autolock.touch(); // noted, not re-armed (within REARM_EVERY_MS)
    clock.t += 12_000;
    autolock.touch(); // re-armed: due 1 minute from now
    clock.t += 1000;
    autolock.touch(); // noted only
    expect(fake.created).toHaveLength(2);
    clock.t = fake.due()!; // that alarm fires, 1 s after the last activity's minute began
    expect(autolock.expired(AUTOLOCK_ALARM)).toBe(true); // 59 s idle: within REARM_EVERY_MS of the limit
  });

  it('an alarm that fires well before the idle limit (activity since) is set again for what is left', () => {
    const { clock, fake, autolock } = setup(1);
    autolock.touch(true);
    const firstDue = fake.due()!;
    clock.t += 4000;
    autolock.touch(); // noted, not re-armed
    // Suppose the earlier alarm fired now-ish (alarms can be late or early by a few seconds).
    clock.t = firstDue - 20_000;
    expect(autolock.expired(AUTOLOCK_ALARM)).toBe(false);
    expect(fake.due()).toBe(firstDue + 4000);
  });

  it('locks when idle for the whole limit; ignores other alarms', () => {
    const { clock, autolock } = setup(15);
    autolock.touch(true);
    clock.t += 15 * MINUTE;
    expect(autolock.expired('someone-elses-alarm')).toBe(false);
    expect(autolock.expired(AUTOLOCK_ALARM)).toBe(true);
  });

  it('a worker woken by the alarm (no activity seen since it started) locks', () => {
    const { autolock } = setup(1);
    expect(autolock.expired(AUTOLOCK_ALARM)).toBe(true);
  });

  it('"Never" clears the alarm at once and never locks', () => {
    const { clock, fake, autolock } = setup(15);
    autolock.touch(true);
    autolock.setMinutes(0);
    expect(fake.due()).toBeUndefined();
    autolock.touch(true);
    expect(fake.due()).toBeUndefined();
    clock.t += 999 * MINUTE;
    expect(autolock.expired(AUTOLOCK_ALARM)).toBe(false);
  });

  it('a shorter limit takes effect at once when armed, and arms nothing when locked', () => {
    const { clock, fake, autolock } = setup(60);
    autolock.setMinutes(1);
    expect(fake.due()).toBeUndefined();
    autolock.touch(true);
    autolock.setMinutes(5);
    expect(fake.due()).toBe(clock.t + 5 * MINUTE);
    autolock.stop();
    expect(fake.due()).toBeUndefined();
    autolock.setMinutes(15);
    expect(fake.due()).toBeUndefined();
  });

  it('property: the wallet locks only after (nearly) the whole idle time since the last activity', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1, 5, 15, 60),
        fc.array(fc.integer({ min: 0, max: 3 * MINUTE }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 120 * MINUTE }),
        (minutes, gaps, wait) => {
          const { clock, autolock } = setup(minutes);
          autolock.touch(true);
          for (const gap of gaps) {
            clock.t += gap;
            autolock.touch();
          }
          const last = clock.t;
          clock.t += wait;
          const idle = clock.t - last;
          const locked = autolock.expired(AUTOLOCK_ALARM);
          if (idle >= minutes * MINUTE) expect(locked).toBe(true);
          if (idle < minutes * MINUTE - REARM_EVERY_MS) expect(locked).toBe(false);
        },
      ),
    );
  });
});
