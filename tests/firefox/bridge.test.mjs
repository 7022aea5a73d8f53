// @ts-check
/**
 * Local apps in real Firefox ESR: byok-bridge installed into a temporary HOME's
 * ~/.mozilla/native-messaging-hosts/ (Firefox runs with that HOME), Allow local apps, connect,
 * and one chat through the official OpenAI SDK from another Node process.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startMock } from '../../mock/server.mjs';
import { launchFirefox } from './support/firefox.mjs';
import { OptionsPage, approve } from './support/po.mjs';
import { control } from './support/aria.mjs';
import { waitUntil } from './support/wait.mjs';

const PASSPHRASE = 'correct horse battery staple';
const TEST_KEY = 'sk-test-firefox-0123456789abcdefSECRET';
const CLI = resolve('bridge/cli.mjs');

/** @type {Awaited<ReturnType<typeof startMock>>} */
let mock;
const home = mkdtempSync(join(tmpdir(), 'byok-ff-home-'));

before(async () => {
  mock = await startMock();
});
after(async () => {
  await mock?.close();
  rmSync(home, { recursive: true, force: true });
});

test('a local app chats through byok-bridge in Firefox', { timeout: 180_000 }, async () => {
  execFileSync(process.execPath, [CLI, 'install', '--browser', 'firefox'], { env: { ...process.env, HOME: home } });
  const firefox = await launchFirefox({ env: { ...process.env, HOME: home } });
  try {
    const options = new OptionsPage(firefox);
    await options.createWallet(PASSPHRASE);
    await options.addKey({ provider: 'OpenAI', name: 'Mock OpenAI', key: TEST_KEY, baseUrl: `${mock.url}/v1` });
    const page = await options.view('Sites & apps');
    await (await control(page, 'Allow local apps')).click();
    const address = await waitUntil(async () => page.$eval('[data-testid="local-apps-address"]', (el) => el.textContent).catch(() => null), { what: 'the local endpoint address', timeoutMs: 30_000 });
    const port = Number(/:(\d+)$/.exec(String(address))?.[1]);
    assert.ok(port > 0, `address ${address}`);

    const child = spawn(process.execPath, [CLI, 'connect', '--name', 'ff-agent', '--port', String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (c) => (stdout += c));
    const exited = new Promise((r) => child.on('exit', r));
    await approve(firefox, { budget: '1' });
    assert.equal(await exited, 0);
    const env = Object.fromEntries(stdout.trim().split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    // Not execFileSync: the mock answers from this process, whose event loop must keep running.
    const sdk = spawn(process.execPath, [resolve('tests/e2e/support/bridge-sdk.mjs'), 'openai-stream'], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    sdk.stdout.on('data', (c) => (out += c));
    await new Promise((r) => sdk.on('exit', r));
    assert.match(String(JSON.parse(out).text), /You said: hello bridge/, out);
  } finally {
    await firefox.close();
  }
});
