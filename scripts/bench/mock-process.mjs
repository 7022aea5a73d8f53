/**
 * The mock provider in its own process. In the bench's process it would share one event loop with
 * Playwright, whose protocol traffic would then slow whichever side of a comparison is streaming.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

export async function startMockProcess() {
  const child = spawn(process.execPath, ['mock/cli.mjs'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`the mock provider exited (${code}) before it was ready`);
  });
  const lines = createInterface({ input: child.stdout });
  const [url] = await Promise.race([once(lines, 'line'), exited]);
  return {
    url: String(url).trim(),
    pid: child.pid,
    async close() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
