/**
 * The chunks of a Chat Completions stream, read from the response the official SDK fetched
 * (`.asResponse()`): the SDK still builds, authenticates and checks the request, and raises its
 * own `APIError` for an error status; this reads the body with the batched SSE parser and keeps
 * the SDK's rules for the stream (stop at `[DONE]`, an `error` event or payload is an APIError).
 */
import { APIError } from 'openai';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { sseBatches } from './sse';

export async function* openaiChunks(response: Response): AsyncGenerator<ChatCompletionChunk> {
  if (!response.body) return;
  for await (const batch of sseBatches(response.body)) {
    for (const sse of batch) {
      if (sse.data === '[DONE]') return;
      let data: { error?: unknown } & ChatCompletionChunk;
      try {
        data = JSON.parse(sse.data) as typeof data;
      } catch {
        throw new SyntaxError('Error reading response: malformed server-sent event JSON.');
      }
      if (sse.event === 'error') throw new APIError(undefined, (data?.error ?? data) as object, undefined, response.headers);
      if (data && data.error) throw new APIError(undefined, data.error as object, undefined, response.headers);
      yield data;
    }
  }
}
