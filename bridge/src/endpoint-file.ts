/**
 * Where the running host says which port it listens on, so `connect` finds it without `--port`.
 * Only the port and the host's pid: no token, no key (docs/THREAT_MODEL.md).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface EndpointInfo {
  port: number;
  pid: number;
}

/** The per-user folder of the bridge's state: `%LOCALAPPDATA%\byok-bridge` on Windows, `~/.byok-bridge` elsewhere. */
export function stateDir(platform: NodeJS.Platform, home: string, env: Record<string, string | undefined>): string {
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'byok-bridge');
  return join(home, '.byok-bridge');
}

export function writeEndpoint(dir: string, info: EndpointInfo): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'endpoint.json'), JSON.stringify(info) + '\n', { mode: 0o600 });
}

export function readEndpoint(dir: string): EndpointInfo | null {
  try {
    const info = JSON.parse(readFileSync(join(dir, 'endpoint.json'), 'utf8')) as Partial<EndpointInfo>;
    return typeof info.port === 'number' && typeof info.pid === 'number' ? { port: info.port, pid: info.pid } : null;
  } catch {
    return null;
  }
}
