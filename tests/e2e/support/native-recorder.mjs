// Test-only: stands between the browser and the real byok-bridge host, passing every byte on and
// appending each native message's JSON (one per line, with its direction) to a file the attack
// test reads. `node native-recorder.mjs RECORD_FILE REAL_LAUNCHER [browser's args...]`.
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';

const [record, launcher, ...args] = process.argv.slice(2);
const host = spawn(launcher, args, { stdio: ['pipe', 'pipe', 'inherit'] });

function tap(direction) {
  let buffer = Buffer.alloc(0);
  return (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    while (buffer.length >= 4) {
      const length = buffer.readUInt32LE(0);
      if (buffer.length < 4 + length) break;
      appendFileSync(record, `${direction} ${buffer.subarray(4, 4 + length).toString('utf8')}\n`);
      buffer = buffer.subarray(4 + length);
    }
  };
}

const toHost = tap('wallet->host');
const fromHost = tap('host->wallet');
process.stdin.on('data', (c) => {
  toHost(c);
  host.stdin.write(c);
});
process.stdin.on('end', () => host.stdin.end());
host.stdout.on('data', (c) => {
  fromHost(c);
  process.stdout.write(c);
});
host.on('exit', (code) => process.exit(code ?? 0));
