/**
 * A small static web server on 127.0.0.1 for the demo app, the e2e test pages and the bench.
 * Reached as http://127.0.0.1:PORT and, as a second origin, http://localhost:PORT.
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png' };

/**
 * @param {Record<string, string>} roots URL prefix -> directory, first match wins.
 * @param {{ port?: number }} [options]
 * @returns {Promise<{ port: number, url: string, otherOrigin: string, close(): Promise<void> }>}
 */
export async function startStaticServer(roots, options = {}) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    for (const [prefix, dir] of Object.entries(roots)) {
      if (!path.startsWith(prefix)) continue;
      const rel = normalize(path.slice(prefix.length) || 'index.html');
      if (rel.startsWith('..') || rel.includes(`${sep}..`)) break;
      try {
        const body = await readFile(join(dir, rel.endsWith(sep) || rel === '.' ? join(rel, 'index.html') : rel));
        res.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
        res.end(body);
        return;
      } catch {
        // try the next root
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    otherOrigin: `http://localhost:${port}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
