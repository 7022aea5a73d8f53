/**
 * The chunks of a Chat Completions stream, read from the response the official SDK fetched
 * (`.asResponse()`): the SDK still builds, authenticates and checks the request, and raises its
 * own `APIError` for an error status; this reads the body with the SSE reader and keeps the SDK's
 * rules for the stream (stop at `[DONE]`, an `error` event or payload is an APIError).
 *
 * Each chunk is handed on as it is parsed (see sse.ts for why none is kept); the chunks before an
 * error are handed on before it throws.
 */
import { APIError } from 'openai';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { readSse } from './sse';

/** Reads `response` to `[DONE]` (or its end), calling `onChunk` with each chunk; `onRead` per network read. */
export async function readOpenAIChunks(response: Response, onChunk: (chunk: ChatCompletionChunk) => void, onRead?: () => void): Promise<void> {
  if (!response.body) return;
  await readSse(
    response.body,
    (raw, event) => {
      if (raw === '[DONE]') return false;
      let data: { error?: unknown } & ChatCompletionChunk;
      try {
        data = JSON.parse(raw) as typeof data;
      } catch {
        throw new SyntaxError('Error reading response: malformed server-sent event JSON.');
      }
      if (event === 'error') throw new APIError(undefined, (data?.error ?? data) as object, undefined, response.headers);
      if (data && data.error) throw new APIError(undefined, data.error as object, undefined, response.headers);
      onChunk(data);
    },
    onRead,
  );
}
