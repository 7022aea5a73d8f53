import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { keepAliveWhile } from './keepalive';

// End to end, this is proven in Firefox (tests/firefox: a provider silent for longer than the idle
// limit; the test fails without the keepalive). In Chromium, Playwright's own attachment to the
// worker keeps it alive, so an e2e test there could not fail.
describe('keepAliveWhile', () => {
  afterEach(() => vi.useRealTimers());

  it('makes an extension API call every 20 s while busy, and none while idle', async () => {
    vi.useFakeTimers();
    const ping = vi.spyOn(fakeBrowser.runtime, 'getPlatformInfo').mockResolvedValue({ os: 'linux', arch: 'x86-64' } as never);
    let busy = true;
    const stop = keepAliveWhile(() => busy);
    await vi.advanceTimersByTimeAsync(61_000);
    expect(ping).toHaveBeenCalledTimes(3);
    busy = false;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ping).toHaveBeenCalledTimes(3);
    stop();
  });
});
