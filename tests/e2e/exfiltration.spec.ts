/**
 * The key never leaves the background: a whole session is recorded from everything a page can
 * see (window messages, the wire's events, DOM, web storage, errors) and from the wallet's own storage, and the
 * key's bytes appear nowhere (docs/API.md, "What the wallet guarantees").
 */
import { test, expect, PASSPHRASE, TEST_KEY } from './fixtures';
import { byokCall, chat, user } from './po/app';
import { connectApproved, walletWithKeys } from './po/setup';

const encodings = (key: string) => [key, Buffer.from(key).toString('base64'), Buffer.from(key).toString('hex'), encodeURIComponent(key)];

test('the key appears in no page-visible channel and never in plaintext in extension storage', async ({ context, options, site, mock, sw }) => {
  // Record every window message and DOM event detail any page script could observe.
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __seen: string[] }).__seen = seen;
    const record = (what: unknown) => {
      try {
        seen.push(JSON.stringify(what));
      } catch {
        seen.push(String(what));
      }
    };
    window.addEventListener('message', (e) => record(e.data), true);
    for (const wire of ['byok/v1:to-wallet', 'byok/v1:to-page']) window.addEventListener(wire, (e) => record((e as CustomEvent).detail), true);
    window.addEventListener('byok:announceProvider', (e) => record(Object.keys((e as CustomEvent).detail)), true);
  });
  // And every console message of every page, window and the service worker.
  const consoles: string[] = [];
  const onConsole = (m: { text(): string }) => consoles.push(m.text());
  for (const p of context.pages()) p.on('console', onConsole);
  context.on('page', (p) => p.on('console', onConsole));
  sw.on('console', onConsole);
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  const app = await context.newPage();
  await app.goto(`${site.url}/index.html`);
  await connectApproved(context, app, {}, '1');

  const results: unknown[] = [];
  results.push(await chat(app, { ...user('hello'), model: 'gpt-4o-mini' }));
  results.push(await chat(app, { ...user('hello'), model: 'claude-haiku-4-5' }));
  results.push(await byokCall(app, 'models'));
  results.push(await byokCall(app, 'getGrant'));
  // A provider that echoes the key back in its error: the page gets the error with the key removed.
  for (const model of ['gpt-4o-mini', 'claude-haiku-4-5']) {
    const echoed = await chat(app, { ...user('[[echo-key]]'), model });
    expect(echoed.error).toMatchObject({ code: 5000 });
    results.push(echoed);
  }
  expect(mock.stats().last?.body).toBeTruthy();

  const pageView = await app.evaluate(() => ({
    seen: (window as unknown as { __seen: string[] }).__seen.join('\n'),
    dom: document.documentElement.outerHTML,
    local: JSON.stringify({ ...localStorage }),
    session: JSON.stringify({ ...sessionStorage }),
    byok: JSON.stringify(Object.keys((window as unknown as { byok: object }).byok)),
  }));
  expect(pageView.seen.length).toBeGreaterThan(100);
  expect(pageView.seen).toMatch(/\\"t\\":\\"res\\"/); // the wire's replies were recorded
  const optionsPage = await options.open();
  await optionsPage.reload();
  await options.view('Keys');
  await optionsPage.getByRole('button', { name: 'Add key' }).waitFor();
  const optionsDom = await optionsPage.content();

  const stored = await sw.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: { storage: Record<'local' | 'session', { get(k: null): Promise<unknown> }> } }).chrome;
    const dump: Record<string, unknown> = {
      local: await chrome.storage.local.get(null),
      session: await chrome.storage.session.get(null),
    };
    const names = (await indexedDB.databases()).map((d) => d.name!);
    for (const name of names) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      for (const table of [...db.objectStoreNames]) {
        dump[`${name}.${table}`] = await new Promise((resolve, reject) => {
          const req = db.transaction(table).objectStore(table).getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
      }
      db.close();
    }
    return { names, json: JSON.stringify(dump) };
  });
  expect(stored.names).toContain('byok');
  expect(stored.json).toContain('sealed');

  const haystacks = { ...pageView, results: JSON.stringify(results), optionsDom, extensionStorage: stored.json, consoles: consoles.join('\n') };
  for (const [where, text] of Object.entries(haystacks)) {
    for (const needle of encodings(TEST_KEY)) expect(text.includes(needle), `the key appears in ${where}`).toBe(false);
  }
  // The provider really echoed the key, so the scan would have caught an unscrubbed error.
  const direct = await fetch(`${mock.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: '[[echo-key]]' }] }),
  });
  expect(await direct.text()).toContain(TEST_KEY);
});
