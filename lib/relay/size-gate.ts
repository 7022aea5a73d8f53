/**
 * The content script's size check on what its page sends (lib/protocol/limits.ts): the page's
 * message is a JSON string, whose length is known without reading it, so a message over every
 * limit is refused before it is parsed, and one over its method's limit before it is forwarded.
 * The worker checks again (lib/background/size-gate.ts): this is the first of two checks, not
 * the only one. A message with Blobs (lib/protocol/binary.ts) counts their bytes in its size.
 */
import type { ErrorCode } from '../protocol/errors';
import { LARGEST_LIMIT, SMALLEST_LIMIT, requestLimit, requestTooLarge } from '../protocol/limits';
import { parseWire, type ToPage, type ToWallet } from '../protocol/wire';
import { blobsSize, insertBlobs } from '../protocol/binary';

/**
 * The head of a request as byok's page script writes it (lib/inpage/transport.ts): its id and
 * method come first. Only it is read of a message too large to parse.
 */
const HEAD = /^\{"t":"req","id":(\d{1,10}),"method":"([^"\\]{1,64})"/;

/** -32602, written out: importing the error table would bring all of it into every page. */
const INVALID_PARAMS: typeof ErrorCode.invalidParams = -32602;

/** What to do with a page's wire event: the message to forward, if any, and the answer to give it instead, if any. */
export interface Admission {
  forward: ToWallet | null;
  reply?: ToPage;
}

export function admitEvent(event: Event): Admission {
  const detail: unknown = (event as CustomEvent).detail;
  return typeof detail === 'string' ? admitDetail(detail, []) : { forward: null };
}

/**
 * A page message's JSON text and the Blobs it references (lib/protocol/binary.ts), sized together:
 * a Blob counts its bytes (its `size`, known without reading it), as the worker counts it
 * (lib/protocol/json-size.ts). The message forwarded has its references replaced by the Blobs.
 */
export function admitDetail(detail: string, blobs: readonly Blob[]): Admission {
  const size = detail.length + blobsSize(blobs);
  if (size > LARGEST_LIMIT) {
    const head = HEAD.exec(detail.slice(0, 100));
    return refuse(head ? { t: 'req', id: Number(head[1]), method: head[2] } : null);
  }
  const m = parseWire(detail) as (ToWallet & { id?: unknown; method?: unknown }) | null;
  if (!m) return { forward: null };
  const limit = m.t === 'req' ? requestLimit(m.method) : SMALLEST_LIMIT;
  if (size > limit) return refuse(m);
  if (blobs.length === 0) return { forward: m };
  try {
    return { forward: insertBlobs(m, blobs) as ToWallet };
  } catch (error) {
    return refuse(m, `Invalid request: message: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A message over its limit: answered when it has an integer id (PROTOCOL.md §7), else dropped. */
function refuse(m: { t: string; id?: unknown; method?: unknown } | null, message?: string): Admission {
  const id = m?.id;
  if (typeof id !== 'number' || !Number.isInteger(id)) return { forward: null };
  return { forward: null, reply: { t: 'res', id, ok: false, error: { code: INVALID_PARAMS, message: message ?? requestTooLarge(m!.t === 'req' ? m!.method : undefined) } } };
}
