/**
 * The SDKs' `fetch`, held back until the wallet may send: the SDK builds and signs the request
 * while the pending ledger entry is written, and the network sees it only after. `onSend` hears
 * the moment it goes (a media call cut short after that may have been billed).
 */
export function fetchAfter(ready: Promise<void> | undefined, base?: typeof globalThis.fetch, onSend?: () => void): typeof globalThis.fetch | undefined {
  if (!ready && !onSend) return base;
  return async (input, init) => {
    await ready;
    onSend?.();
    return (base ?? globalThis.fetch)(input, init);
  };
}
