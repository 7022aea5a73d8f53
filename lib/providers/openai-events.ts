/**
 * The chunks of a Chat Completions stream, read from the response the official SDK fetched
 * (`.asResponse()`): the SDK still builds, authenticates and checks the request, and raises its
 * own `APIError` for an error status; this reads the body with the batched SSE parser and keeps
 * the SDK's rules for the stream (stop at `[DONE]`, an `error` event or payload is an APIError).
 *
 * Yields the chunks of each network read together: a 5,000-chunk stream then costs a few dozen
 * async steps instead of several per chunk. Chunks before an error are yielded before it throws.
 */
import { APIError } from 'openai';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { sseBatches } from './sse';

export async function* openaiChunkBatches(response: Response): AsyncGenerator<ChatCompletionChunk[]> {
  if (!response.body) return;
  for await (const batch of sseBatches(response.body)) {
    const chunks: ChatCompletionChunk[] = [];
    for (const sse of batch) {
      if (sse.data === '[DONE]') {
        if (chunks.length > 0) yield chunks;
        return;
      }
      let failure: Error | undefined;
      let data: { error?: unknown } & ChatCompletionChunk;
      try {
        data = JSON.parse(sse.data) as typeof data;
        if (sse.event === 'error') failure = new APIError(undefined, (data?.error ?? data) as object, undefined, response.headers);
        else if (data && data.error) failure = new APIError(undefined, data.error as object, undefined, response.headers);
      } catch {
        failure = new SyntaxError('Error reading response: malformed server-sent event JSON.');
      }
      if (failure) {
        if (chunks.length > 0) yield chunks;
        throw failure;
      }
      chunks.push(data!);
    }
    if (chunks.length > 0) yield chunks;
  }
}
