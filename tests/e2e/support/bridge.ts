/**
 * Local apps in end-to-end tests: the real byok-bridge host installed into the test's Chromium
 * profile, `connect` run as a child process, and the official SDKs driven from another Node
 * process (tests/e2e/support/bridge-sdk.mjs). Everything waits for a condition.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { test as base } from '../fixtures';
import { launchWallet } from '../../../scripts/browser.mjs';
import type { OptionsPage } from '../po/options-page';
import { clickClosing, nextWindow } from '../po/approval-window';

const CLI = resolve('bridge/cli.mjs');

type Wallet = Awaited<ReturnType<typeof launchWallet>>;

/** The usual fixtures, plus the Chromium profile folder (where the host is installed). */
export const test = base.extend<{ wallet: Wallet; profile: string }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  wallet: async ({}, use) => {
    const wallet = await launchWallet({ headless: true });
    await use(wallet);
    await wallet.close();
  },
  context: async ({ wallet }, use) => use(wallet.context),
  profile: async ({ wallet }, use) => use(wallet.profile),
});
export const expect = test.expect;

/**
 * `byok-bridge install` for this profile. With `recordTo`, the manifest points at a wrapper that
 * runs the real host and appends every native message, both ways, to that file (a test-only
 * wrapper: the product has no such mode).
 */
export function installBridge(profile: string, extensionId: string, recordTo?: string): void {
  execFileSync(process.execPath, [CLI, 'install', '--browser', 'chromium', '--user-data-dir', profile, '--extension-id', extensionId], { stdio: 'pipe' });
  if (!recordTo) return;
  const dir = join(profile, 'NativeMessagingHosts');
  const manifestPath = join(dir, 'dev.byok.bridge.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { path: string };
  const wrapper = join(dir, 'recording-host.sh');
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  writeFileSync(wrapper, `#!/bin/sh\nexec ${q(process.execPath)} ${q(resolve('tests/e2e/support/native-recorder.mjs'))} ${q(recordTo)} ${q(manifest.path)} "$@"\n`);
  chmodSync(wrapper, 0o755);
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, path: wrapper }));
}

/** Turns on "Allow local apps" and resolves the endpoint's port, read from the options page. */
export async function allowLocalApps(options: OptionsPage): Promise<number> {
  const page = await options.view('Sites & apps');
  await page.getByLabel('Allow local apps').check();
  const address = await page.getByTestId('local-apps-address').textContent({ timeout: 20_000 });
  const port = Number(/^http:\/\/127\.0\.0\.1:(\d+)$/.exec(address ?? '')?.[1]);
  if (!port) throw new Error(`no address on the options page: ${address}`);
  return port;
}

export interface Connected {
  code: number | null;
  stdout: string;
  stderr: string;
  env: Record<string, string>;
}

/** Runs `byok-bridge connect` as a child process; `answer` decides in the approval window. */
export async function connectApp(context: BrowserContext, port: number, name: string, answer: 'Approve' | 'Reject', budget?: string): Promise<Connected> {
  const child = spawn(process.execPath, [CLI, 'connect', '--name', name, '--port', String(port), ...(budget ? ['--budget', budget] : [])], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', r));
  const win = await nextWindow(context, 'approve.html');
  await win.getByLabel('Budget (USD)').waitFor();
  const shown = await win.getByTestId('requesting-origin').textContent();
  if (shown !== `${name} (local app)`) throw new Error(`the approval window names ${shown}`);
  await clickClosing(win, answer);
  const code = await exited;
  const env = Object.fromEntries(stdout.trim().split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  return { code, stdout, stderr, env };
}

/** Runs one operation of bridge-sdk.mjs in its own Node process with the app's environment; resolves its JSON. */
export function sdk(env: Record<string, string>, op: string, arg = ''): Promise<Record<string, unknown>> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [resolve('tests/e2e/support/bridge-sdk.mjs'), op, arg], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('exit', () => {
      try {
        resolvePromise(JSON.parse(out) as Record<string, unknown>);
      } catch {
        reject(new Error(`bridge-sdk ${op} printed: ${out} ${err}`));
      }
    });
  });
}
