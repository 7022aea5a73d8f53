/** The wallet's pages get an error's name beside its code and message; a sender that is not one of them gets neither. */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { handleUiMessage } from './ui-message';
import { makeHarness, scriptedAdapter, type Harness } from '../../tests/support/wallet-harness';
import { messages } from '../protocol/messages';

vi.mock('../crypto/kdf', async (importOriginal) => (await import('../../tests/support/vault')).fastKdf(await importOriginal()));

const extensionPage = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/options.html' };

function ui(h: Harness, command: string, params?: unknown, sender: { id: string; url: string } = extensionPage) {
  return handleUiMessage({ ctx: h.ctx, settingsChanged: () => undefined }, Promise.resolve(), { byokUi: 1, command, ...(params === undefined ? {} : { params }) }, sender);
}

describe('a UI command that fails', () => {
  it('answers the code and the English message, and what it said by name', async () => {
    const h = await makeHarness({ adapter: scriptedAdapter({}) });
    await h.ctx.vault.lock();
    expect(await ui(h, 'vault.unlock', { passphrase: 'not the passphrase' })).toEqual({
      ok: false,
      error: { code: 4900, message: messages.wrongPassphrase(), said: { name: 'wrongPassphrase', values: [] } },
    });
    expect(await ui(h, 'grants.update', { origin: 'https://gone.example', paused: true })).toEqual({
      ok: false,
      error: { code: -32602, message: 'Invalid request: origin: not connected', said: { name: 'invalidParams', values: ['origin', { name: 'problemNotConnected', values: [] }] } },
    });
  });

  it('keeps the data a page would get, beside what it said', async () => {
    const h = await makeHarness({ adapter: scriptedAdapter({}) });
    await h.ctx.vault.lock();
    let reply = await ui(h, 'vault.unlock', { passphrase: 'not the passphrase' });
    for (let i = 0; i < 10 && reply?.ok === false && reply.error.said?.name === 'wrongPassphrase'; i++) reply = await ui(h, 'vault.unlock', { passphrase: 'not the passphrase' });
    expect(reply).toMatchObject({ ok: false, error: { code: 4900, said: { name: 'tooManyAttempts' }, data: { retryAfterMs: expect.any(Number) } } });
  });

  it('an error without a name answers as before', async () => {
    const h = await makeHarness({ adapter: scriptedAdapter({}) });
    const reply = await ui(h, 'grants.update', { origin: 'https://a.example', rateLimitPerMin: 0 });
    expect(reply).toMatchObject({ ok: false, error: { code: -32602 } });
    expect(reply?.ok === false && 'said' in reply.error).toBe(false);
  });
});
