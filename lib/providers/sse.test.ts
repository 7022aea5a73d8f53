import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_EVENT_CHARS, readSse } from './sse';

interface SseEvent {
  event: string | undefined;
  data: string;
}

const encoder = new TextEncoder();

function body(parts: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const p of parts) controller.enqueue(typeof p === 'string' ? encoder.encode(p) : p);
      controller.close();
    },
  });
}

async function all(parts: (string | Uint8Array)[]): Promise<SseEvent[]> {
  const out: SseEvent[] = [];
  await readSse(body(parts), (data, event) => {
    out.push({ event, data });
  });
  return out;
}

/** `whole` cut at `cuts` (positions, in any order, repeats allowed). */
function cutAt<T extends string | Uint8Array>(whole: T, cuts: number[]): T[] {
  const points = [...new Set(cuts)].sort((a, b) => a - b);
  const parts: T[] = [];
  let last = 0;
  for (const p of points) {
    parts.push(whole.slice(last, p) as T);
    last = p;
  }
  parts.push(whole.slice(last) as T);
  return parts;
}

/** The spec's algorithm, written plainly over the whole text: what the reader must agree with. */
function reference(text: string): SseEvent[] {
  const out: SseEvent[] = [];
  let data: string | null = null;
  let event: string | undefined;
  const lines = text.split(/\r\n|\r|\n/);
  lines.pop(); // the text after the last line end is not a line (yet)
  for (const line of lines) {
    if (line === '') {
      if (data !== null) out.push({ event, data });
      data = null;
      event = undefined;
      continue;
    }
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data = data === null ? value : `${data}\n${value}`;
    else if (field === 'event') event = value;
  }
  return out;
}

describe('readSse', () => {
  it('agrees with the spec on any text, cut into reads at any bytes', async () => {
    // Lines made of a field, a colon, spaces and a value, or a blank line; any line end; and some
    // raw characters between them.
    const line = fc.tuple(
      fc.constantFrom('data', 'event', 'id', '', 'x'),
      fc.constantFrom('', ':', ': ', ':  '),
      fc.constantFrom('', 'x', 'é😀', '{"a":1}', '[DONE]', ' y '),
      fc.constantFrom('\n', '\r', '\r\n', '\n\n', '\r\n\r\n', '\r\r', ''),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 24 }), fc.array(fc.nat(), { maxLength: 10 }), async (lines, cuts) => {
        const text = lines.map((l) => l.join('')).join('');
        const bytes = encoder.encode(text);
        expect(await all(cutAt(bytes, cuts.map((c) => c % (bytes.length + 1))))).toEqual(reference(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('parses data, event names, comments, multi-line data and every line ending; a blank line resets the name', async () => {
    const events = await all([': comment\n', 'event: ping\ndata: {"a":1}\n\n', 'event: dropped\n\n', 'data: x\r\ndata: y\r\n\r\n', 'data:z\r\r', 'id: 7\nretry: 5\ndata: last']);
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
        expect(await all(cutAt(text, cuts))).toEqual(expected);
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
    await readSse(stream, (data) => {
      seen.push(data);
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

  it('gives the same events however the bytes are cut: inside a character, a CRLF, a field name or a line', async () => {
    const text = 'event: délta\r\ndata: {"é":"ü€😀"}\r\n\r\n: note\n\ndata: a\ndata:b\n\nevent: x\rdata: 😀\r\r';
    const bytes = encoder.encode(text);
    const expected = [
      { event: 'délta', data: '{"é":"ü€😀"}' },
      { event: undefined, data: 'a\nb' },
      { event: 'x', data: '😀' },
    ];
    expect(await all([bytes])).toEqual(expected);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 12 }), async (cuts) => {
        expect(await all(cutAt(bytes, cuts))).toEqual(expected);
      }),
    );
  });

  it('refuses an event or a line longer than its limit, however it comes', async () => {
    const huge = 'z'.repeat(MAX_EVENT_CHARS);
    // One line that never ends, in reads of 1 MiB.
    const parts = cutAt(`data: ${huge}`, Array.from({ length: 16 }, (_, i) => (i + 1) * 1024 * 1024));
    await expect(all(parts)).rejects.toThrow(/longer than/);
    // Many short data lines that never make a blank line.
    const lines = Array.from({ length: 17 }, () => `data: ${'z'.repeat(1024 * 1024)}\n`);
    await expect(all(lines)).rejects.toThrow(/longer than/);
    // Endless bare `data` lines (each adds a newline) are refused too.
    await expect(all([`data: ${huge.slice(10)}\n`, 'data\n'.repeat(20)])).rejects.toThrow(/longer than/);
    // Just under the limit is taken.
    await expect(all([`data: ${huge.slice(1)}\n\n`])).resolves.toHaveLength(1);
  });

  it('reads a large read and a long line cut across many reads', async () => {
    const long = 'y'.repeat(100_000);
    const many = Array.from({ length: 2_000 }, (_, i) => `data: {"n":${i}}\n\n`).join('');
    const events = await all([`${many}data: ${long.slice(0, 10)}`, long.slice(10, 50_000), `${long.slice(50_000)}\n\ndata: end\n\n`]);
    expect(events).toHaveLength(2_002);
    expect(events[1_999]).toEqual({ event: undefined, data: '{"n":1999}' });
    expect(events.slice(-2)).toEqual([
      { event: undefined, data: long },
      { event: undefined, data: 'end' },
    ]);
  });
});
