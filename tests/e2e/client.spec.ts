/**
 * The client lib in real Chromium (issue 6): the official SDKs, the Vercel AI SDK and the
 * `LanguageModel` adapter, bundled by vite (tests/e2e/apps) into a page on 127.0.0.1, answered by
 * the installed wallet and the bundled mock provider through `byokFetch`.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, PASSPHRASE, TEST_KEY } from './fixtures';
import type { TestApps } from './apps/main';
import { approve } from './po/approval-window';
import { byokCall } from './po/app';
import { connectApproved, walletWithKeys } from './po/setup';

type AppModule<A extends keyof TestApps> = Awaited<ReturnType<TestApps[A]>>;
type Call<A extends keyof TestApps, F extends keyof AppModule<A>> = AppModule<A>[F] extends (arg: infer P) => Promise<infer R> ? { arg: P; result: R } : never;

/** Runs `fn(arg)` of test app `app` in `page`; every app returns plain data, errors included. */
function inApp<A extends keyof TestApps, F extends keyof AppModule<A> & string>(page: Page, app: A, fn: F, arg: Call<A, F>['arg']): Promise<Call<A, F>['result']> {
  return page.evaluate(
    async ({ app, fn, arg }) => {
      const apps = (window as unknown as { testApps: Record<string, () => Promise<Record<string, (a: unknown) => Promise<unknown>>>> }).testApps;
      const mod = await apps[app]!();
      return mod[fn]!(arg);
    },
    { app, fn, arg: arg as unknown },
  ) as Promise<Call<A, F>['result']>;
}

/** The test apps' page, on the test site (origin http://127.0.0.1:PORT). */
async function openApps(context: BrowserContext, siteUrl: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${siteUrl}/apps/index.html`);
  await expect(page.locator('#status')).toHaveText('ready');
  return page;
}

test('the openai SDK connects on first use, streams a chat and lists models through byokFetch', async ({ context, options, mock, site }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  const page = await openApps(context, site.url);
  // No grant yet: byokFetch connects first, which opens the wallet's approval window.
  const running = inApp(page, 'openai', 'streamChat', { prompt: 'hello from the SDK', model: 'gpt-4o-mini' });
  await approve(context);
  const run = await running;
  expect(run.error).toBeUndefined();
  expect(run.text).toContain('Hello from the mock openai (gpt-4o-mini). You said: hello from the SDK');
  expect(run.deltas.length).toBeGreaterThan(1);
  expect(run.finish).toBe('stop');
  expect(run.usage).toMatchObject({ prompt_tokens: expect.any(Number), completion_tokens: expect.any(Number) });
  expect((run.usage as { completion_tokens: number }).completion_tokens).toBeGreaterThan(0);
  expect(await byokCall(page, 'getGrant')).toMatchObject({ scopes: expect.arrayContaining(['chat', 'models']) });

  // Chat and models were granted together: listing needs no second approval.
  const models = await inApp(page, 'openai', 'listModels', 'claude-haiku-4-5');
  expect(models.error).toBeUndefined();
  expect(models.ids).toEqual(expect.arrayContaining(['gpt-4o-mini', 'gpt-4o', 'claude-haiku-4-5']));
  expect(models.retrieved).toBe('claude-haiku-4-5');

  // A model the site was not granted: the wallet's 4100 is the SDK's AuthenticationError.
  expect(await inApp(page, 'openai', 'chatOnce', { prompt: 'hi', model: 'gpt-9-not-granted' })).toMatchObject({ error: { kind: 'AuthenticationError', status: 401 } });
});

test('the openai SDK aborts: the SDK raises its abort error and the provider call is aborted upstream', async ({ context, options, mock, site }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  const page = await openApps(context, site.url);
  await connectApproved(context, page, {}, '1');

  // Before the first token (the provider hangs): the fetch rejects, the SDK raises APIUserAbortError.
  mock.reset();
  const hanging = inApp(page, 'openai', 'streamChat', { prompt: '[[hang]]', model: 'gpt-4o-mini' });
  await expect.poll(() => mock.stats().active).toBe(1);
  await inApp(page, 'openai', 'abort', undefined);
  expect((await hanging).error).toMatchObject({ kind: 'APIUserAbortError' });
  await expect.poll(() => mock.stats()).toMatchObject({ aborted: 1, active: 0 });

  // Mid-stream, with the SDK's stream helper: finalChatCompletion() raises APIUserAbortError.
  mock.reset();
  const cut = await inApp(page, 'openai', 'streamHelper', { prompt: '[[chunks:400]] [[delay:20]] go', model: 'gpt-4o-mini', abortAfterDeltas: 2 });
  expect(cut.error).toMatchObject({ kind: 'APIUserAbortError' });
  expect(cut.deltas.length).toBeGreaterThanOrEqual(2);
  expect(cut.text.length).toBeLessThan(400 * 3);
  await expect.poll(() => mock.stats()).toMatchObject({ aborted: 1, active: 0 });

  // Mid-stream, iterating `create({ stream: true })`: the SDK ends the iteration quietly (as it does
  // on any abort during a stream), and the provider call stops too.
  mock.reset();
  const quiet = await inApp(page, 'openai', 'streamChat', { prompt: '[[chunks:400]] [[delay:20]] go', model: 'gpt-4o-mini', abortAfterDeltas: 2 });
  expect(quiet.error).toBeUndefined();
  expect(quiet.finish).toBeUndefined();
  await expect.poll(() => mock.stats()).toMatchObject({ aborted: 1, active: 0 });
  // The site was charged for what streamed before the abort, no more than it may spend.
  const grant = (await byokCall(page, 'getGrant')) as { spentUsd: number; budget: { usd: number } };
  expect(grant.spentUsd).toBeLessThanOrEqual(grant.budget.usd);
});

test('the Anthropic SDK streams a message through byokFetch', async ({ context, options, mock, site }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  const page = await openApps(context, site.url);
  await connectApproved(context, page, {}, '1');
  const run = await inApp(page, 'anthropic', 'streamMessage', { prompt: 'bonjour', model: 'claude-haiku-4-5' });
  expect(run.error).toBeUndefined();
  expect(run.text).toContain('Hello from the mock anthropic (claude-haiku-4-5). You said: bonjour');
  expect(run.deltas.length).toBeGreaterThan(1);
  // The final message the SDK assembled holds the same text as the deltas.
  expect(run.finish).toBe(run.text);
  expect(run.stopReason).toBe('end_turn');
  expect((run.usage as { output_tokens: number }).output_tokens).toBeGreaterThan(0);
});

test('the Vercel AI SDK streamText works with createOpenAI({ fetch: byokFetch }), over chat completions and responses', async ({ context, options, mock, site }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  const page = await openApps(context, site.url);
  await connectApproved(context, page, {}, '1');

  const chat = await inApp(page, 'vercel', 'streamWith', { api: 'chat', prompt: 'vercel chat', model: 'gpt-4o-mini' });
  expect(chat.error).toBeUndefined();
  expect(chat.text).toContain('You said: vercel chat');
  expect(chat.finish).toBe('stop');
  expect((chat.usage as { outputTokens: number }).outputTokens).toBeGreaterThan(0);
  expect(chat.sent).toHaveLength(1);
  expect(chat.sent[0]!.url).toBe('https://api.openai.com/v1/chat/completions');
  expect(chat.sent[0]!.body).toMatchObject({ model: 'gpt-4o-mini', stream: true, stream_options: { include_usage: true } });

  // The default `provider(model)` is the Responses API.
  const responses = await inApp(page, 'vercel', 'streamWith', { api: 'responses', prompt: 'vercel responses', model: 'claude-haiku-4-5' });
  expect(responses.error).toBeUndefined();
  expect(responses.text).toContain('Hello from the mock anthropic (claude-haiku-4-5). You said: vercel responses');
  expect(responses.finish).toBe('stop');
  expect((responses.usage as { outputTokens: number }).outputTokens).toBeGreaterThan(0);
  expect(responses.sent[0]!.url).toBe('https://api.openai.com/v1/responses');
  expect(responses.sent[0]!.body).toMatchObject({ model: 'claude-haiku-4-5', stream: true });
  test.info().annotations.push({ type: 'vercel-ai-sdk sent', description: JSON.stringify([chat.sent, responses.sent]) });
});

test('the LanguageModel adapter prompts and streams', async ({ context, options, mock, site }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  const page = await openApps(context, site.url);
  await connectApproved(context, page, {}, '1');
  const run = await inApp(page, 'languageModel', 'promptAndStream', { first: 'hello session', second: 'and again', model: 'gpt-4o-mini' });
  expect(run.error).toBeUndefined();
  expect(run.availability).toBe('available');
  expect(run.reply).toContain('You said: hello session');
  expect(run.streamed!.length).toBeGreaterThan(1);
  expect(run.streamed!.join('')).toContain('You said: and again');
  expect(run.contextUsage).toBeGreaterThan(0);
});

test('the openai SDK speaks, transcribes and draws through byokFetch', async ({ context, options, mock, site }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  const page = await openApps(context, site.url);
  await connectApproved(context, page, { scopes: ['chat', 'models', 'speech', 'transcription', 'images'] }, '1');

  expect(await inApp(page, 'openai', 'speech', { text: 'Hello from the SDK.' })).toMatchObject({ type: 'audio/mpeg', size: expect.any(Number) });
  expect(mock.stats().audio.at(-1)).toMatchObject({ path: '/v1/audio/speech', model: 'tts-1', done: true });

  const heard = await inApp(page, 'openai', 'transcription', { seconds: 1 });
  expect(heard).toMatchObject({ text: expect.stringMatching(/^Mock transcript of 32044 bytes/), srt: expect.stringContaining('-->') });
  expect(mock.stats().uploads.map((u: { bytes: number }) => u.bytes)).toEqual([32_044, 32_044]);

  const drawn = await inApp(page, 'openai', 'image', { prompt: 'a lighthouse at dusk' });
  expect(drawn).toMatchObject({ images: [{ bytes: expect.any(Number), revised: 'A mock rendering of: a lighthouse at dusk' }] });
  expect((drawn as { images: { bytes: number }[] }).images[0]!.bytes).toBeGreaterThan(50);
});
