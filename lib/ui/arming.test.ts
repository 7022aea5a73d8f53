import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ARM_DELAY_MS, createArming } from './arming';

describe('arming: armed after 500 ms shown and focused', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  function setup() {
    const changes: boolean[] = [];
    const arming = createArming((armed) => changes.push(armed));
    return { arming, changes };
  }

  it('is not armed until the window has been attended for the whole delay', () => {
    const { arming, changes } = setup();
    expect(ARM_DELAY_MS).toBe(500);
    expect(arming.armed).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(arming.armed).toBe(false); // never shown and focused
    arming.attend(true);
    vi.advanceTimersByTime(499);
    expect(arming.armed).toBe(false);
    vi.advanceTimersByTime(1);
    expect(arming.armed).toBe(true);
    expect(changes).toEqual([true]);
  });

  it('disarms when focus or visibility goes, and waits the whole delay again when it comes back', () => {
    const { arming, changes } = setup();
    arming.attend(true);
    vi.advanceTimersByTime(500);
    arming.attend(false);
    expect(arming.armed).toBe(false);
    arming.attend(true);
    vi.advanceTimersByTime(499);
    expect(arming.armed).toBe(false);
    vi.advanceTimersByTime(1);
    expect(arming.armed).toBe(true);
    expect(changes).toEqual([true, false, true]);
  });

  it('a blur before the delay ran out starts it over', () => {
    const { arming } = setup();
    arming.attend(true);
    vi.advanceTimersByTime(400);
    arming.attend(false);
    arming.attend(true);
    vi.advanceTimersByTime(400);
    expect(arming.armed).toBe(false);
    vi.advanceTimersByTime(100);
    expect(arming.armed).toBe(true);
  });

  it('attending twice does not shorten or restart the wait', () => {
    const { arming } = setup();
    arming.attend(true);
    vi.advanceTimersByTime(300);
    arming.attend(true);
    vi.advanceTimersByTime(200);
    expect(arming.armed).toBe(true);
  });

  it('a key before arming restarts the wait; once armed, keys change nothing', () => {
    const { arming } = setup();
    arming.attend(true);
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(300);
      arming.restart(); // someone still typing what they meant for the page
    }
    expect(arming.armed).toBe(false);
    vi.advanceTimersByTime(500);
    expect(arming.armed).toBe(true);
    arming.restart();
    expect(arming.armed).toBe(true);
  });

  it('a key while not attended does not start the wait', () => {
    const { arming } = setup();
    arming.restart();
    vi.advanceTimersByTime(1000);
    expect(arming.armed).toBe(false);
  });

  it('after dispose nothing arms', () => {
    const { arming, changes } = setup();
    arming.attend(true);
    arming.dispose();
    vi.advanceTimersByTime(1000);
    expect(arming.armed).toBe(false);
    expect(changes).toEqual([]);
  });
});
