import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sseBatches, type SseEvent } from './sse';

function body(parts: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const p of parts) controller.enqueue(encoder.encode(p));
      controller.close();
    },
  });
}

async function all(parts: string[]): Promise<SseEvent[]> {
  const out: SseEvent[] = [];
  for await (const batch of sseBatches(body(parts))) out.push(...batch);
  return out;
}

describe('sseBatches', () => {
  it('parses data, event names, comments, multi-line data and every line ending', async () => {
    const events = await all([': comment\n', 'event: ping\ndata: {"a":1}\n\n', 'data: x\r\ndata: y\r\n\r\n', 'data:z\r\r', 'id: 7\nretry: 5\ndata: last']);
    expect(events).toEqual([
      { event: 'ping', data: '{"a":1}' },
      { event: undefined, data: 'x\ny' },
      { event: undefined, data: 'z' },
      // 'data: last' never ended with a blank line: not dispatched.
    ]);
  });

  it('gives the same events however the bytes are split (a CRLF split across reads included)', async () => {
    const text = 'event: a\r\ndata: 1\r\n\r\ndata: {"é":"ü"}\n\ndata: 3\r\r';
    const expected = await all([text]);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: text.length }), { maxLength: 8 }), async (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const parts: string[] = [];
        let last = 0;
        for (const p of points) {
          parts.push(text.slice(last, p));
          last = p;
        }
        parts.push(text.slice(last));
        expect(await all(parts)).toEqual(expected);
      }),
    );
  });
});
