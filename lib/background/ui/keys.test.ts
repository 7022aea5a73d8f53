/**
 * Key management through the UI commands, on the whole background (the pipeline harness): a
 * rotated key keeps serving its sites with the new secret; a disabled key serves nothing; a key
 * the provider rejects with 401 is flagged; re-validation on demand.
 */
import { describe, expect, it, vi } from 'vitest';
import { makeHarness, TEST_ORIGIN, TEST_SECRET } from '../../../tests/support/wallet-harness';
import { ErrorCode, WalletError } from '../../protocol/errors';
import { messages } from '../../protocol/messages';
import { parseOrThrow } from '../../protocol/validate';
import { uiCommands } from '../../protocol/ui';
import { modelOffers } from '../../grants/offers';
import type { ProviderAdapter, ProviderCredentials } from '../../providers/types';
import { runChat } from '../../pipeline/capabilities/chat';
import { rotateKey, updateKey, validateKeyNow } from './keys';

vi.mock('../../crypto/kdf', async (importOriginal) => (await import('../../../tests/support/vault')).fastKdf(await importOriginal()));

/** A provider that accepts keys starting with `sk-test-` (like the mock) and records what it got. */
function provider() {
  const seen: string[] = [];
  const check = (creds: ProviderCredentials) => {
    seen.push(creds.secret);
    if (!creds.secret.startsWith('sk-test-')) throw new WalletError(ErrorCode.provider, 'Fake error: HTTP 401 invalid api key', { kind: 'auth', status: 401 });
  };
  const adapter: ProviderAdapter = {
    kind: 'openai',
    async chat(creds, request, callbacks) {
      check(creds);
      callbacks.onDelta('ok');
      return { text: 'ok', model: request.model, usage: { inputTokens: 1, outputTokens: 1 }, finishReason: 'stop' };
    },
    async listModels(creds) {
      check(creds);
      return ['m', 'm2'];
    },
    async embed() {
      throw new Error('unused');
    },
  };
  return { adapter, seen };
}

const chat = (ctx: Awaited<ReturnType<typeof makeHarness>>['ctx']) =>
  runChat(ctx, { caller: { origin: TEST_ORIGIN }, request: { messages: [{ role: 'user', content: 'hi' }], maxTokens: 5 }, signal: new AbortController().signal, onDelta: () => undefined });

describe('rotate', () => {
  it('the connected site keeps working, now with the new secret; the grant is untouched', async () => {
    const p = provider();
    const { ctx, keyId } = await makeHarness({ adapter: p.adapter });
    await chat(ctx);
    expect(p.seen.at(-1)).toBe(TEST_SECRET);
    const grantBefore = await ctx.db.grants.get(TEST_ORIGIN);
    const result = await rotateKey(ctx, { id: keyId, secret: '  sk-test-rotated-NEW1  ' });
    expect(result).toMatchObject({ saved: true, key: { id: keyId, masked: '••••NEW1', status: 'valid', models: ['m', 'm2'] }, validation: { status: 'valid' } });
    expect(p.seen.at(-1)).toBe('sk-test-rotated-NEW1'); // validated with the new secret
    await chat(ctx);
    expect(p.seen.at(-1)).toBe('sk-test-rotated-NEW1');
    expect((await ctx.db.grants.get(TEST_ORIGIN))?.routes).toEqual(grantBefore?.routes);
    expect(JSON.stringify(await ctx.db.keys.toArray())).not.toContain('sk-test-rotated');
  });

  it('a secret the provider rejects is not saved unless the person insists; then it is flagged', async () => {
    const p = provider();
    const { ctx, keyId } = await makeHarness({ adapter: p.adapter });
    const refused = await rotateKey(ctx, { id: keyId, secret: 'sk-live-wrong-0000' });
    expect(refused).toMatchObject({ saved: false, validation: { status: 'invalid', message: messages.keyRejected('Fake error: HTTP 401 invalid api key') } });
    await chat(ctx);
    expect(p.seen.at(-1)).toBe(TEST_SECRET); // unchanged
    const forced = await rotateKey(ctx, { id: keyId, secret: 'sk-live-wrong-0000', saveUnvalidated: true });
    expect(forced).toMatchObject({ saved: true, key: { status: 'invalid', masked: '••••0000' } });
    await expect(chat(ctx)).rejects.toMatchObject({ code: ErrorCode.provider });
  });

  it('refuses an empty secret and an unknown key', async () => {
    const { ctx, keyId } = await makeHarness({ adapter: provider().adapter });
    await expect(rotateKey(ctx, { id: keyId, secret: '   ' })).rejects.toThrow(messages.invalidParams('secret', 'the API key is empty'));
    await expect(rotateKey(ctx, { id: 'nope', secret: 'sk-test-x' })).rejects.toThrow(messages.keyNotFound());
  });
});

describe('a key the provider rejects with 401', () => {
  it('is flagged invalid, with the provider message, by the request that hit it', async () => {
    const p = provider();
    const { ctx, keyId } = await makeHarness({ adapter: p.adapter });
    await rotateKey(ctx, { id: keyId, secret: 'sk-revoked-by-provider', saveUnvalidated: true });
    await ctx.keyring.recordValidation(keyId, { status: 'valid', models: [], message: 'was fine' });
    await expect(chat(ctx)).rejects.toMatchObject({ code: ErrorCode.provider });
    await vi.waitFor(async () => expect((await ctx.keyring.require(keyId)).status).toBe('invalid'));
    expect((await ctx.keyring.require(keyId)).statusMessage).toContain('401');
  });
});

describe('re-validate on demand', () => {
  it('checks the stored secret and records the outcome', async () => {
    const p = provider();
    const { ctx, keyId } = await makeHarness({ adapter: p.adapter });
    const ok = await validateKeyNow(ctx, { id: keyId });
    expect(ok).toMatchObject({ key: { status: 'valid', models: ['m', 'm2'] }, validation: { status: 'valid', message: messages.keyValid(2) } });
    expect(ok.key.validatedAt).toBeGreaterThan(0);
    expect(p.seen.at(-1)).toBe(TEST_SECRET);
    await rotateKey(ctx, { id: keyId, secret: 'sk-revoked-by-provider', saveUnvalidated: true });
    expect((await validateKeyNow(ctx, { id: keyId })).key.status).toBe('invalid');
  });
});

describe('rename and enable/disable', () => {
  it('renames, and a disabled key serves no request and is offered to no site', async () => {
    const { ctx, keyId } = await makeHarness({ adapter: provider().adapter });
    expect((await updateKey(ctx, { id: keyId, name: ' Team key ' })).name).toBe('Team key');
    await updateKey(ctx, { id: keyId, enabled: false });
    await expect(chat(ctx)).rejects.toMatchObject({ code: ErrorCode.unauthorized });
    expect(modelOffers(await ctx.keyring.list())).toEqual([]);
    await updateKey(ctx, { id: keyId, enabled: true });
    await expect(chat(ctx)).resolves.toMatchObject({ text: 'ok' });
  });
});

describe('the key commands refuse bad params (protocol)', () => {
  it.each<[string, unknown]>([
    ['keys.update', { id: '' }],
    ['keys.update', { id: 'k', name: 'x'.repeat(101) }],
    ['keys.update', { id: 'k', enabled: 'yes' }],
    ['keys.update', { id: 'k', secret: 'sk-…' }],
    ['keys.rotate', { id: 'k' }],
    ['keys.rotate', { id: 'k', secret: 'x'.repeat(4097) }],
    ['keys.validate', {}],
  ])('%s %j', (command, params) => {
    expect(() => parseOrThrow(uiCommands[command as keyof typeof uiCommands], params, 'params')).toThrow(WalletError);
  });
});
