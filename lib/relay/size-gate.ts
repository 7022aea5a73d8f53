/**
 * The content script's size check on what its page sends (lib/protocol/limits.ts): the page's
 * message is a JSON string, whose length is known without reading it, so a message over every
 * limit is refused before it is parsed, and one over its method's limit before it is forwarded.
 * The worker checks again (lib/background/size-gate.ts): this is the first of two checks, not
 * the only one.
 */
import type { ErrorCode } from '../protocol/errors';
import { LARGEST_LIMIT, SMALLEST_LIMIT, requestLimit, requestTooLarge } from '../protocol/limits';
import { wireMessage, type ToPage, type ToWallet } from '../protocol/wire';

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
  if (typeof detail !== 'string') return { forward: null };
  if (detail.length > LARGEST_LIMIT) {
    const head = HEAD.exec(detail.slice(0, 100));
    return refuse(head ? { t: 'req', id: Number(head[1]), method: head[2] } : null);
  }
  const m = wireMessage(event) as (ToWallet & { id?: unknown; method?: unknown }) | null;
  if (!m) return { forward: null };
  const limit = m.t === 'req' ? requestLimit(m.method) : SMALLEST_LIMIT;
  return detail.length > limit ? refuse(m) : { forward: m };
}

/** A message over its limit: answered when it has an integer id (PROTOCOL.md §7), else dropped. */
function refuse(m: { t: string; id?: unknown; method?: unknown } | null): Admission {
  const id = m?.id;
  if (typeof id !== 'number' || !Number.isInteger(id)) return { forward: null };
  return { forward: null, reply: { t: 'res', id, ok: false, error: { code: INVALID_PARAMS, message: requestTooLarge(m!.t === 'req' ? m!.method : undefined) } } };
}
