/** Launching Debian's Chromium with the built extension (shared by the demo and the bench). */
import { chromium } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The build that ships (`npm run build`, and what `npm run zip` packs). */
export const EXTENSION_PATH = resolve('.output/chrome-mv3');
/** The same code built for the bench (`npm run build:diagnostics`): the worker exposes its timings (lib/background/wallet.ts). */
export const DIAGNOSTICS_PATH = resolve('.output/chrome-mv3-diagnostics');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * @param {{ headless: boolean, profile?: string, args?: string[], extension?: string }} options `profile` reuses a
 *   profile directory (a browser restart) and leaves it in place on close; `extension`: which build.
 */
export async function launchWallet({ headless, profile: reuse, args = [], extension = EXTENSION_PATH }) {
  const profile = reuse ?? (await mkdtemp(join(tmpdir(), 'byok-')));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless,
    viewport: headless ? { width: 1100, height: 800 } : null,
    args: [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`, ...CHROMIUM_ARGS, ...args],
  });
  const sw = extensionWorker(context) ?? (await context.waitForEvent('serviceworker', { timeout: 60_000 }));
  const extensionId = new URL(sw.url()).host;
  return {
    context,
    sw,
    extensionId,
    profile,
    async close() {
      await context.close();
      if (!reuse) await rm(profile, { recursive: true, force: true });
    },
  };
}

/** The extension's service worker running now in `context`, if any (a stopped one comes back as a new one). */
export function extensionWorker(context) {
  return context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
}
