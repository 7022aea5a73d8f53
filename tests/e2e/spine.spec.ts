/** The spine (issue 2): the whole product in one slice, in real Chromium, as a person uses it. */
import { test, expect, PASSPHRASE, TEST_KEY } from './fixtures';
import { byokCall, chat, rawRequest, user } from './po/app';
import { clickClosing, nextWindow, reject, unlockWindow } from './po/approval-window';
import { connectApproved, walletWithKeys } from './po/setup';

test('create the wallet, add keys, connect: reject, then approve', async ({ context, options, app, mock }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  const page = await options.open();
  await expect(page.getByRole('list', { name: 'Keys' }).getByRole('listitem')).toHaveCount(2);
  await expect(page.getByText(`••••${TEST_KEY.slice(-4)}`).first()).toBeVisible();

  const rejected = byokCall(app, 'connect', { reason: 'testing' });
  await reject(context);
  expect(await rejected).toMatchObject({ error: { code: 4001 } });

  const connecting = byokCall(app, 'connect', { budget: { usd: 0.5, period: 'day' } });
  const win = await nextWindow(context, 'approve.html');
  await expect(win.getByTestId('requesting-origin')).toHaveText(new URL(app.url()).origin);
  await expect(win.getByLabel('Budget (USD)')).toHaveValue('0.5');
  await win.getByLabel('Budget (USD)').fill('0.001');
  await clickClosing(win, 'Approve');
  const grant = (await connecting) as { origin: string; budget: { usd: number; period: string }; spentUsd: number; scopes: string[] };
  expect(grant).toMatchObject({ origin: new URL(app.url()).origin, budget: { usd: 0.001, period: 'day' }, spentUsd: 0 });
  expect(await byokCall(app, 'getGrant')).toMatchObject({ origin: grant.origin });
  // Asking again for what is granted resolves at once, with no window.
  expect(await byokCall(app, 'connect')).toMatchObject({ origin: grant.origin });
});

test('streams chat through OpenAI and Anthropic; abort; invalid input', async ({ context, options, app, mock }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  await connectApproved(context, app, {}, '1');

  const openai = await chat(app, { ...user('hello there'), model: 'gpt-4o-mini' });
  expect(openai.error).toBeUndefined();
  expect(openai.result?.text).toContain('You said: hello there');
  expect(openai.deltas.join('')).toBe(openai.result?.text);
  expect(openai.result).toMatchObject({ provider: 'openai', finishReason: 'stop' });
  expect(openai.result?.usage.outputTokens).toBeGreaterThan(0);

  const anthropic = await chat(app, { ...user('bonjour'), model: 'claude-haiku-4-5' });
  expect(anthropic.error).toBeUndefined();
  expect(anthropic.result?.text).toContain('mock anthropic');
  expect(anthropic.deltas.join('')).toBe(anthropic.result?.text);
  expect(anthropic.result).toMatchObject({ provider: 'anthropic' });

  mock.reset();
  const aborted = await chat(app, { ...user('[[chunks:400]] [[delay:20]] go') }, { abortAfterDeltas: 2 });
  expect(aborted.error).toMatchObject({ name: 'AbortError' });
  await expect.poll(() => mock.stats().aborted).toBe(1);

  const bad = await byokCall(app, 'chat', { messages: [{ role: 'wizard', content: 'x' }] });
  expect(bad).toMatchObject({ error: { code: -32602 } });
  expect((bad as { error: { message: string } }).error.message).toContain('messages[0].role');
  const extra = await byokCall(app, 'chat', { ...user('x'), temprature: 1 });
  expect((extra as { error: { message: string } }).error.message).toContain('temprature');
  expect(await byokCall(app, 'chat', { ...user('x'), model: 'not-granted' })).toMatchObject({ error: { code: 4100 } });
  expect(await rawRequest(app, 'teleport')).toMatchObject({ ok: false, error: { code: 4200 } });
  expect(await rawRequest(app, 'chat', { messages: 'nope' })).toMatchObject({ ok: false, error: { code: -32602 } });
});

test('a second origin has no grant', async ({ context, options, app, mock, site }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  await connectApproved(context, app, {}, '1');
  const other = await context.newPage();
  await other.goto(`${site.otherOrigin}/index.html`);
  expect(await byokCall(other, 'getGrant')).toBeNull();
  expect(await byokCall(other, 'chat', user('hi'))).toMatchObject({ error: { code: 4100 } });
  expect(await byokCall(other, 'models')).toMatchObject({ error: { code: 4100 } });
});

test('40 concurrent requests against a tiny budget never overspend', async ({ context, options, app, mock }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  // The mock is on 127.0.0.1 (free by default): give its model a price so the budget bites.
  await options.setPrice('gpt-4o-mini', 100, 100);
  await connectApproved(context, app, {}, '0.02');
  mock.reset();
  const outcome = await app.evaluate(async () => {
    const byok = (window as unknown as { byok: { chat(r: unknown): Promise<{ costUsd: number }>; getGrant(): Promise<{ spentUsd: number; budget: { usd: number } }> } }).byok;
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => byok.chat({ messages: [{ role: 'user', content: `request ${i}` }], model: 'gpt-4o-mini', maxTokens: 50 })),
    );
    const ok = results.filter((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ costUsd: number }>[];
    const refused = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason as { code: number });
    const grant = await byok.getGrant();
    return { ok: ok.length, costs: ok.reduce((s, r) => s + r.value.costUsd, 0), codes: [...new Set(refused.map((r) => r.code))], grant };
  });
  expect(outcome.ok).toBeGreaterThan(0);
  expect(outcome.ok).toBeLessThan(40);
  // Refused by the budget (4402), and past the default 30 a minute by the rate limit (4290).
  expect(outcome.codes).toContain(4402);
  expect(outcome.codes.every((c) => c === 4402 || c === 4290)).toBe(true);
  expect(outcome.grant.spentUsd).toBeLessThanOrEqual(0.02);
  expect(outcome.grant.spentUsd).toBeCloseTo(outcome.costs, 9);
  // The refused requests never reached the provider.
  expect(mock.stats().completions).toBe(outcome.ok);
});

test('the service worker stopped mid-session: the wallet keeps working, still unlocked', async ({ context, options, app, mock, sw }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  await connectApproved(context, app, {}, '1');
  expect((await chat(app, user('before'))).result?.text).toContain('before');
  await sw.evaluate(() => ((globalThis as unknown as { __marker: number }).__marker = 42));
  const cdp = await context.newCDPSession(app);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  // A new request wakes a new worker (the marker is gone) that is still unlocked.
  const after = await chat(app, user('after the restart'));
  expect(after.error).toBeUndefined();
  expect(after.result?.text).toContain('after the restart');
  const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  expect(await worker?.evaluate(() => (globalThis as unknown as { __marker?: number }).__marker)).toBeUndefined();
});

test('revoke, lock and unlock', async ({ context, options, app, mock }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  await connectApproved(context, app, {}, '1');
  const events = app.evaluate(
    () =>
      new Promise<unknown>((resolve) => {
        (window as unknown as { byok: { on(e: string, f: (g: unknown) => void): void } }).byok.on('grantChanged', resolve);
      }),
  );
  const origin = new URL(app.url()).origin;
  await options.revoke(origin);
  expect(await events).toBeNull();
  expect(await byokCall(app, 'chat', user('hi'))).toMatchObject({ error: { code: 4100 } });

  await connectApproved(context, app, {}, '1');
  const page = await options.open();
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByRole('button', { name: 'Unlock' }).waitFor();
  // A request while locked opens the unlock window, then proceeds.
  const pending = chat(app, user('while locked'));
  await unlockWindow(context, PASSPHRASE);
  expect((await pending).result?.text).toContain('while locked');
  // Closing the unlock window instead rejects with 4900.
  await page.getByRole('button', { name: 'Lock' }).click();
  const refused = chat(app, user('again'));
  const win = await nextWindow(context, 'unlock.html');
  await win.close();
  expect((await refused).error).toMatchObject({ code: 4900 });
});
