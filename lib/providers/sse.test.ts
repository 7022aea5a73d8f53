import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readSse, type SseEvent } from './sse';

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
  await readSse(body(parts), (event) => {
    out.push(event);
  });
  return out;
}

describe('readSse', () => {
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

  it('stops at the first event that returns false, and cancels the body', async () => {
    let cancelled = false;
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(encoder.encode('data: 1\n\ndata: 2\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    const seen: string[] = [];
    await readSse(stream, (event) => {
      seen.push(event.data);
      return seen.length < 3;
    });
    expect(seen).toEqual(['1', '2', '1']);
    expect(cancelled).toBe(true);
  });

  it('calls onRead once per read of the network', async () => {
    let reads = 0;
    await readSse(body(['data: 1\n', '\n', 'data: 2\n\n']), () => undefined, () => reads++);
    expect(reads).toBe(4); // three reads with bytes, and the one that says the body is done
  });

  it('reads a read larger than its decoding piece whole, a character split between pieces included', async () => {
    // 16 KiB pieces: put an event, and a two-byte character, across the first boundary.
    const pad = 'x'.repeat(16 * 1024 - 'data: '.length - 1);
    const events = await all([`data: ${pad}é tail\n\ndata: after\n\n`]);
    expect(events).toEqual([
      { event: undefined, data: `${pad}é tail` },
      { event: undefined, data: 'after' },
    ]);
  });
});
