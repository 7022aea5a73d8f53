import { describe, expect, it } from 'vitest';
import { parseCommand } from './args';
import { hostManifest, installTarget, launcherScript } from './install-paths';

const linux = { platform: 'linux' as const, home: '/home/ada', env: {} };
const mac = { platform: 'darwin' as const, home: '/Users/ada', env: {} };
const win = { platform: 'win32' as const, home: 'C:\\Users\\ada', env: { LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local' } };
const ID = 'abcdefghijklmnopabcdefghijklmnop';

describe('byok-bridge arguments', () => {
  it('parses install with its options', () => {
    expect(parseCommand(['install', '--browser', 'chromium', '--user-data-dir', '/tmp/p', '--extension-id', ID])).toEqual({ command: 'install', browser: 'chromium', userDataDir: '/tmp/p', extensionId: ID });
    expect(parseCommand(['install'])).toEqual({ command: 'install', browser: 'chrome' });
    expect(parseCommand(['install', '--browser=firefox'])).toEqual({ command: 'install', browser: 'firefox' });
  });
  it('parses connect', () => {
    expect(parseCommand(['connect', '--name', 'claude-code', '--budget', '2.5', '--period', 'week', '--port', '4000'])).toEqual({ command: 'connect', name: 'claude-code', budget: { usd: 2.5, period: 'week' }, port: 4000 });
    expect(parseCommand(['connect', '--name', 'a'])).toEqual({ command: 'connect', name: 'a' });
    expect(parseCommand(['connect', '--name', 'notes', '--scopes', 'transcription, chat,chat'])).toEqual({ command: 'connect', name: 'notes', scopes: ['transcription', 'chat'] });
    expect(parseCommand(['connect', '--name', 'notes', '--scopes', 'chat,vault'])).toHaveProperty('error');
  });
  it('says what is wrong', () => {
    expect(parseCommand(['install', '--browser', 'safari'])).toHaveProperty('error');
    expect(parseCommand(['connect'])).toHaveProperty('error');
    expect(parseCommand(['connect', '--name', 'has space'])).toHaveProperty('error');
    expect(parseCommand(['connect', '--name', 'a', '--budget', '-1'])).toHaveProperty('error');
    expect(parseCommand(['connect', '--name', 'a', '--port', '70000'])).toHaveProperty('error');
    expect(parseCommand(['status', '--name', 'a'])).toHaveProperty('error');
    expect(parseCommand(['frobnicate'])).toHaveProperty('error');
  });
  it('takes the host command with whatever the browser passes', () => {
    expect(parseCommand(['host', 'chrome-extension://abc/', '--parent-window=0'])).toEqual({ command: 'host' });
  });
});

describe('install locations', () => {
  it('Linux', () => {
    expect(installTarget('chrome', linux).manifestPath).toBe('/home/ada/.config/google-chrome/NativeMessagingHosts/dev.byok.bridge.json');
    expect(installTarget('chromium', linux).manifestDir).toBe('/home/ada/.config/chromium/NativeMessagingHosts');
    expect(installTarget('brave', linux).manifestDir).toBe('/home/ada/.config/BraveSoftware/Brave-Browser/NativeMessagingHosts');
    expect(installTarget('edge', linux).manifestDir).toBe('/home/ada/.config/microsoft-edge/NativeMessagingHosts');
    expect(installTarget('firefox', linux).manifestDir).toBe('/home/ada/.mozilla/native-messaging-hosts');
  });
  it('macOS', () => {
    expect(installTarget('chrome', mac).manifestDir).toBe('/Users/ada/Library/Application Support/Google/Chrome/NativeMessagingHosts');
    expect(installTarget('edge', mac).manifestDir).toBe('/Users/ada/Library/Application Support/Microsoft Edge/NativeMessagingHosts');
    expect(installTarget('firefox', mac).manifestDir).toBe('/Users/ada/Library/Application Support/Mozilla/NativeMessagingHosts');
  });
  it('Windows: a manifest file and a registry key', () => {
    const t = installTarget('chrome', win);
    expect(t.manifestPath).toBe('C:\\Users\\ada\\AppData\\Local\\byok-bridge\\chrome\\dev.byok.bridge.json');
    expect(t.registryKey).toBe('HKCU\\Software\\Google\\Chrome\\NativeMessagingHosts\\dev.byok.bridge');
    expect(installTarget('firefox', win).registryKey).toBe('HKCU\\Software\\Mozilla\\NativeMessagingHosts\\dev.byok.bridge');
    expect(installTarget('edge', win).registryKey).toBe('HKCU\\Software\\Microsoft\\Edge\\NativeMessagingHosts\\dev.byok.bridge');
  });
  it('a Chromium profile of its own (--user-data-dir)', () => {
    expect(installTarget('chromium', linux, '/tmp/profile').manifestPath).toBe('/tmp/profile/NativeMessagingHosts/dev.byok.bridge.json');
  });
  it('names node by its absolute path in the launcher', () => {
    expect(launcherScript('linux', '/opt/node/bin/node', "/it's/cli.mjs")).toContain(`exec '/opt/node/bin/node' '/it'\\''s/cli.mjs' host "$@"`);
    expect(launcherScript('win32', 'C:\\node.exe', 'C:\\b\\cli.mjs')).toContain('"C:\\node.exe" "C:\\b\\cli.mjs" host %*');
  });
  it('allows only the wallet: its extension origin in Chromium, its add-on id in Firefox', () => {
    expect(hostManifest('chromium', '/l.sh', ID).allowed_origins).toEqual([`chrome-extension://${ID}/`]);
    expect(hostManifest('firefox', '/l.sh').allowed_extensions).toEqual(['wallet@byok.dev']);
    expect(() => hostManifest('chrome', '/l.sh')).toThrow(/extension-id/);
  });
});
