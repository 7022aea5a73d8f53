/**
 * The wallet as the demo sees it: discovery (`getByok`), the site's grant and models, kept fresh
 * by the `grantChanged` event.
 */
import { useCallback, useEffect, useState } from 'react';
import { getByok, type ByokProvider, type Grant, type ModelInfo } from '../../client/src/core.js';
import { errorText } from './format';

export type Wallet =
  | { state: 'looking' }
  | { state: 'missing' }
  | { state: 'found'; byok: ByokProvider; grant: Grant | null; models: ModelInfo[] };

export interface WalletApi {
  wallet: Wallet;
  /** The last connect / refresh failure, as text. */
  error: string | null;
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  /** Reads the grant (and its spend) and the models again. */
  refresh(): Promise<void>;
}

export function useWallet(): WalletApi {
  const [wallet, setWallet] = useState<Wallet>({ state: 'looking' });
  const [error, setError] = useState<string | null>(null);
  const byok = wallet.state === 'found' ? wallet.byok : null;

  const load = useCallback(async (provider: ByokProvider) => {
    const grant = await provider.getGrant();
    const models = grant?.scopes.includes('chat') ? await provider.models() : [];
    setWallet({ state: 'found', byok: provider, grant, models });
  }, []);

  useEffect(() => {
    let live = true;
    void getByok().then((provider) => {
      if (!live) return;
      if (!provider) return setWallet({ state: 'missing' });
      load(provider).catch((e: unknown) => {
        setError(errorText(e));
        setWallet({ state: 'found', byok: provider, grant: null, models: [] });
      });
    });
    return () => void (live = false);
  }, [load]);

  useEffect(() => {
    if (!byok) return;
    const onChange = () => void load(byok).catch((e: unknown) => setError(errorText(e)));
    byok.on('grantChanged', onChange);
    return () => byok.off('grantChanged', onChange);
  }, [byok, load]);

  const run = useCallback(
    async (step: (b: ByokProvider) => Promise<unknown>) => {
      if (!byok) return;
      setError(null);
      try {
        await step(byok);
        await load(byok);
      } catch (e) {
        setError(errorText(e));
      }
    },
    [byok, load],
  );

  return {
    wallet,
    error,
    connect: () => run((b) => b.connect({ scopes: ['chat', 'models'], budget: { usd: 1, period: 'day' }, reason: 'Demo chat' })),
    disconnect: () => run((b) => b.disconnect()),
    refresh: () => run(() => Promise.resolve()),
  };
}
