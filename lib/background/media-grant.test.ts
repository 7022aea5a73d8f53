/**
 * Media scopes on the whole background: a site asking for speech or transcription gets the
 * approval window like chat; approving stores each media scope's default model, checked (an
 * approved model of that scope's kind) or filled in; an active grant then covers the scopes;
 * the site's settings keep the defaults valid as models and scopes change.
 */
import { describe, expect, it, vi } from 'vitest';
import { makeHarness, scriptedAdapter, TEST_ORIGIN, type Harness } from '../../tests/support/wallet-harness';
import { connect } from './connect';
import { decideApproval, getApproval, updateGrant } from './ui/grants';

vi.mock('../crypto/kdf', async (importOriginal) => (await import('../../tests/support/vault')).fastKdf(await importOriginal()));

const SITE = 'https://voice.example';
const MODELS = ['gpt-4o-mini', 'tts-1-hd', 'tts-1', 'whisper-1', 'gpt-4o-transcribe', 'dall-e-3'];

async function setup(): Promise<Harness> {
  const h = await makeHarness({ adapter: scriptedAdapter({}) });
  await h.ctx.keyring.add({ provider: 'openai', name: 'Media', secret: 'sk-test-media-SECRET', models: MODELS, status: 'valid' });
  return h;
}

/** The prompt the window shows now. */
async function promptId(h: Harness): Promise<string> {
  let id = '';
  await vi.waitFor(async () => {
    const { current } = await h.ctx.approvals.queue();
    expect(current).toBeDefined();
    id = current!.id;
  });
  return id;
}

const decision = (models: string[], scopes: ('chat' | 'speech' | 'transcription' | 'images')[], defaults?: Record<string, string>) => ({
  approve: true as const,
  budget: { usd: 1, period: 'day' as const },
  models,
  defaultModel: models[0]!,
  scopes,
  ...(defaults ? { defaults } : {}),
});

describe('media scopes in a grant', () => {
  it('approving stores the default picked for each media scope, and the grant then covers those scopes without asking', async () => {
    const h = await setup();
    const connecting = connect(h.ctx, { origin: SITE }, { scopes: ['speech', 'transcription'] });
    const id = await promptId(h);
    const view = await getApproval(h.ctx, { id });
    expect(view?.scopes).toEqual(['speech', 'transcription']);
    await decideApproval(h.ctx, { id, ...decision(['tts-1-hd', 'tts-1', 'whisper-1'], ['speech', 'transcription'], { speech: 'tts-1-hd' }) });
    await connecting;
    expect((await h.ctx.grants.get(SITE))?.defaults).toEqual({ speech: 'tts-1-hd', transcription: 'whisper-1' });
    // Covered: resolves at once, no second window.
    await expect(connect(h.ctx, { origin: SITE }, { scopes: ['speech'] })).resolves.toMatchObject({ scopes: ['speech', 'transcription'] });
    expect((await h.ctx.approvals.queue()).current).toBeUndefined();
  });

  it('a default that is not an approved model of its kind, or for a scope not granted, is refused with -32602 naming it', async () => {
    const h = await setup();
    const connecting = connect(h.ctx, { origin: SITE }, { scopes: ['speech'] });
    const id = await promptId(h);
    await expect(decideApproval(h.ctx, { id, ...decision(['tts-1', 'whisper-1'], ['speech'], { speech: 'whisper-1' }) })).rejects.toMatchObject({
      code: -32602,
      message: expect.stringContaining('defaults.speech'),
    });
    await expect(decideApproval(h.ctx, { id, ...decision(['tts-1'], ['speech'], { speech: 'tts-1-hd' }) })).rejects.toMatchObject({
      message: expect.stringContaining('must be one of the approved models'),
    });
    await expect(decideApproval(h.ctx, { id, ...decision(['tts-1', 'dall-e-3'], ['speech'], { images: 'dall-e-3' }) })).rejects.toMatchObject({
      message: expect.stringContaining('defaults.images'),
    });
    expect(await h.ctx.grants.get(SITE)).toBeUndefined();
    // Left out, each default is filled in: OpenAI's standard model when approved.
    await decideApproval(h.ctx, { id, ...decision(['tts-1-hd', 'tts-1'], ['speech']) });
    await connecting;
    expect((await h.ctx.grants.get(SITE))?.defaults).toEqual({ speech: 'tts-1' });
  });

  it('a chat grant gets no defaults; the site settings keep them valid as models and scopes change', async () => {
    const h = await setup();
    expect((await h.ctx.grants.get(TEST_ORIGIN))?.defaults).toBeUndefined();
    const keyId = (await h.ctx.keyring.list()).find((k) => k.name === 'Media')!.id;
    await updateGrant(h.ctx, { origin: TEST_ORIGIN, scopes: ['chat', 'speech'], models: ['m', 'tts-1', 'tts-1-hd'], routes: { 'tts-1': keyId, 'tts-1-hd': keyId } });
    expect((await h.ctx.grants.get(TEST_ORIGIN))?.defaults).toEqual({ speech: 'tts-1' });
    await updateGrant(h.ctx, { origin: TEST_ORIGIN, defaults: { speech: 'tts-1-hd' } });
    expect((await h.ctx.grants.get(TEST_ORIGIN))?.defaults).toEqual({ speech: 'tts-1-hd' });
    await expect(updateGrant(h.ctx, { origin: TEST_ORIGIN, defaults: { speech: 'm' } })).rejects.toMatchObject({ code: -32602 });
    // The default's model dropped: the next one of its kind takes over; the scope dropped: no default.
    await updateGrant(h.ctx, { origin: TEST_ORIGIN, models: ['m', 'tts-1'] });
    expect((await h.ctx.grants.get(TEST_ORIGIN))?.defaults).toEqual({ speech: 'tts-1' });
    await updateGrant(h.ctx, { origin: TEST_ORIGIN, scopes: ['chat'] });
    expect((await h.ctx.grants.get(TEST_ORIGIN))?.defaults).toBeUndefined();
  });
});
