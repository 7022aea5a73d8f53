/**
 * The page methods (docs/API.md, "The page API"): a fixed map from method to params schema and handler.
 * A method not in this map gets 4200; params are validated before the handler runs.
 */
import type { z } from 'zod';
import { pageMethodParams, type PageMethod } from '../protocol/page-methods';
import type { ChatRequest } from '../protocol/chat';
import { connect, disconnect, getGrant } from './connect';
import { runChat } from '../pipeline/capabilities/chat';
import { listModels } from './models';
import { runEmbed } from '../pipeline/capabilities/embed';
import { runSpeak } from '../pipeline/capabilities/speech';
import { runTranscribe } from '../pipeline/capabilities/transcription';
import { runGenerateImage } from '../pipeline/capabilities/images';
import type { PageCaller, WalletContext } from './context';

export interface PageCall<P> {
  ctx: WalletContext;
  caller: PageCaller;
  params: P;
  signal: AbortSignal;
  /** Streams text to the page when it asked for deltas. */
  onDelta(text: string): void;
}

type Handlers = { [M in PageMethod]: (call: PageCall<z.infer<(typeof pageMethodParams)[M]>>) => Promise<unknown> };

export const pageHandlers: Handlers = {
  connect: ({ ctx, caller, params }) => connect(ctx, caller, params),
  getGrant: ({ ctx, caller }) => getGrant(ctx, caller),
  disconnect: ({ ctx, caller }) => disconnect(ctx, caller),
  models: ({ ctx, caller }) => listModels(ctx, caller),
  chat: ({ ctx, caller, params, signal, onDelta }) => runChat(ctx, { caller, request: params as ChatRequest, signal, onDelta }),
  embed: ({ ctx, caller, params, signal }) => runEmbed(ctx, { caller, request: params, signal }),
  speak: ({ ctx, caller, params, signal }) => runSpeak(ctx, { caller, request: params, signal }),
  transcribe: ({ ctx, caller, params, signal }) => runTranscribe(ctx, { caller, request: params, signal }),
  generateImage: ({ ctx, caller, params, signal }) => runGenerateImage(ctx, { caller, request: params, signal }),
};
