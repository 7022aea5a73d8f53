/**
 * Attacks on the local-apps endpoint (docs/THREAT_MODEL.md, "A local process or a web page
 * reaching 127.0.0.1"): the real host, reached with raw HTTP from this process and from a page.
 */
import { request } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PASSPHRASE, TEST_KEY } from '../fixtures';
import { walletWithKeys } from '../po/setup';
import { allowLocalApps, connectApp, expect, installBridge, sdk, test } from '../support/bridge';

interface Raw {
  status: number;
  body: string;
}

/** One raw HTTP request to the endpoint: any headers, any Host, a declared length of our choosing. */
function raw(port: number, path: string, headers: Record<string, string>, body = ''): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: body || headers['content-length'] ? 'POST' : 'GET', path, headers, setHost: !('host' in headers) }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

test('a request with an Origin header (a web page) is refused 403', async ({ options, mock, profile, extensionId, context, site }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  installBridge(profile, extensionId);
  const port = await allowLocalApps(options);
  const app = await connectApp(context, port, 'victim', 'Approve', '1');
  const token = app.env.OPENAI_API_KEY!;
  const refused = await raw(port, '/openai/v1/models', { origin: 'https://evil.example', authorization: `Bearer ${token}` });
  expect(refused.status).toBe(403);
  expect(refused.body).not.toContain('gpt-4o-mini');
  // From a real page: the browser adds Origin itself, and no CORS header lets the page read anything.
  const page = await context.newPage();
  await page.goto(`${site.url}/index.html`);
  const fromPage = await page.evaluate(async ([p, t]) => {
    try {
      const r = await fetch(`http://127.0.0.1:${p}/openai/v1/models`, { headers: { authorization: `Bearer ${t}` } });
      return `read ${r.status}`;
    } catch {
      return 'blocked';
    }
  }, [port, token] as const);
  expect(fromPage).toBe('blocked');
});

test('a Host other than 127.0.0.1 or localhost with its port (DNS rebinding) is refused 403', async ({ options, mock, profile, extensionId }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  installBridge(profile, extensionId);
  const port = await allowLocalApps(options);
  expect((await raw(port, '/openai/v1/models', { host: `rebind.evil.example:${port}` })).status).toBe(403);
  expect((await raw(port, '/openai/v1/models', { host: `127.0.0.1:${port + 1}` })).status).toBe(403);
  expect((await raw(port, '/openai/v1/models', { host: `localhost:${port}` })).status).toBe(401);
});

test('no token, an unknown token, and a forged token are refused 401', async ({ options, mock, profile, extensionId, context }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  installBridge(profile, extensionId);
  const port = await allowLocalApps(options);
  await connectApp(context, port, 'victim', 'Approve', '1');
  mock.reset();
  expect((await raw(port, '/openai/v1/models', {})).status).toBe(401);
  expect((await raw(port, '/openai/v1/models', { authorization: 'Bearer sk-not-a-token' })).status).toBe(401);
  const unknown = await raw(port, '/anthropic/v1/messages', { 'x-api-key': 'byok_app_guessed0000000000000000000000000000000', 'content-type': 'application/json' }, JSON.stringify({ model: 'x', max_tokens: 5, messages: [{ role: 'user', content: 'hi' }] }));
  expect(unknown.status).toBe(401);
  expect(JSON.parse(unknown.body)).toMatchObject({ type: 'error', error: { type: 'authentication_error' } });
  expect(mock.stats().requests ?? 0).toBe(0);
});

test('a request body over 32 MB is refused before it is read', async ({ options, mock, profile, extensionId, context }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  installBridge(profile, extensionId);
  const port = await allowLocalApps(options);
  const app = await connectApp(context, port, 'victim', 'Approve', '1');
  const declared = await raw(port, '/openai/v1/chat/completions', { authorization: `Bearer ${app.env.OPENAI_API_KEY}`, 'content-length': String(33 * 1024 * 1024) }, 'x');
  expect(declared.status).toBe(413);
});

test('the key never crosses native messaging, and no app token is written to disk', async ({ options, mock, profile, extensionId, context }) => {
  const record = join(mkdtempSync(join(tmpdir(), 'byok-native-')), 'messages.log');
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  installBridge(profile, extensionId, record);
  const port = await allowLocalApps(options);
  const app = await connectApp(context, port, 'victim', 'Approve', '1');
  const token = app.env.OPENAI_API_KEY!;
  expect((await sdk(app.env, 'openai-stream')).text).toContain('You said');
  expect((await sdk(app.env, 'anthropic-stream')).text).toContain('mock anthropic');
  await expect.poll(() => (existsSync(record) ? readFileSync(record, 'utf8') : '')).toContain('"t":"delta"');
  const messages = readFileSync(record, 'utf8');
  expect(messages).toContain('"method":"chat"');
  expect(messages).not.toContain(TEST_KEY);
  expect(messages).not.toContain(TEST_KEY.slice(-12));
  // The token crosses as its hash only: not even the host's messages carry it.
  expect(messages).not.toContain(token);
  // Neither the profile (the wallet keeps a hash) nor the bridge's own files hold the token.
  for (const dir of [profile, join(homedir(), '.byok-bridge')]) expect(filesContaining(dir, token)).toEqual([]);
});

/** Files under `dir` whose bytes contain `needle`. */
function filesContaining(dir: string, needle: string): string[] {
  if (!existsSync(dir)) return [];
  const hits: string[] = [];
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    try {
      if (statSync(path).isFile() && readFileSync(path).includes(needle)) hits.push(path);
    } catch {
      // a file the browser removed meanwhile
    }
  }
  return hits;
}
