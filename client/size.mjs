// The raw and gzip size of the built client: the core (discovery, errors, connect / chat sugar)
// bundled and minified as an app's bundler would, and each entry point for comparison.
// `node client/size.mjs` prints them and fails when the core is over its 2 KB gzip budget;
// `clientSizes()` returns them (scripts/bench.mjs). Builds first when client/dist is missing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { rolldown } from 'rolldown';

const here = dirname(fileURLToPath(import.meta.url));
export const CORE_BUDGET_GZIP = 2048;
const ENTRIES = [
  ['core', 'core.js'],
  ['fetch', 'fetch.js'],
  ['language-model', 'language-model.js'],
  ['index (all)', 'index.js'],
];

async function measure(entry) {
  const bundle = await rolldown({ input: join(here, 'dist', entry), logLevel: 'silent' });
  const { output } = await bundle.generate({ format: 'esm', minify: true });
  await bundle.close();
  const code = output[0].code;
  return { raw: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length };
}

/**
 * @param {{ build?: boolean }} [options] `build`: rebuild client/dist first (default: only when missing)
 * @returns {Promise<{ name: string, raw: number, gzip: number }[]>} one row per entry point, core first
 */
export async function clientSizes({ build = false } = {}) {
  if (build || !existsSync(join(here, 'dist/core.js'))) execFileSync(process.execPath, [join(here, 'build.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
  const rows = [];
  for (const [name, entry] of ENTRIES) rows.push({ name, ...(await measure(entry)) });
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await clientSizes();
  console.log('entry             raw bytes   gzip bytes   (minified bundle)');
  for (const r of rows) console.log(`${r.name.padEnd(16)} ${String(r.raw).padStart(10)} ${String(r.gzip).padStart(12)}`);
  const core = rows[0];
  if (core.gzip > CORE_BUDGET_GZIP) {
    console.error(`core is ${core.gzip} bytes gzip, over its budget of ${CORE_BUDGET_GZIP}`);
    process.exit(1);
  }
  console.log(`core: ${core.gzip} / ${CORE_BUDGET_GZIP} bytes gzip`);
}
