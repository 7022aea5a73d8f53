/**
 * A `ByokProvider` (the page API's shape, client/src/types.ts) for one local app, answered by the
 * wallet over native messaging. `createByokFetch` takes it, so the client lib's translators turn
 * the providers' REST calls into these intents and back: one translator for pages and apps.
 */
import type { ByokProvider, ChatOptions, ChatRequest, ChatResult, EmbedRequest, EmbedResult, Grant, ModelInfo } from '../../client/src/types';
import { ByokError, UNSUPPORTED } from '../../client/src/errors';
import type { BridgeWireError } from '../../lib/protocol/bridge';
import { abortError, fromWalletError } from './errors';
import type { WalletLink } from './wallet-link';

const isWireError = (e: unknown): e is BridgeWireError => typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'number';

/** The wallet's answer, or its refusal as the HTTP error the endpoint sends. */
async function answer<T>(run: Promise<unknown>, signal?: AbortSignal): Promise<T> {
  try {
    return (await run) as T;
  } catch (error) {
    if (signal?.aborted) throw abortError();
    throw isWireError(error) ? fromWalletError(error) : error;
  }
}

export function appProvider(link: WalletLink, tokenHash: string): ByokProvider {
  const refuse = () => Promise.reject(new Error('A local app connects with `byok-bridge connect`.'));
  // Binary media does not cross the native-messaging channel yet: a clear 4200 (400), not a crash.
  const noMedia = (what: string) => () => Promise.reject(new ByokError(UNSUPPORTED, `${what} is not available to local apps yet`));
  return {
    connect: refuse,
    disconnect: refuse,
    getGrant: () => answer<Grant | null>(link.call(tokenHash, 'getGrant', undefined)),
    models: () => answer<ModelInfo[]>(link.call(tokenHash, 'models', undefined)),
    embed: (req: EmbedRequest) => answer<EmbedResult>(link.call(tokenHash, 'embed', req)),
    chat(req: ChatRequest, opts: ChatOptions = {}) {
      const { signal, onDelta } = opts;
      if (signal?.aborted) return Promise.reject(abortError());
      return answer<ChatResult>(link.call(tokenHash, 'chat', req, { ...(signal ? { signal } : {}), ...(onDelta ? { onDelta } : {}) }), signal);
    },
    speak: noMedia('Speech'),
    transcribe: noMedia('Transcription'),
    generateImage: noMedia('Image generation'),
    on: () => undefined,
    off: () => undefined,
  };
}
