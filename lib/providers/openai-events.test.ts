import { describe, expect, it } from 'vitest';
import { APIError } from 'openai';
import { readOpenAIChunks } from './openai-events';

const response = (text: string) => new Response(new Blob([text]).stream(), { headers: { 'content-type': 'text/event-stream' } });

async function collect(text: string, seen: unknown[] = []) {
  await readOpenAIChunks(response(text), (chunk) => seen.push(chunk));
  return seen;
}

describe('readOpenAIChunks', () => {
  it('hands on chunks until [DONE] and ignores what follows', async () => {
    const chunks = await collect('data: {"id":"1","choices":[]}\n\ndata: [DONE]\n\ndata: {"id":"late"}\n\n');
    expect(chunks).toEqual([{ id: '1', choices: [] }]);
  });

  it('raises the SDK APIError for an error payload or an error event inside a 200 stream, after the chunks before it', async () => {
    const seen: unknown[] = [];
    await expect(collect('data: {"id":"1"}\n\ndata: {"error":{"message":"overloaded","type":"server_error"}}\n\n', seen)).rejects.toBeInstanceOf(APIError);
    expect(seen).toEqual([{ id: '1' }]);
    await expect(collect('event: error\ndata: {"error":{"message":"boom"}}\n\n')).rejects.toBeInstanceOf(APIError);
  });

  it('refuses malformed JSON', async () => {
    await expect(collect('data: {not json\n\n')).rejects.toThrow('malformed server-sent event JSON');
  });
});
