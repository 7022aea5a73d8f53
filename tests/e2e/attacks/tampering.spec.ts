/**
 * Attack: a page tampering with `window.byok` and with its own globals (docs/THREAT_MODEL.md).
 * The provider is frozen; everything the wallet decides is decided outside the page's JavaScript
 * world (the content script's isolated world, the background), so tampering stays in that page.
 */
import { test, expect, PASSPHRASE, TEST_KEY } from '../fixtures';
import { messages } from '../../../lib/protocol/messages';
import { connectApproved, walletWithKeys } from '../po/setup';
import { callIn } from './helpers';

test('the provider is frozen: it cannot be changed, extended, replaced or deleted', async ({ app }) => {
  const attempts = await app.evaluate(() => {
    'use strict';
    const w = window as unknown as { byok: Record<string, unknown> };
    const byok = w.byok;
    const tries: Record<string, () => unknown> = {
      assignMethod: () => (byok.chat = () => 'hijacked'),
      addProperty: () => (byok.evil = 1),
      deleteMethod: () => delete byok.connect,
      defineProperty: () => Object.defineProperty(byok, 'connect', { value: () => 'hijacked' }),
      setPrototype: () => Object.setPrototypeOf(byok, { connect: () => 'hijacked' }),
      replaceGlobal: () => (w.byok = { connect: () => 'hijacked' }),
      redefineGlobal: () => Object.defineProperty(window, 'byok', { value: { connect: () => 'hijacked' } }),
      deleteGlobal: () => delete (w as { byok?: unknown }).byok,
    };
    const failed: string[] = [];
    for (const [name, attempt] of Object.entries(tries)) {
      try {
        attempt();
      } catch {
        failed.push(name);
      }
    }
    let announced: { detail: { provider: unknown; info: unknown } } | null = null;
    window.addEventListener('byok:announceProvider', (e) => (announced = e as unknown as { detail: { provider: unknown; info: unknown } }), { once: true });
    window.dispatchEvent(new Event('byok:requestProvider'));
    const detail = (announced as { detail: { provider: unknown; info: unknown } } | null)?.detail;
    return {
      failed,
      frozen: Object.isFrozen(byok),
      same: w.byok === byok,
      methods: ['connect', 'getGrant', 'disconnect', 'models', 'embed', 'chat', 'on', 'off'].every((m) => typeof byok[m] === 'function' && !String(byok[m]).includes('hijacked')),
      announced: detail?.provider === byok && Object.isFrozen(detail) && Object.isFrozen(detail.info),
    };
  });
  expect(attempts).toEqual({
    failed: ['assignMethod', 'addProperty', 'deleteMethod', 'defineProperty', 'setPrototype', 'replaceGlobal', 'redefineGlobal', 'deleteGlobal'],
    frozen: true,
    same: true,
    methods: true,
    announced: true,
  });
});

test('prototype pollution in a page gives it no other origin, scope or model', async ({ context, options, app, mock, site }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  await connectApproved(context, app, { models: ['gpt-4o-mini'] }, '1');
  const victim = await context.newPage();
  await victim.goto(`${site.otherOrigin}/index.html`);
  await connectApproved(context, victim, { scopes: ['chat', 'models', 'embed'] }, '1');

  await app.evaluate((victimOrigin) => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.origin = victimOrigin;
    proto.scopes = ['chat', 'models', 'embed'];
    proto.models = ['claude-haiku-4-5'];
    proto.model = 'claude-haiku-4-5';
    proto.budget = { usd: 1_000_000, period: 'total' };
    Array.prototype.includes = () => true;
  }, site.otherOrigin);
  // Only own properties cross the channel: the wallet sees the page's request, nothing inherited.
  expect(await callIn(app, 'getGrant')).toMatchObject({ origin: site.url, models: ['gpt-4o-mini'], budget: { usd: 1 } });
  expect(await callIn(app, 'chat', { messages: [{ role: 'user', content: 'hi' }], model: 'claude-haiku-4-5' })).toMatchObject({
    error: { code: 4100, message: messages.modelNotGranted('claude-haiku-4-5') },
  });
  expect(await callIn(app, 'chat', { messages: [{ role: 'user', content: 'hi' }] })).toMatchObject({ model: 'gpt-4o-mini' });
  expect(await callIn(app, 'embed', { input: 'x' })).toMatchObject({ error: { code: 4100, message: messages.scopeNotGranted('embed') } });

  // The other page is untouched and keeps its own grant.
  expect(await victim.evaluate(() => (Object.prototype as Record<string, unknown>).origin)).toBeUndefined();
  expect(await callIn(victim, 'getGrant')).toMatchObject({ origin: site.otherOrigin, scopes: ['chat', 'models', 'embed'] });
  expect(await callIn(victim, 'chat', { messages: [{ role: 'user', content: 'still mine' }], model: 'claude-haiku-4-5' })).toMatchObject({
    text: expect.stringContaining('still mine'),
  });
});

test("a page that sabotages its own dispatchEvent, addEventListener, CustomEvent and JSON cannot reach the content script's world, other pages or the wallet", async ({
  context,
  options,
  mock,
  site,
}) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  const victim = await context.newPage();
  await victim.goto(`${site.otherOrigin}/index.html`);
  await connectApproved(context, victim, {}, '1');

  const attacker = await context.newPage();
  // Before any script of the page: keep the real functions, then break every shared-looking global.
  await attacker.addInitScript((victimOrigin) => {
    const detail = Object.getOwnPropertyDescriptor(CustomEvent.prototype, 'detail')!.get!;
    const real = { add: EventTarget.prototype.addEventListener, dispatch: EventTarget.prototype.dispatchEvent, detail, parse: JSON.parse, stringify: JSON.stringify };
    Object.defineProperty(window, '__real', { value: real });
    const forged = real.stringify({ t: 'req', id: 9, method: 'getGrant', origin: victimOrigin });
    EventTarget.prototype.addEventListener = () => undefined;
    EventTarget.prototype.dispatchEvent = () => true;
    Object.defineProperty(CustomEvent.prototype, 'detail', { get: () => forged });
    Object.defineProperty(Event.prototype, 'type', { get: () => 'byok/v1:to-wallet' });
    JSON.parse = () => ({ origin: victimOrigin });
    JSON.stringify = () => '{}';
    window.postMessage = () => undefined;
  }, site.otherOrigin);
  await attacker.goto(`${site.url}/index.html`);

  // The page speaks the wire protocol by hand, with the real functions it kept.
  const replies = await attacker.evaluate(
    (victimOrigin) =>
      new Promise<unknown[]>((resolve) => {
        type Real = { add: typeof addEventListener; dispatch: typeof dispatchEvent; detail: () => string; parse: typeof JSON.parse; stringify: typeof JSON.stringify };
        const real = (window as unknown as { __real: Real }).__real;
        const seen: { t: string; id: number }[] = [];
        real.add.call(window, 'byok/v1:to-page', (event: Event) => {
          const m = real.parse(real.detail.call(event)) as { t: string; id: number };
          if (m.t !== 'res') return;
          seen.push(m);
          if (seen.length === 3) resolve(seen.sort((a, b) => a.id - b.id));
        });
        const post = (m: unknown) => real.dispatch.call(window, new CustomEvent('byok/v1:to-wallet', { detail: real.stringify(m) }));
        post({ t: 'req', id: 1, method: 'getGrant' });
        post({ t: 'req', id: 2, method: 'getGrant', origin: victimOrigin });
        post({ t: 'req', id: 3, method: 'chat', params: { messages: [{ role: 'user', content: 'x' }] } });
      }),
    site.otherOrigin,
  );
  // The content script, in its own world, worked normally, and the wallet answered for the page's own origin.
  expect(replies).toEqual([
    { t: 'res', id: 1, ok: true, value: null },
    { t: 'res', id: 2, ok: false, error: { code: -32602, message: messages.invalidParams('message.origin', 'unknown field') } },
    { t: 'res', id: 3, ok: false, error: { code: 4100, message: messages.notConnected(site.url) } },
  ]);
  // The victim page and the wallet are unaffected.
  expect(await victim.evaluate(() => JSON.stringify({ a: 1 }))).toBe('{"a":1}');
  expect(await callIn(victim, 'chat', { messages: [{ role: 'user', content: 'unaffected' }] })).toMatchObject({ text: expect.stringContaining('unaffected') });
});
