/** The background's view of providers: adapters, credentials and prices (with the person's overrides). */
import type { WalletDb } from '../db/database';
import type { PriceOverride } from '../db/tables/prices';
import { adapterForKey, credentialsFor } from '../providers/registry';
import { presetFor, presetServes } from '../providers/presets';
import { maxOutputTokens, priceFor } from '../budget/prices';
import type { ProviderDirectory } from './context';

export function providerDirectory(db: WalletDb): ProviderDirectory {
  // Price overrides are read on every request and change only through the UI: cache per key.
  const overridesByKey = new Map<string, Promise<PriceOverride[]>>();
  const overridesOf = (keyId: string) => {
    let cached = overridesByKey.get(keyId);
    if (!cached) overridesByKey.set(keyId, (cached = db.prices.where('keyId').equals(keyId).toArray()));
    return cached;
  };
  return {
    adapterFor: (key) => adapterForKey(key),
    credentialsFor: (key, secret, timeoutMs) => credentialsFor(key, secret, timeoutMs),
    async priceFor(key, model, inputTokens, variant) {
      const overrides = await overridesOf(key.id);
      const price = priceFor({
        providerId: key.provider,
        model,
        baseUrl: key.baseUrl,
        overrides,
        ...(inputTokens === undefined ? {} : { inputTokens }),
        ...(variant === undefined ? {} : { variant }),
      });
      if (!price) return null;
      const { perMChars, perMinute, minSeconds, perImage } = price;
      return {
        inputPerM: price.inputPerM,
        outputPerM: price.outputPerM,
        ...(perMChars !== undefined ? { perMChars } : {}),
        ...(perMinute !== undefined ? { perMinute } : {}),
        ...(minSeconds !== undefined ? { minSeconds } : {}),
        ...(perImage !== undefined ? { perImage } : {}),
      };
    },
    serves: (key, capability) => presetServes(key.provider, capability),
    providerName: (key) => presetFor(key.provider)?.kind === 'anthropic' ? 'anthropic' : key.provider === 'openai-compatible' ? 'openai' : key.provider,
    maxOutputTokens,
    pricesChanged: () => overridesByKey.clear(),
  };
}
