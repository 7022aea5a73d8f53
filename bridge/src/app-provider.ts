/**
 * A `ByokProvider` (the page API's shape, client/src/types.ts) for one local app, answered by the
 * wallet over native messaging. `createByokFetch` takes it, so the client lib's translators turn
 * the providers' REST calls into these intents and back: one translator for pages and apps.
 */
import type {
  ByokProvider,
  ChatOptions,
  ChatRequest,
  ChatResult,
  EmbedRequest,
  EmbedResult,
  GenerateImageRequest,
  GenerateImageResult,
  Grant,
  MediaOptions,
  ModelInfo,
  SpeakRequest,
  SpeakResult,
  TranscribeRequest,
  TranscribeResult,
} from '../../client/src/types';
import type { BridgeWireError } from '../../lib/protocol/bridge';
import { bytesToTagged, taggedToBytes, type Base64Codec } from '../../lib/protocol/bridge-bytes';
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

/** Node's base64: what the host sends and reads on the channel (lib/protocol/bridge-bytes.ts). */
const nodeBase64: Base64Codec = {
  encode: (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
  decode(text) {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw new Error('not base64');
    return new Uint8Array(Buffer.from(text, 'base64'));
  },
};

/** The wallet's media answer with its bytes back as Blobs of their MIME type, as the page API gives them. */
const blobOf = (bytes: Uint8Array, type: string) => new Blob([bytes as Uint8Array<ArrayBuffer>], { type });

export function appProvider(link: WalletLink, tokenHash: string): ByokProvider {
  const refuse = () => Promise.reject(new Error('A local app connects with `byok-bridge connect`.'));
  /** A media call: its bytes cross as base64 both ways; aborting cancels it in the wallet (and upstream). */
  const media = async <T>(method: 'speak' | 'transcribe' | 'generateImage', params: unknown, signal?: AbortSignal): Promise<T> => {
    if (signal?.aborted) throw abortError();
    const value = await answer<unknown>(link.call(tokenHash, method, bytesToTagged(params, nodeBase64), signal ? { signal } : {}), signal);
    return taggedToBytes(value, nodeBase64) as T;
  };
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
    async speak(req: SpeakRequest, opts: MediaOptions = {}): Promise<SpeakResult> {
      const r = await media<Omit<SpeakResult, 'audio'> & { audio: Uint8Array; mimeType: string }>('speak', req, opts.signal);
      const { mimeType, audio, ...rest } = r;
      return { ...rest, audio: blobOf(audio, mimeType) };
    },
    async transcribe(req: TranscribeRequest, opts: MediaOptions = {}): Promise<TranscribeResult> {
      const audio = new Uint8Array(await req.audio.arrayBuffer());
      const audioType = req.audioType ?? (req.audio.type || undefined);
      return media<TranscribeResult>('transcribe', { ...req, audio, ...(audioType ? { audioType } : {}) }, opts.signal);
    },
    async generateImage(req: GenerateImageRequest, opts: MediaOptions = {}): Promise<GenerateImageResult> {
      const r = await media<Omit<GenerateImageResult, 'images'> & { images: { bytes: Uint8Array; mimeType: string; revisedPrompt?: string }[] }>('generateImage', req, opts.signal);
      return { ...r, images: r.images.map(({ bytes, mimeType, revisedPrompt }) => ({ blob: blobOf(bytes, mimeType), ...(revisedPrompt ? { revisedPrompt } : {}) })) };
    },
    on: () => undefined,
    off: () => undefined,
  };
}
