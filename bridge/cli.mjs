#!/usr/bin/env node
// byok-bridge: the native-messaging host of the byok wallet and its command line (docs/TERMINAL.md).
// The code is bundled into dist/ by `npm run build:bridge` (part of `npm run build`).
import { existsSync } from 'node:fs';

const dist = new URL('./dist/cli.mjs', import.meta.url);
if (!existsSync(dist)) {
  process.stderr.write('byok-bridge is not built: run `npm run build:bridge` in the byok repository.\n');
  process.exit(1);
}
const { main } = await import(dist.href);
const code = await main(process.argv.slice(2));
process.exit(code);
