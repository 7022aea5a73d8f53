import { describe, expect, it } from 'vitest';
import { makeHarness, scriptedAdapter, TEST_ORIGIN } from '../../tests/support/wallet-harness';
import { listModels } from './models';

describe('models() for a site', () => {
  it("labels each model with its provider, never with the name the person gave the key", async () => {
    const { ctx, keyId } = await makeHarness({ adapter: scriptedAdapter({}) });
    await ctx.keyring.rename(keyId, 'Jane Doe - ACME corp card');
    const models = await listModels(ctx, { origin: TEST_ORIGIN });
    expect(models).toEqual([{ id: 'm', provider: 'fake', label: 'm (OpenAI)' }]);
    expect(JSON.stringify(models)).not.toMatch(/Jane|ACME/);
  });
});
