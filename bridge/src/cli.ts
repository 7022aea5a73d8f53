/** `byok-bridge <command>`: the entry of bridge/cli.mjs (bundled into bridge/dist/cli.mjs). */
import { request } from 'node:http';
import { homedir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { parseCommand, USAGE } from './args';
import { install, installStatus, uninstall } from './install';
import { readEndpoint, stateDir } from './endpoint-file';
import { runHost } from './host';
import { envLines } from './env-lines';

/** The package's cli.mjs, which the launcher runs (dist/cli.mjs sits one folder below it). */
const cliPath = () => join(dirname(dirname(fileURLToPath(import.meta.url))), 'cli.mjs');

/** Calls the running host; resolves status and parsed JSON. No timeout: an approval waits for the person. */
export function callHost(port: number, method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = request({ host: '127.0.0.1', port, method, path, headers: data ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> });
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
    req.on('error', reject);
    req.end(data);
  });
}

function endpointPort(given?: number): number | null {
  if (given) return given;
  const env = Number(process.env.BYOK_BRIDGE_PORT);
  if (Number.isInteger(env) && env > 0) return env;
  return readEndpoint(stateDir(process.platform, homedir(), process.env))?.port ?? null;
}

const NOT_RUNNING = 'byok-bridge is not running: turn on "Allow local apps" in the wallet\'s options page (after `byok-bridge install`), or pass --port.';

async function connect(name: string, budget: { usd: number; period: string } | undefined, scopes: string[] | undefined, given?: number): Promise<number> {
  const port = endpointPort(given);
  if (!port) return fail(NOT_RUNNING);
  process.stderr.write(`Asking the byok wallet to connect "${name}": approve it in the wallet's window.\n`);
  let answer;
  try {
    answer = await callHost(port, 'POST', '/byok/connect', { name, ...(budget ? { budget } : {}), ...(scopes ? { scopes } : {}) });
  } catch {
    return fail(NOT_RUNNING);
  }
  const token = answer.body.token;
  if (answer.status !== 200 || typeof token !== 'string') {
    const message = (answer.body.error as { message?: string } | undefined)?.message ?? `the wallet answered ${answer.status}`;
    return fail(`Not connected: ${message}`);
  }
  process.stdout.write(envLines(port, token).join('\n') + '\n');
  return 0;
}

async function status(): Promise<number> {
  for (const s of installStatus()) console.log(`${s.browser.padEnd(9)} ${s.installed ? `installed (${s.allowed?.join(', ')})` : 'not installed'}  ${s.manifestPath}`);
  const port = endpointPort();
  if (!port) return console.log('endpoint: not running'), 0;
  const live = await callHost(port, 'GET', '/byok/status').catch(() => null);
  console.log(live?.status === 200 ? `endpoint: http://127.0.0.1:${port} (running)` : `endpoint: not running (last at port ${port})`);
  return 0;
}

function fail(message: string): number {
  process.stderr.write(`${message}\n`);
  return 1;
}

/** Runs a command; resolves the exit code (the host never resolves: it lives as long as its browser port). */
export async function main(argv: string[]): Promise<number> {
  const cmd = parseCommand(argv);
  if ('error' in cmd) return fail(`${cmd.error}\n\n${USAGE}`);
  try {
    switch (cmd.command) {
      case 'help':
        process.stdout.write(USAGE);
        return 0;
      case 'host':
        runHost();
        return new Promise<number>(() => undefined);
      case 'install': {
        const path = install(cmd, cliPath());
        console.log(`Installed the byok-bridge host for ${cmd.browser}: ${path}\nNow turn on "Allow local apps" in the wallet's options page.`);
        return 0;
      }
      case 'uninstall':
        console.log(uninstall(cmd) ? `Removed the byok-bridge host for ${cmd.browser}.` : `byok-bridge was not installed for ${cmd.browser}.`);
        return 0;
      case 'status':
        return await status();
      case 'connect':
        return await connect(cmd.name, cmd.budget, cmd.scopes, cmd.port);
    }
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}
