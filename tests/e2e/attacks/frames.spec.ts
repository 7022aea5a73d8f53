/**
 * Attack: a malicious cross-origin iframe, and opaque / sandboxed frames (docs/THREAT_MODEL.md).
 * The origin of a request is the frame's own origin as the browser reports it (docs/API.md, "What the wallet guarantees").
 */
import { test, expect, PASSPHRASE, TEST_KEY } from '../fixtures';
import { messages } from '../../../lib/protocol/messages';
import { approve, nextWindow } from '../po/approval-window';
import { walletWithKeys } from '../po/setup';
import { addFrame, callIn, inContentScriptWorld, portRequest } from './helpers';

test('a cross-origin iframe connects with its own origin; the approval shows it and the top origin; the parent has no grant', async ({ context, options, mock, site }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  const parent = await context.newPage();
  await parent.goto(`${site.url}/frame.html`);
  const child = await addFrame(parent, { src: `${site.otherOrigin}/index.html` });
  expect(await child.evaluate(() => self.origin)).toBe(site.otherOrigin);

  const connecting = callIn<{ origin: string }>(child, 'connect', { reason: 'embedded widget' });
  const win = await nextWindow(context, 'approve.html');
  await expect(win.getByTestId('requesting-origin')).toHaveText(site.otherOrigin);
  // The top-level origin comes from the port sender's tab, not from anything the page said.
  await expect(win.getByText(`It is embedded in ${site.url}.`)).toBeVisible();
  await approve(context, { budget: '1' });
  expect(await connecting).toMatchObject({ origin: site.otherOrigin });

  const chat = await callIn<{ text: string }>(child, 'chat', { messages: [{ role: 'user', content: 'from the frame' }] });
  expect(chat).toMatchObject({ text: expect.stringContaining('from the frame') });
  // The embedding page has nothing: the grant belongs to the frame's origin.
  expect(await callIn(parent, 'getGrant')).toBeNull();
  expect(await callIn(parent, 'chat', { messages: [{ role: 'user', content: 'x' }] })).toMatchObject({ error: { code: 4100 } });
  expect(await callIn(parent, 'models')).toMatchObject({ error: { code: 4100 } });
});

test('a sandboxed frame (opaque origin, http URL) is refused with 4100 by the page and by the background', async ({ context, options, mock, site }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  mock.reset();
  const parent = await context.newPage();
  await parent.goto(`${site.url}/frame.html`);
  const sandboxed = await addFrame(parent, { src: `${site.url}/index.html?sandboxed`, sandbox: 'allow-scripts' });
  expect(await sandboxed.evaluate(() => ({ origin: self.origin, url: location.href, byok: typeof (window as { byok?: unknown }).byok }))).toEqual({
    origin: 'null',
    url: `${site.url}/index.html?sandboxed`,
    byok: 'object',
  });
  // The provider refuses at once.
  expect(await callIn(sandboxed, 'connect')).toMatchObject({ error: { code: 4100 } });

  // A compromised content script in that frame talks to the background directly: the browser
  // reports the sender's origin as 'null' (its URL is http), and the background refuses it.
  for (const method of ['connect', 'getGrant', 'models', 'chat']) {
    const params = method === 'chat' ? { messages: [{ role: 'user', content: 'x' }] } : undefined;
    const reply = await inContentScriptWorld(context, parent, sandboxed, portRequest({ t: 'req', id: 1, method, ...(params ? { params } : {}) }));
    expect(reply, method).toEqual({ t: 'res', id: 1, ok: false, error: { code: 4100, message: messages.originRefused('null') } });
  }
  expect(context.pages().filter((p) => p.url().includes('approve.html'))).toHaveLength(0);
  expect(mock.stats().completions).toBe(0);
});

test('srcdoc, data: and sandboxed srcdoc frames get no provider of their own', async ({ context, site }) => {
  const parent = await context.newPage();
  await parent.goto(`${site.url}/frame.html`);
  const srcdoc = await addFrame(parent, { srcdoc: '<p>srcdoc</p>' });
  const data = await addFrame(parent, { src: 'data:text/html,<p>data</p>' });
  const sandboxedSrcdoc = await addFrame(parent, { srcdoc: '<p>sandboxed</p>', sandbox: 'allow-scripts' });
  const probe = () => ({ origin: self.origin, byok: typeof (window as { byok?: unknown }).byok });
  // No content script runs in them: an opaque frame has nothing to call; a same-origin srcdoc
  // frame is its parent's origin, and can only reach the parent's provider, as the parent.
  expect(await srcdoc.evaluate(probe)).toEqual({ origin: site.url, byok: 'undefined' });
  expect(await data.evaluate(probe)).toEqual({ origin: 'null', byok: 'undefined' });
  expect(await sandboxedSrcdoc.evaluate(probe)).toEqual({ origin: 'null', byok: 'undefined' });
  expect(await data.evaluate(() => { try { return typeof (parent as unknown as { byok?: unknown }).byok; } catch { return 'blocked'; } })).toBe('blocked');
});
