/**
 * The SDKs' `fetch`, held back until the wallet may send: the SDK builds and signs the request
 * while the pending ledger entry is written, and the network sees it only after.
 */
export function fetchAfter(ready: Promise<void> | undefined, base?: typeof globalThis.fetch): typeof globalThis.fetch | undefined {
  if (!ready) return base;
  return async (input, init) => {
    await ready;
    return (base ?? globalThis.fetch)(input, init);
  };
}
