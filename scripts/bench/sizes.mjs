/** Bytes of the scripts that run on every page: raw and gzip. */
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

export async function scriptSizes(extensionDir) {
  const out = {};
  for (const name of ['inpage', 'relay']) {
    const bytes = await readFile(join(extensionDir, 'content-scripts', `${name}.js`));
    out[name] = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  }
  return out;
}
