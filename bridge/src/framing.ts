/**
 * Native messaging's framing (https://developer.chrome.com/docs/extensions/develop/concepts/native-messaging):
 * each message is UTF-8 JSON preceded by its length as a 32-bit unsigned integer in native byte
 * order. Messages from the host are at most 1 MB (the browser drops the port on a bigger one),
 * so bigger ones are split into `part` messages (lib/protocol/bridge.ts).
 */
import { endianness } from 'node:os';
import { PART_CHARS } from '../../lib/protocol/bridge-limits';

/** The browser's limit for one message from the host. */
export const MAX_HOST_MESSAGE_BYTES = 1024 * 1024;
/** What the host accepts from the browser in one message (the browser may send up to 4 GB; no request needs that). */
export const MAX_BROWSER_MESSAGE_BYTES = 64 * 1024 * 1024;

const little = endianness() === 'LE';

export function encodeFrame(message: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  const frame = Buffer.allocUnsafe(4 + body.length);
  if (little) frame.writeUInt32LE(body.length, 0);
  else frame.writeUInt32BE(body.length, 0);
  body.copy(frame, 4);
  return frame;
}

/**
 * The frames to send for `message`: one, or (over 1 MB) its JSON cut into `part` messages that
 * the wallet joins and parses. `seq` numbers each split message.
 */
export function framesFor(message: unknown, seq: () => number): Buffer[] {
  const json = JSON.stringify(message);
  // A string of n chars is at most 6n bytes as a JSON string value: the cheap test first.
  if (json.length * 3 < MAX_HOST_MESSAGE_BYTES - 64 || Buffer.byteLength(json) < MAX_HOST_MESSAGE_BYTES - 64) return [encodeFrame(message)];
  const id = seq();
  const frames: Buffer[] = [];
  for (let at = 0; at < json.length; at += PART_CHARS) {
    frames.push(encodeFrame({ t: 'part', seq: id, data: json.slice(at, at + PART_CHARS), end: at + PART_CHARS >= json.length }));
  }
  return frames;
}

/** Reads frames from a byte stream that arrives in arbitrary chunks. */
export class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;

  constructor(
    private readonly onMessage: (message: unknown) => void,
    private readonly max = MAX_BROWSER_MESSAGE_BYTES,
  ) {}

  /** Feeds bytes; calls `onMessage` for each complete frame. Throws on a frame over the limit or bad JSON. */
  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    for (;;) {
      if (this.buffered < 4) return;
      const head = this.peek(4);
      const length = little ? head.readUInt32LE(0) : head.readUInt32BE(0);
      if (length > this.max) throw new Error(`a native message of ${length} bytes is over the limit`);
      if (this.buffered < 4 + length) return;
      const all = this.take(4 + length);
      this.onMessage(JSON.parse(all.subarray(4).toString('utf8')));
    }
  }

  private peek(n: number): Buffer {
    if (this.chunks[0]!.length >= n) return this.chunks[0]!;
    const joined = Buffer.concat(this.chunks);
    this.chunks = [joined];
    return joined;
  }

  private take(n: number): Buffer {
    const joined = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    const out = joined.subarray(0, n);
    const rest = joined.subarray(n);
    this.chunks = rest.length ? [rest] : [];
    this.buffered = rest.length;
    return out;
  }
}
