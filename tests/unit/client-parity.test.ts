/**
 * The client lib (client/src/types.ts) ships its own copy of the page API's types, with no
 * dependency on the wallet; this ties the two together: `npm run typecheck` fails when a
 * request or result shape drifts on either side (the expectations are checked by the compiler).
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type * as Client from '../../client/src/types';
import type { ChatRequest, ChatResult, EmbedRequest, EmbedResult, Usage } from '../../lib/protocol/chat';
import type { ConnectRequest } from '../../lib/protocol/page-methods';
import type { Scope } from '../../lib/protocol/scopes';
import type { GenerateImageRequest, SpeakRequest, TranscribeResult } from '../../lib/protocol/media';

describe('the client lib’s types are the wallet’s', () => {
  it('requests: what an app may send is what the wallet accepts', () => {
    expectTypeOf<Client.ChatRequest>().toExtend<z.input<typeof ChatRequest>>();
    expectTypeOf<Client.EmbedRequest>().toExtend<z.input<typeof EmbedRequest>>();
    expectTypeOf<Client.ConnectRequest>().toExtend<z.input<typeof ConnectRequest>>();
    expectTypeOf<Client.SpeakRequest>().toExtend<z.input<typeof SpeakRequest>>();
    expectTypeOf<Client.GenerateImageRequest>().toExtend<z.input<typeof GenerateImageRequest>>();
    expectTypeOf<Client.Scope>().toEqualTypeOf<Scope>();
  });

  it('results: what the wallet answers is what an app reads', () => {
    expectTypeOf<ChatResult>().toExtend<Client.ChatResult>();
    expectTypeOf<EmbedResult>().toExtend<Client.EmbedResult>();
    expectTypeOf<Usage>().toEqualTypeOf<Client.Usage>();
    // Speech's and images' answers differ on purpose: the page gets Blobs where the handlers give bytes.
    expectTypeOf<TranscribeResult>().toEqualTypeOf<Client.TranscribeResult>();
  });
});
