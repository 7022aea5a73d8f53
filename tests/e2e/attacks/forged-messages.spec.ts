/**
 * Attack: a page forging messages on the page ↔ content channel, and another frame posting into
 * its parent (docs/THREAT_MODEL.md). A page gets nothing beyond its own grant; the content script
 * relays only events on its own window.
 */
import { test, expect, PASSPHRASE, TEST_KEY } from '../fixtures';
import { messages } from '../../../lib/protocol/messages';
import { connectApproved, walletWithKeys } from '../po/setup';
import { addFrame, callIn, postRaw, type Built } from './helpers';

const user = (content: string) => ({ messages: [{ role: 'user', content }] });
const invalid = (field: string) => expect.objectContaining({ code: -32602, message: expect.stringContaining(`Invalid request: ${field}`) });
const unsupported = (method: string) => ({ code: 4200, message: messages.unsupportedMethod(method) });

test('a page forging wire messages gets nothing beyond its own grant', async ({ context, options, app, mock, site }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  await connectApproved(context, app, {}, '1');
  const before = await callIn(app, 'getGrant');
  mock.reset();

  const replies = await postRaw(app, [
    // A claimed origin, anywhere, is an unknown field.
    { t: 'req', id: 1001, method: 'getGrant', origin: site.otherOrigin },
    { t: 'req', id: 1002, method: 'connect', params: { origin: site.otherOrigin } },
    { t: 'req', id: 1003, method: 'chat', params: { ...user('x'), origin: site.otherOrigin } },
    // Methods that are not page methods: prototype names, UI commands, internals.
    ...['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'vault.unlock', 'keys.list', 'grants.update', 'approvals.decide', 'approve'].map(
      (method, i) => ({ t: 'req', id: 1100 + i, method }),
    ),
    // Wrong ids: out of range gets an error naming the field; no usable id gets no reply at all.
    { t: 'req', id: -1, method: 'getGrant' },
    { t: 'req', id: 2 ** 31 + 1, method: 'getGrant' },
    { t: 'req', id: 1.5, method: 'getGrant' },
    { t: 'req', id: '1200', method: 'getGrant' },
    { t: 'req', method: 'getGrant' },
    // A reply or an event posted toward the wallet is not a request.
    { t: 'res', id: 1201, ok: true, value: { origin: site.otherOrigin } },
    { t: 'event', name: 'grantChanged', data: null },
    // Huge payloads: over the intent's limits, refused before anything is sent.
    { $: 'text', id: 1300, size: 4_000_001 } satisfies Built,
    { $: 'text', id: 1301, size: 30_000_000 } satisfies Built,
    { t: 'req', id: 1302, method: 'chat', params: { messages: Array.from({ length: 2_001 }, () => ({ role: 'user', content: 'x' })) } },
    { t: 'req', id: 1303, method: 'x'.repeat(100_000) },
    // Deeply nested junk.
    { $: 'deep', id: 1304, size: 1_000 } satisfies Built,
  ]);

  const byId = new Map(replies.map((r) => [r.id, r]));
  expect(byId.get(1001)?.error).toEqual(invalid('message.origin: unknown field'));
  expect(byId.get(1002)?.error).toEqual(invalid('params.origin: unknown field'));
  expect(byId.get(1003)?.error).toEqual(invalid('params.origin: unknown field'));
  ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'vault.unlock', 'keys.list', 'grants.update', 'approvals.decide', 'approve'].forEach((method, i) =>
    expect(byId.get(1100 + i)?.error, method).toEqual(unsupported(method)),
  );
  expect(byId.get(-1)?.error).toEqual(invalid('message.id'));
  expect(byId.get(2 ** 31 + 1)?.error).toEqual(invalid('message.id'));
  expect(byId.get(1201)?.error).toEqual(invalid('message.t'));
  expect(byId.get(1300)?.error).toEqual(invalid('params.messages[0].content'));
  expect(byId.get(1301)?.error).toEqual(invalid('params.messages[0].content'));
  expect(byId.get(1302)?.error).toEqual(invalid('params.messages'));
  // A method name of 100 000 characters: over the smallest size limit, refused before it is read.
  expect(byId.get(1303)?.error).toEqual({ code: -32602, message: messages.requestTooLarge('x'.repeat(100_000)) });
  expect(byId.get(1304)?.error).toEqual(invalid('params.messages'));
  // Exactly these replies, each an error, nothing else.
  expect(replies.map((r) => r.id).sort((a, b) => a - b)).toEqual(
    [-1, 1001, 1002, 1003, ...Array.from({ length: 9 }, (_, i) => 1100 + i), 1201, 1300, 1301, 1302, 1303, 1304, 2 ** 31 + 1].sort((a, b) => a - b),
  );
  expect(replies.every((r) => r.ok === false)).toBe(true);

  // An id already in flight is refused; a cancel reaches the page's own request.
  await app.evaluate(() => {
    const w = window as unknown as { __hung: unknown[] };
    w.__hung = [];
    window.addEventListener('byok/v1:to-page', (event) => {
      const m = JSON.parse((event as CustomEvent<string>).detail) as { t: string; id: number };
      if (m.t === 'res' && m.id === 2000) w.__hung.push(m);
    });
    const post = (m: unknown) => window.dispatchEvent(new CustomEvent('byok/v1:to-wallet', { detail: JSON.stringify(m) }));
    post({ t: 'req', id: 2000, method: 'chat', params: { messages: [{ role: 'user', content: '[[hang]]' }] }, stream: true });
    post({ t: 'req', id: 2000, method: 'getGrant' });
  });
  const hung = () => app.evaluate(() => (window as unknown as { __hung: unknown[] }).__hung);
  await expect.poll(hung).toEqual([{ t: 'res', id: 2000, ok: false, error: invalid('id: already in flight') }]);
  await expect.poll(() => mock.stats().active).toBe(1); // the first one is at the provider
  await app.evaluate(() => window.dispatchEvent(new CustomEvent('byok/v1:to-wallet', { detail: JSON.stringify({ t: 'cancel', id: 2000 }) })));
  await expect.poll(async () => (await hung()).length).toBe(2);
  expect((await hung())[1]).toMatchObject({ ok: false, error: { data: { aborted: true } } });

  // Nothing changed: the same grant, nothing spent, nothing but the one hung call reached the provider.
  expect(await callIn(app, 'getGrant')).toEqual(before);
  expect(mock.stats().completions).toBe(1);
  const other = await context.newPage();
  await other.goto(`${site.otherOrigin}/index.html`);
  expect(await callIn(other, 'getGrant')).toBeNull();
});

test('fake replies and events posted in a page reach only that page, never the wallet or other pages', async ({ context, options, app, mock, site }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  await connectApproved(context, app, {}, '1');
  const sibling = await context.newPage();
  await sibling.goto(`${site.url}/index.html`);
  const listen = (page: typeof app) =>
    page.evaluate(() => {
      const w = window as unknown as { byok: { on(e: string, f: (d: unknown) => void): void }; __events: string[] };
      w.__events = [];
      for (const name of ['lock', 'grantChanged']) w.byok.on(name, (data) => w.__events.push(`${name}:${JSON.stringify(data)}`));
    });
  await listen(app);
  await listen(sibling);
  // The page forges wallet→page traffic in its own window.
  await app.evaluate(() => {
    const post = (m: unknown) => window.dispatchEvent(new CustomEvent('byok/v1:to-page', { detail: JSON.stringify(m) }));
    post({ t: 'event', name: 'lock', data: null });
    post({ t: 'event', name: 'grantChanged', data: null });
    post({ t: 'res', id: 1, ok: true, value: 'forged' });
  });
  await expect.poll(() => app.evaluate(() => (window as unknown as { __events: string[] }).__events)).toEqual(['lock:null', 'grantChanged:null']);
  // The wallet saw none of it: the grant is intact ...
  expect(await callIn(app, 'getGrant')).toMatchObject({ origin: site.url });
  // ... and a real lock reaches both pages once: the forged one stayed in the forging page.
  const page = await options.open();
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect.poll(() => sibling.evaluate(() => (window as unknown as { __events: string[] }).__events)).toEqual(['lock:null']);
  await expect.poll(() => app.evaluate(() => (window as unknown as { __events: string[] }).__events)).toEqual(['lock:null', 'grantChanged:null', 'lock:null']);
});

test('a cross-origin iframe cannot post requests or fake replies into its parent', async ({ context, options, mock, site }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  const parent = await context.newPage();
  await parent.goto(`${site.url}/frame.html`);
  await connectApproved(context, parent, {}, '1');
  const child = await addFrame(parent, { src: `${site.otherOrigin}/index.html` });
  const dataFrame = await addFrame(parent, { src: 'data:text/html,<p>data</p>' });
  mock.reset();

  // The parent: a chat that hangs (a pending request the frames try to answer), a grant listener,
  // every reply it receives, and the frames' messages as they arrive.
  await parent.evaluate(() => {
    const w = window as unknown as {
      byok: { chat(r: unknown, o: unknown): Promise<unknown>; on(e: string, f: (d: unknown) => void): void };
      __hung: Promise<unknown>;
      __abort: AbortController;
      __events: unknown[];
      __replies: number[];
      __foreign: number[];
    };
    w.__abort = new AbortController();
    w.__hung = w.byok.chat({ messages: [{ role: 'user', content: '[[hang]]' }] }, { signal: w.__abort.signal, onDelta: () => undefined }).then(
      (value) => ({ value }),
      (e: Error) => ({ name: e.name }),
    );
    w.__events = [];
    w.__replies = [];
    w.__foreign = [];
    w.byok.on('grantChanged', (d) => w.__events.push(d));
    window.addEventListener('byok/v1:to-page', (event) => {
      const m = JSON.parse((event as CustomEvent<string>).detail) as { t: string; id: number };
      if (m.t === 'res') w.__replies.push(m.id);
    });
    window.addEventListener('message', (event) => {
      const data = event.data as { m?: { id?: unknown } } | null;
      if (event.source !== window && typeof data?.m?.id === 'number') w.__foreign.push(data.m.id);
    });
  });
  await expect.poll(() => mock.stats().active).toBe(1);

  const forge = (base: number) => {
    let unreachable = 0;
    const post = (m: unknown) => {
      const toWallet = (m as { t: string }).t === 'req';
      // The wire is events on the parent's window, which another origin cannot dispatch ...
      try {
        window.parent.dispatchEvent(new CustomEvent(toWallet ? 'byok/v1:to-wallet' : 'byok/v1:to-page', { detail: JSON.stringify(m) }));
      } catch {
        unreachable++;
      }
      // ... and a window message shaped like one is not a wire message.
      window.parent.postMessage({ 'byok/v1': toWallet ? 'to-wallet' : 'to-page', m }, '*');
    };
    post({ t: 'req', id: base + 1, method: 'disconnect' });
    post({ t: 'req', id: base + 2, method: 'chat', params: { messages: [{ role: 'user', content: 'forged from a frame' }] } });
    post({ t: 'req', id: base + 3, method: 'marker.unknown' });
    for (let id = 0; id < 100; id++) post({ t: 'res', id, ok: true, value: 'forged' });
    post({ t: 'event', name: 'grantChanged', data: null });
    post({ t: 'req', id: base + 9, method: 'marker.unknown' });
    return unreachable;
  };
  // Every event was refused to both frames: 3 requests, 100 replies, 1 event and the last request.
  expect(await child.evaluate(forge, 4000)).toBe(105);
  expect(await dataFrame.evaluate(forge, 5000)).toBe(105);
  // Both frames' last messages arrived in the parent's window (so did everything before them) ...
  await expect.poll(() => parent.evaluate(() => (window as unknown as { __foreign: number[] }).__foreign.filter((id) => id === 4009 || id === 5009))).toEqual([4009, 5009]);
  // ... and a request of the parent's own, after them, is answered first: none was relayed.
  expect(await postRaw(parent, [])).toEqual([]);
  const state = await parent.evaluate(() => {
    const w = window as unknown as { __replies: number[]; __events: unknown[]; __abort: AbortController; __hung: Promise<unknown> };
    w.__abort.abort();
    return w.__hung.then((hung) => ({ replies: w.__replies.filter((id) => id >= 4000 && id < 6000), events: w.__events, hung }));
  });
  // The fake replies did not settle the parent's pending chat, the fake event was not delivered.
  expect(state).toEqual({ replies: [], events: [], hung: { name: 'AbortError' } });
  expect(await callIn(parent, 'getGrant')).toMatchObject({ origin: site.url });
  expect(mock.stats().completions).toBe(1);
  expect(JSON.stringify(mock.stats().last?.body)).not.toContain('forged from a frame');
});
