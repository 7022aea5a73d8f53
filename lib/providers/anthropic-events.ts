/**
 * The events of a Messages stream, read from the response the official SDK fetched
 * (`.asResponse()`), with the SDK's rules for the stream: events without a name and `ping`s are
 * skipped, an `error` event is the SDK's APIError. Yields the events of each network read
 * together; see openai-events.ts for why.
 */
import { APIError } from '@anthropic-ai/sdk';
import type { RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages';
import { sseBatches, type SseEvent } from './sse';

function errorOf(sse: SseEvent, response: Response): APIError {
  let body: unknown = sse.data;
  try {
    body = JSON.parse(sse.data);
  } catch {
    // keep the raw text
  }
  const type = (body as { error?: { type?: string } } | null)?.error?.type;
  return new APIError(undefined, body as object, undefined, response.headers, type as never);
}

export async function* anthropicEventBatches(response: Response): AsyncGenerator<RawMessageStreamEvent[]> {
  if (!response.body) return;
  for await (const batch of sseBatches(response.body)) {
    const events: RawMessageStreamEvent[] = [];
    for (const sse of batch) {
      if (!sse.event || sse.event === 'ping') continue;
      let failure: Error | undefined;
      if (sse.event === 'error') failure = errorOf(sse, response);
      else if (sse.data) {
        try {
          events.push(JSON.parse(sse.data) as RawMessageStreamEvent);
        } catch (error) {
          failure = error as Error;
        }
      }
      if (failure) {
        if (events.length > 0) yield events;
        throw failure;
      }
    }
    if (events.length > 0) yield events;
  }
}
