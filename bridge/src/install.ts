/** `install`, `uninstall` and `status`: the host's registration with a browser. */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { BROWSERS, hostManifest, installTarget, launcherName, launcherScript, type BrowserName, type Place } from './install-paths';

export const herePlace = (): Place => ({ platform: process.platform, home: homedir(), env: process.env });

/** Registers the host for `browser`; returns the manifest's path. `cliPath`: this package's cli.mjs. */
export function install(opts: { browser: BrowserName; userDataDir?: string; extensionId?: string }, cliPath: string, place = herePlace()): string {
  const target = installTarget(opts.browser, place, opts.userDataDir);
  const launcher = join(target.manifestDir, launcherName(place.platform));
  const manifest = hostManifest(opts.browser, launcher, opts.extensionId);
  mkdirSync(target.manifestDir, { recursive: true });
  writeFileSync(launcher, launcherScript(place.platform, process.execPath, cliPath));
  if (place.platform !== 'win32') chmodSync(launcher, 0o755);
  writeFileSync(target.manifestPath, JSON.stringify(manifest, null, 2) + '\n');
  if (target.registryKey) execFileSync('reg', ['add', target.registryKey, '/ve', '/t', 'REG_SZ', '/d', target.manifestPath, '/f'], { stdio: 'ignore' });
  return target.manifestPath;
}

export function uninstall(opts: { browser: BrowserName; userDataDir?: string }, place = herePlace()): boolean {
  const target = installTarget(opts.browser, place, opts.userDataDir);
  const had = existsSync(target.manifestPath);
  rmSync(target.manifestPath, { force: true });
  rmSync(join(target.manifestDir, launcherName(place.platform)), { force: true });
  if (target.registryKey) {
    try {
      execFileSync('reg', ['delete', target.registryKey, '/f'], { stdio: 'ignore' });
    } catch {
      // not registered
    }
  }
  return had;
}

export interface InstallStatus {
  browser: BrowserName;
  manifestPath: string;
  installed: boolean;
  allowed?: string[];
}

/** Which browsers have the host registered (per-user locations; a `--user-data-dir` profile is not searched). */
export function installStatus(place = herePlace()): InstallStatus[] {
  return BROWSERS.map((browser) => {
    const { manifestPath } = installTarget(browser, place);
    if (!existsSync(manifestPath)) return { browser, manifestPath, installed: false };
    try {
      const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as { allowed_origins?: string[]; allowed_extensions?: string[] };
      return { browser, manifestPath, installed: true, allowed: m.allowed_origins ?? m.allowed_extensions ?? [] };
    } catch {
      return { browser, manifestPath, installed: false };
    }
  });
}

