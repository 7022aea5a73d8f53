/** The person's fallback order between keys, as the Keys view and a site's settings save it. */
import { describe, expect, it, vi } from 'vitest';
import { makeHarness, scriptedAdapter, TEST_ORIGIN } from '../../../tests/support/wallet-harness';
import { getSiteDetails } from './control';
import { updateGrant } from './grants';
import { setSettings } from './misc';

vi.mock('../../crypto/kdf', async (importOriginal) => (await import('../../../tests/support/vault')).fastKdf(await importOriginal()));

async function setUp() {
  const h = await makeHarness({ adapter: scriptedAdapter({}) });
  const work = await h.ctx.keyring.add({ provider: 'openai', name: 'Work', secret: 'sk-test-work-0001', models: ['m'], status: 'valid' });
  return { ...h, workId: work.id };
}

describe('the fallback order', () => {
  it('wallet-wide: saved in the settings, ids of keys the wallet does not have dropped', async () => {
    const { ctx, keyId, workId } = await setUp();
    const heard = vi.fn();
    const next = await setSettings(ctx, { keyFallback: [workId, 'no-such-key', keyId] }, heard);
    expect(next.keyFallback).toEqual([workId, keyId]);
    expect((await ctx.settings.get()).keyFallback).toEqual([workId, keyId]);
    expect(heard).toHaveBeenCalledWith(expect.objectContaining({ keyFallback: [workId, keyId] }));
  });

  it('per site: its own order (even none), shown in its details; null gives it back the wallet’s', async () => {
    const { ctx, workId } = await setUp();
    expect((await getSiteDetails(ctx, { origin: TEST_ORIGIN }))?.keyFallback).toBeNull();
    await updateGrant(ctx, { origin: TEST_ORIGIN, keyFallback: [workId, 'gone'] });
    expect((await ctx.grants.get(TEST_ORIGIN))?.keyFallback).toEqual([workId]);
    const details = await getSiteDetails(ctx, { origin: TEST_ORIGIN });
    expect(details?.keyFallback).toEqual([workId]);
    expect(details?.fallbackKeys.map((k) => k.name)).toEqual(['Fake', 'Work']);
    await updateGrant(ctx, { origin: TEST_ORIGIN, keyFallback: [] });
    expect((await ctx.grants.get(TEST_ORIGIN))?.keyFallback).toEqual([]);
    await updateGrant(ctx, { origin: TEST_ORIGIN, keyFallback: null });
    expect((await ctx.grants.get(TEST_ORIGIN))?.keyFallback).toBeUndefined();
  });
});
