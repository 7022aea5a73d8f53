/**
 * Attack: clickjacking the wallet's pages (docs/THREAT_MODEL.md). None of them is web-accessible,
 * so no web page can frame or open them; the one web-accessible page is the lane's bridge, which
 * shows nothing (lib/lane). The pages' `frame-ancestors` allows web pages only (for the bridge):
 * no extension page, ours or another's, can frame them.
 */
import { test, expect } from '../fixtures';
import { addFrame } from './helpers';

const PAGES = ['approve.html', 'unlock.html', 'options.html', 'popup.html'];

test('a web page cannot frame or open the approval, unlock, options or popup page', async ({ context, extensionId, site, sw }) => {
  const manifest = await sw.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getManifest(): Record<string, unknown> } } }).chrome.runtime.getManifest());
  expect(manifest.web_accessible_resources).toEqual([{ resources: ['bridge.html'], matches: ['http://*/*', 'https://*/*'] }]);

  const attacker = await context.newPage();
  await attacker.goto(`${site.url}/frame.html`);
  for (const path of PAGES) {
    // The frame's load event fires (the positive signal); what loaded is the browser's error page.
    const frame = await addFrame(attacker, { src: `chrome-extension://${extensionId}/${path}?id=x` });
    expect(frame.url(), path).toBe('chrome-error://chromewebdata/');
    await expect(frame.getByRole('button')).toHaveCount(0);
  }
  // Nor as a new window (to trick the person into clicking there).
  for (const path of PAGES) {
    const [popup] = await Promise.all([
      attacker.waitForEvent('popup'),
      attacker.evaluate((url) => void window.open(url, '_blank'), `chrome-extension://${extensionId}/${path}?id=x`),
    ]);
    await popup.waitForLoadState('domcontentloaded');
    expect(popup.url(), path).not.toContain(`chrome-extension://${extensionId}/${path}`);
    await expect(popup.getByRole('button', { name: /Approve|Unlock|Reject/ })).toHaveCount(0);
    await popup.close();
  }
});

test("frame-ancestors holds even for the extension's own pages", async ({ context, extensionId }) => {
  const page = await context.newPage();
  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.text().includes('frame-ancestors http: https:')) violations.push(m.text());
  });
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  for (const path of ['approve.html', 'unlock.html', 'bridge.html']) {
    // web_accessible_resources does not apply to the extension itself: only the CSP stops this.
    const frame = await addFrame(page, { src: `chrome-extension://${extensionId}/${path}` });
    expect(frame.url(), path).toBe('chrome-error://chromewebdata/');
  }
  await expect.poll(() => violations.length).toBe(3);
});
