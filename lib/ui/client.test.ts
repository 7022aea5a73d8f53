/** The pages' client: a command's error keeps its code, its English message and what it said by name. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { call, UiError } from './client';
import { messages } from '../protocol/messages';

afterEach(() => vi.restoreAllMocks());

describe('call', () => {
  it("throws the worker's error with what it said", async () => {
    const said = { name: 'wrongPassphrase' as const, values: [] };
    vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue({ ok: false, error: { code: 4900, message: messages.wrongPassphrase(), said } } as never);
    const error = await call('vault.unlock', { passphrase: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UiError);
    expect(error).toMatchObject({ code: 4900, message: 'Wrong passphrase', said });
  });

  it('a command the worker never answers fails with a message the page can say by name', async () => {
    const send = vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue(undefined as never);
    const error = await call('vault.status').catch((e: unknown) => e);
    expect(send).toHaveBeenCalledTimes(1);
    expect(error).toMatchObject({ code: 5000, message: 'The wallet did not answer: try again', said: { name: 'walletNoAnswer', values: [] } });
  });
});
