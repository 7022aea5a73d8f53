/**
 * Attack: a provider whose errors echo the key, in every shape it can (docs/THREAT_MODEL.md). The
 * page gets a 5000 error that says what the provider said, with the key removed; nothing any
 * page, window or console of the session shows contains the key (tests/e2e/exfiltration.spec.ts
 * covers the bundled mock's OpenAI and Anthropic shapes).
 */
import { createServer, type Server } from 'node:http';
import type { ConsoleMessage } from '@playwright/test';
import { test, expect, PASSPHRASE } from '../fixtures';
import { connectApproved } from '../po/setup';
import { callIn } from './helpers';

/** A key with characters that differ in URL and JSON encodings. */
const KEY = 'lk/+=&"%:SECRET-0123456789-abcdef';
/** The name the person gave the key: theirs, never a site's to see. */
const KEY_NAME = 'Jane Doe - ACME corp card';
const encodings = [KEY, encodeURIComponent(KEY), JSON.stringify(KEY).slice(1, -1), Buffer.from(KEY).toString('base64'), Buffer.from(KEY).toString('hex')];
/** Pieces of the key: 12 characters from either end, in the case a server may change it to. */
const pieces = [KEY.slice(0, 12), KEY.slice(-12), KEY.slice(-12).toUpperCase(), KEY.slice(12, 24)];

type Reply = { status: number; type?: string; body: string } | { sse: string[] };

/** What the leaky provider answers to a user message containing each case's name. */
const CASES: Record<string, Reply> = {
  'url-encoded-401': { status: 401, body: JSON.stringify({ error: { message: `Incorrect API key provided: ${encodeURIComponent(KEY)}.`, type: 'invalid_request_error', code: 'invalid_api_key' } }) },
  'raw-400': { status: 400, body: JSON.stringify({ error: { message: `The key ${KEY} may not use this model`, type: 'invalid_request_error' } }) },
  'json-escaped-not-json': { status: 400, type: 'text/plain', body: `{"error": "bad key \\"${JSON.stringify(KEY).slice(1, -1)}\\"` },
  'in-type-and-code': { status: 403, body: JSON.stringify({ error: { message: 'denied', type: KEY, code: KEY, param: KEY } }) },
  'html-502': { status: 502, type: 'text/html', body: `<html><body><h1>Bad gateway</h1><pre>Authorization: Bearer ${KEY}</pre></body></html>` },
  'base64-401': { status: 401, body: JSON.stringify({ error: { message: `credentials ${Buffer.from(KEY).toString('base64')} rejected`, type: 'invalid_request_error' } }) },
  'split-key-401': { status: 401, body: JSON.stringify({ error: { message: `key ${KEY.slice(0, 12)}\n${KEY.slice(12)} rejected`, type: 'invalid_request_error' } }) },
  'percent-every-byte-401': { status: 401, body: JSON.stringify({ error: { message: `key ${[...Buffer.from(KEY)].map((b) => `%${b.toString(16)}`).join('')} rejected` } }) },
  'entities-502': { status: 502, type: 'text/html', body: `<p>Key: ${[...KEY].map((c) => `&#${c.charCodeAt(0)};`).join('')}</p>` },
  'last-12-upper-400': { status: 400, body: JSON.stringify({ error: { message: `key ending ${KEY.slice(-12).toUpperCase()} is not valid`, type: 'invalid_request_error' } }) },
  'long-400': { status: 400, body: JSON.stringify({ error: { message: `${'word '.repeat(95)}${KEY} ${KEY}`, type: 'invalid_request_error' } }) },
  'stream-error': {
    sse: [
      JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'leaky-model', choices: [{ index: 0, delta: { role: 'assistant', content: 'Hello ' }, finish_reason: null }] }),
      JSON.stringify({ error: { message: `stream failed for key ${KEY}`, type: 'server_error' } }),
    ],
  },
};

async function startLeakyProvider(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*' };
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
    if (req.url?.endsWith('/models')) {
      return void res.writeHead(200, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data: [{ id: 'leaky-model', object: 'model', owned_by: 'leaky' }] }));
    }
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const name = Object.keys(CASES).find((c) => body.includes(c));
      const reply = name ? CASES[name]! : { status: 500, body: '{}' };
      if ('sse' in reply) {
        res.writeHead(200, { ...cors, 'content-type': 'text/event-stream' });
        for (const data of reply.sse) res.write(`data: ${data}\n\n`);
        return void res.end();
      }
      res.writeHead(reply.status, { ...cors, 'content-type': reply.type ?? 'application/json', 'x-echo-key': KEY }).end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, server };
}

test('a provider echoing the key in any shape: the page gets the error without it, and no console shows it; no page sees the key’s name', async ({ context, options, site, sw }) => {
  const leaky = await startLeakyProvider();
  const consoles: string[] = [];
  const record = (where: string) => (m: ConsoleMessage) => consoles.push(`${where}: ${m.text()}`);
  context.on('page', (p) => {
    p.on('console', record(p.url()));
    p.on('pageerror', (e) => consoles.push(`${p.url()}: ${e.message}`));
  });
  sw.on('console', record('service worker'));
  try {
    await options.createWallet(PASSPHRASE);
    await options.addKey({ provider: 'OpenAI-compatible', name: KEY_NAME, key: KEY, baseUrl: `${leaky.url}/v1` });
    const app = await context.newPage();
    await app.goto(`${site.url}/index.html`);
    await connectApproved(context, app, {}, '1');

    const seen: unknown[] = [];
    for (const name of Object.keys(CASES)) {
      const result = await app.evaluate(async (content) => {
        try {
          const deltas: string[] = [];
          const byok = (window as unknown as { byok: { chat(r: unknown, o: unknown): Promise<unknown> } }).byok;
          return { value: await byok.chat({ messages: [{ role: 'user', content }] }, { onDelta: (d: string) => deltas.push(d) }), deltas };
        } catch (e) {
          const err = e as { code: number; message: string; data?: unknown; stack?: string };
          return { code: err.code, message: err.message, data: err.data, stack: err.stack };
        }
      }, name);
      expect(result, name).toMatchObject({ code: 5000, message: expect.stringMatching(/error/) });
      seen.push(result);
    }
    // The provider's words are still there for the developer: status and type, minus the key.
    const urlEncoded = seen[0] as { message: string; data: { status: number; kind: string } };
    expect(urlEncoded.message).toContain('HTTP 401');
    expect(urlEncoded.message).toContain('Incorrect API key provided: [redacted]');
    expect(urlEncoded.data).toMatchObject({ status: 401, kind: 'auth' });

    // models() names the provider, never the key.
    const models = await callIn(app, 'models');
    expect(models).toEqual([{ id: 'leaky-model', provider: 'openai', label: 'leaky-model (OpenAI-compatible)' }]);

    const pageVisible: Record<string, string> = {
      errors: JSON.stringify(seen),
      models: JSON.stringify(models),
      grant: JSON.stringify(await callIn(app, 'getGrant')),
      page: await app.content(),
    };
    for (const [where, text] of Object.entries(pageVisible)) expect(text.includes(KEY_NAME) || text.includes('ACME'), `the key's name appears in ${where}`).toBe(false);

    const haystacks: Record<string, string> = {
      errors: JSON.stringify(seen),
      consoles: consoles.join('\n'),
      page: await app.content(),
      options: await (await options.open()).content(),
      ledger: JSON.stringify(await callIn(app, 'getGrant')),
    };
    for (const [where, text] of Object.entries(haystacks)) {
      for (const needle of [...encodings, ...pieces]) expect(text.includes(needle), `the key (${needle}) appears in ${where}`).toBe(false);
    }
  } finally {
    await new Promise((resolve) => leaky.server.close(resolve));
  }
});
