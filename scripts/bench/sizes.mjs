/** Bytes of the scripts that run on every page: raw and gzip. */
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

export async function scriptSizes(extensionDir) {
  const out = {};
  for (const [name, path] of [['inpage', 'content-scripts/inpage.js'], ['relay', 'relay.js']]) {
    const bytes = await readFile(join(extensionDir, path));
    out[name] = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  }
  return out;
}
