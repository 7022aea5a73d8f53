// Prints the raw and gzip size of the built client: the core (discovery, errors, connect / chat
// sugar) bundled and minified as an app's bundler would, and each entry point for comparison.
// Fails when the core is over its 2 KB gzip budget. Builds first when client/dist is missing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { rolldown } from 'rolldown';

const here = dirname(fileURLToPath(import.meta.url));
const CORE_BUDGET_GZIP = 2048;

if (!existsSync(join(here, 'dist/core.js'))) execFileSync(process.execPath, [join(here, 'build.mjs')], { stdio: 'inherit' });

async function measure(entry) {
  const bundle = await rolldown({ input: join(here, 'dist', entry), logLevel: 'silent' });
  const { output } = await bundle.generate({ format: 'esm', minify: true });
  await bundle.close();
  const code = output[0].code;
  return { raw: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length };
}

const rows = [];
for (const [name, entry] of [['core', 'core.js'], ['fetch', 'fetch.js'], ['language-model', 'language-model.js'], ['index (all)', 'index.js']]) {
  rows.push({ name, ...(await measure(entry)) });
}
console.log('entry             raw bytes   gzip bytes   (minified bundle)');
for (const r of rows) console.log(`${r.name.padEnd(16)} ${String(r.raw).padStart(10)} ${String(r.gzip).padStart(12)}`);
const core = rows[0];
if (core.gzip > CORE_BUDGET_GZIP) {
  console.error(`core is ${core.gzip} bytes gzip, over its budget of ${CORE_BUDGET_GZIP}`);
  process.exit(1);
}
console.log(`core: ${core.gzip} / ${CORE_BUDGET_GZIP} bytes gzip`);
