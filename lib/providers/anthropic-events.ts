/**
 * The events of a Messages stream, read from the response the official SDK fetched
 * (`.asResponse()`), with the SDK's rules for the stream: events without a name and `ping`s are
 * skipped, an `error` event is the SDK's APIError. Each event is handed on as it is parsed (see
 * sse.ts for why none is kept).
 */
import { APIError } from '@anthropic-ai/sdk';
import type { RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages';
import { readSse } from './sse';

function errorOf(data: string, response: Response): APIError {
  let body: unknown = data;
  try {
    body = JSON.parse(data);
  } catch {
    // keep the raw text
  }
  const type = (body as { error?: { type?: string } } | null)?.error?.type;
  return new APIError(undefined, body as object, undefined, response.headers, type as never);
}

/** Reads `response` to its end, calling `onEvent` with each event; `onRead` per network read. */
export async function readAnthropicEvents(response: Response, onEvent: (event: RawMessageStreamEvent) => void, onRead?: () => void): Promise<void> {
  if (!response.body) return;
  await readSse(
    response.body,
    (data, event) => {
      if (!event || event === 'ping') return;
      if (event === 'error') throw errorOf(data, response);
      if (data) onEvent(JSON.parse(data) as RawMessageStreamEvent);
    },
    onRead,
  );
}
