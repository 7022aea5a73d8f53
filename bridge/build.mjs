// Bundles bridge/src (and the client lib's translators it shares, client/src) into one file,
// bridge/dist/cli.mjs, that plain `node bridge/cli.mjs` runs with no dependencies installed.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const here = dirname(fileURLToPath(import.meta.url));
rmSync(join(here, 'dist'), { recursive: true, force: true });
const bundle = await rolldown({
  input: join(here, 'src/cli.ts'),
  platform: 'node',
  // client/src imports its own modules as `./x.js` (it is built with tsc).
  resolve: { extensionAlias: { '.js': ['.ts', '.js'] } },
  logLevel: 'warn',
});
await bundle.write({ file: join(here, 'dist/cli.mjs'), format: 'esm' });
await bundle.close();
console.log('built bridge/dist/cli.mjs');
