/**
 * Where each browser looks for native-messaging hosts, per OS (pure: given platform, home and env).
 * Chromium-family: https://developer.chrome.com/docs/extensions/develop/concepts/native-messaging#native-messaging-host-location
 * Firefox: https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/Native_manifests#manifest_location
 * On Windows the browser reads a registry key whose default value is the manifest's path.
 */
import { posix, win32 } from 'node:path';
import { BRIDGE_HOST_NAME } from '../../lib/protocol/bridge-limits';

export const BROWSERS = ['chrome', 'chromium', 'brave', 'edge', 'firefox'] as const;
export type BrowserName = (typeof BROWSERS)[number];

export interface InstallTarget {
  browser: BrowserName;
  /** The folder that holds the manifest (and the launcher beside it). */
  manifestDir: string;
  manifestPath: string;
  /** Windows: the key to point at the manifest (`reg add KEY /ve /d PATH`). */
  registryKey?: string;
}

const LINUX: Record<BrowserName, string[]> = {
  chrome: ['.config', 'google-chrome'],
  chromium: ['.config', 'chromium'],
  brave: ['.config', 'BraveSoftware', 'Brave-Browser'],
  edge: ['.config', 'microsoft-edge'],
  firefox: ['.mozilla'],
};

const MAC: Record<BrowserName, string[]> = {
  chrome: ['Library', 'Application Support', 'Google', 'Chrome'],
  chromium: ['Library', 'Application Support', 'Chromium'],
  brave: ['Library', 'Application Support', 'BraveSoftware', 'Brave-Browser'],
  edge: ['Library', 'Application Support', 'Microsoft Edge'],
  firefox: ['Library', 'Application Support', 'Mozilla'],
};

const WINDOWS_KEYS: Record<BrowserName, string> = {
  chrome: 'HKCU\\Software\\Google\\Chrome\\NativeMessagingHosts',
  chromium: 'HKCU\\Software\\Chromium\\NativeMessagingHosts',
  brave: 'HKCU\\Software\\BraveSoftware\\Brave-Browser\\NativeMessagingHosts',
  edge: 'HKCU\\Software\\Microsoft\\Edge\\NativeMessagingHosts',
  firefox: 'HKCU\\Software\\Mozilla\\NativeMessagingHosts',
};

export interface Place {
  platform: NodeJS.Platform;
  home: string;
  env: Record<string, string | undefined>;
}

/**
 * Where `install` writes for `browser`. `userDataDir` (a Chromium profile started with
 * `--user-data-dir`) puts the manifest in its own `NativeMessagingHosts/`.
 */
export function installTarget(browser: BrowserName, place: Place, userDataDir?: string): InstallTarget {
  const { platform, home, env } = place;
  const path = platform === 'win32' ? win32 : platform === 'darwin' || platform === 'linux' ? posix : null;
  if (!path) throw new Error(`byok-bridge cannot install on ${platform}`);
  const file = `${BRIDGE_HOST_NAME}.json`;
  let manifestDir: string;
  if (userDataDir && browser !== 'firefox') manifestDir = path.join(userDataDir, 'NativeMessagingHosts');
  else if (platform === 'win32') manifestDir = path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'byok-bridge', browser);
  else if (platform === 'darwin') manifestDir = path.join(home, ...MAC[browser], 'NativeMessagingHosts');
  else manifestDir = path.join(home, ...LINUX[browser], browser === 'firefox' ? 'native-messaging-hosts' : 'NativeMessagingHosts');
  return {
    browser,
    manifestDir,
    manifestPath: path.join(manifestDir, file),
    ...(platform === 'win32' ? { registryKey: `${WINDOWS_KEYS[browser]}\\${BRIDGE_HOST_NAME}` } : {}),
  };
}

/** The launcher's file name beside the manifest. */
export function launcherName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'byok-bridge-host.bat' : 'byok-bridge-host.sh';
}

const shQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * The script the browser runs. Browsers start hosts with a bare environment (no PATH of the
 * person's shell, no nvm), so it names node by its absolute path.
 */
export function launcherScript(platform: NodeJS.Platform, nodePath: string, cliPath: string): string {
  if (platform === 'win32') return `@echo off\r\nrem byok-bridge's native-messaging host, written by \`byok-bridge install\`.\r\n"${nodePath}" "${cliPath}" host %*\r\n`;
  return `#!/bin/sh\n# byok-bridge's native-messaging host, written by \`byok-bridge install\`.\nexec ${shQuote(nodePath)} ${shQuote(cliPath)} host "$@"\n`;
}

/** The Firefox add-on's id (wxt.config.ts, browser_specific_settings.gecko.id). */
export const FIREFOX_EXTENSION_ID = 'wallet@byok.dev';

/** The host manifest: Chromium names the extension by origin, Firefox by add-on id. */
export function hostManifest(browser: BrowserName, launcherPath: string, extensionId?: string): Record<string, unknown> {
  const base = { name: BRIDGE_HOST_NAME, description: 'byok wallet: local apps (byok-bridge)', path: launcherPath, type: 'stdio' };
  if (browser === 'firefox') return { ...base, allowed_extensions: [extensionId ?? FIREFOX_EXTENSION_ID] };
  if (!extensionId || !/^[a-p]{32}$/.test(extensionId)) throw new Error('--extension-id is needed for a Chromium browser: the 32-letter ID shown on its extensions page (chrome://extensions).');
  return { ...base, allowed_origins: [`chrome-extension://${extensionId}/`] };
}

