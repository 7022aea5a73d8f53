/**
 * Reading a request body with a bound: a declared length over the limit is refused before a
 * byte is read, and a body that grows past it (chunked) is cut off as it arrives.
 */
import type { IncomingMessage } from 'node:http';
import { MAX_BODY_BYTES } from '../../lib/protocol/bridge-limits';

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`The request body is over ${Math.round(limit / (1024 * 1024))} MB, the bridge's limit.`);
  }
}

/** Whether a declared `content-length` is already over `limit`. */
export function declaredTooLarge(contentLength: string | undefined, limit = MAX_BODY_BYTES): boolean {
  if (contentLength === undefined) return false;
  const n = Number(contentLength);
  return !Number.isFinite(n) || n > limit;
}

/** The body as text; rejects with {@link BodyTooLarge} as soon as it passes `limit`. */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  if (declaredTooLarge(req.headers['content-length'], limit)) return Promise.reject(new BodyTooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.pause();
        reject(new BodyTooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
