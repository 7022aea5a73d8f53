/**
 * The events of a Messages stream, read from the response the official SDK fetched
 * (`.asResponse()`), with the SDK's rules for the stream: events without a name and `ping`s are
 * skipped, an `error` event is the SDK's APIError. See openai-events.ts for why.
 */
import { APIError } from '@anthropic-ai/sdk';
import type { RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages';
import { sseBatches } from './sse';

export async function* anthropicEvents(response: Response): AsyncGenerator<RawMessageStreamEvent> {
  if (!response.body) return;
  for await (const batch of sseBatches(response.body)) {
    for (const sse of batch) {
      if (!sse.event || sse.event === 'ping') continue;
      if (sse.event === 'error') {
        let body: unknown = sse.data;
        try {
          body = JSON.parse(sse.data);
        } catch {
          // keep the raw text
        }
        const type = (body as { error?: { type?: string } } | null)?.error?.type;
        throw new APIError(undefined, body as object, undefined, response.headers, type as never);
      }
      if (!sse.data) continue;
      yield JSON.parse(sse.data) as RawMessageStreamEvent;
    }
  }
}
