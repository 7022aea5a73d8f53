/** The command line of `byok-bridge` (docs/TERMINAL.md): parsed and checked, nothing run. */
import { BROWSERS, type BrowserName } from './install-paths';
import { APP_NAME_PATTERN, APP_SCOPES, DEFAULT_APP_SCOPES, type AppScope } from '../../lib/protocol/bridge-limits';

export type Command =
  | { command: 'install'; browser: BrowserName; userDataDir?: string; extensionId?: string }
  | { command: 'uninstall'; browser: BrowserName; userDataDir?: string }
  | { command: 'status' }
  | { command: 'connect'; name: string; budget?: { usd: number; period: 'day' | 'week' | 'month' | 'total' }; scopes?: AppScope[]; port?: number }
  | { command: 'host' }
  | { command: 'help' };

export const USAGE = `byok-bridge: use the byok wallet from local programs, without their ever holding a key.

  byok-bridge install [--browser chrome|chromium|brave|edge|firefox] [--user-data-dir DIR] [--extension-id ID]
  byok-bridge uninstall [--browser ...] [--user-data-dir DIR]
  byok-bridge status
  byok-bridge connect --name NAME [--budget USD] [--period day|week|month|total] [--scopes LIST] [--port P]

  --scopes: what the app may do, comma-separated, of ${APP_SCOPES.join(', ')} (default ${DEFAULT_APP_SCOPES.join(',')})
`;

const FLAGS: Record<string, string[]> = {
  install: ['browser', 'user-data-dir', 'extension-id'],
  uninstall: ['browser', 'user-data-dir'],
  status: [],
  connect: ['name', 'budget', 'period', 'scopes', 'port'],
};

/** `argv` (after `node cli.mjs`) as a command, or a message saying what is wrong. */
export function parseCommand(argv: string[]): Command | { error: string } {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
  // The browser starts the host with its own arguments (the caller's origin, a window handle).
  if (command === 'host') return { command: 'host' };
  const allowed = FLAGS[command];
  if (!allowed) return { error: `unknown command '${command}'` };
  const flags: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m || !allowed.includes(m[1]!)) return { error: `unknown option '${arg}' for ${command}` };
    const value = m[2] ?? rest[++i];
    if (value === undefined || value === '') return { error: `--${m[1]} needs a value` };
    flags[m[1]!] = value;
  }
  const browser = (flags.browser ?? 'chrome') as BrowserName;
  if (!BROWSERS.includes(browser)) return { error: `--browser must be one of ${BROWSERS.join(', ')}` };
  const dir = flags['user-data-dir'] ? { userDataDir: flags['user-data-dir'] } : {};
  switch (command) {
    case 'install':
      return { command, browser, ...dir, ...(flags['extension-id'] ? { extensionId: flags['extension-id'] } : {}) };
    case 'uninstall':
      return { command, browser, ...dir };
    case 'status':
      return { command };
    default:
      return parseConnect(flags);
  }
}

function parseConnect(flags: Record<string, string>): Command | { error: string } {
  const name = flags.name;
  if (!name) return { error: 'connect needs --name NAME (how the wallet lists the app)' };
  if (!APP_NAME_PATTERN.test(name)) return { error: '--name: 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit' };
  const period = flags.period ?? 'month';
  if (!['day', 'week', 'month', 'total'].includes(period)) return { error: '--period must be day, week, month or total' };
  let budget: { usd: number; period: 'day' } | undefined;
  if (flags.budget !== undefined) {
    const usd = Number(flags.budget);
    if (!Number.isFinite(usd) || usd < 0) return { error: '--budget must be an amount in USD, e.g. 5 or 0.25' };
    budget = { usd, period: period as 'day' };
  }
  let scopes: AppScope[] | undefined;
  if (flags.scopes !== undefined) {
    const list = flags.scopes.split(',').map((s) => s.trim());
    const wrong = list.find((s) => !(APP_SCOPES as readonly string[]).includes(s));
    if (wrong !== undefined || list.length === 0) return { error: `--scopes: a comma-separated list of ${APP_SCOPES.join(', ')}` };
    scopes = [...new Set(list as AppScope[])];
  }
  let port: number | undefined;
  if (flags.port !== undefined) {
    port = Number(flags.port);
    if (!Number.isInteger(port) || port < 1 || port > 65_535) return { error: '--port must be a port number' };
  }
  return { command: 'connect', name, ...(budget ? { budget } : {}), ...(scopes ? { scopes } : {}), ...(port ? { port } : {}) };
}
