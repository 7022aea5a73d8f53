import { describe, expect, it } from 'vitest';
import { APIError } from 'openai';
import { openaiChunkBatches } from './openai-events';

const response = (text: string) => new Response(new Blob([text]).stream(), { headers: { 'content-type': 'text/event-stream' } });

async function collect(text: string) {
  const out: unknown[] = [];
  for await (const batch of openaiChunkBatches(response(text))) out.push(...batch);
  return out;
}

describe('openaiChunkBatches', () => {
  it('yields chunks until [DONE] and ignores what follows', async () => {
    const chunks = await collect('data: {"id":"1","choices":[]}\n\ndata: [DONE]\n\ndata: {"id":"late"}\n\n');
    expect(chunks).toEqual([{ id: '1', choices: [] }]);
  });

  it('raises the SDK APIError for an error payload or an error event inside a 200 stream', async () => {
    await expect(collect('data: {"error":{"message":"overloaded","type":"server_error"}}\n\n')).rejects.toBeInstanceOf(APIError);
    await expect(collect('event: error\ndata: {"error":{"message":"boom"}}\n\n')).rejects.toBeInstanceOf(APIError);
  });

  it('refuses malformed JSON', async () => {
    await expect(collect('data: {not json\n\n')).rejects.toThrow('malformed server-sent event JSON');
  });
});
