/**
 * The worker's size check on every page message, from a runtime port or a lane, before the
 * message waits for anything, is parsed or validated (docs/PROTOCOL.md §4, lib/protocol/limits.ts).
 *
 * The browser has deserialized the message by the time the worker sees it; what the worker must
 * not do is spend long on a giant one (zod walks it, a handler may stringify it) while other
 * sites wait, nor hold it: a message refused here is answered and let go at once, from the
 * port's listener, not after the worker's `ready` promise (which would keep it alive until then).
 * The content script checks first (lib/relay/size-gate.ts); this check is for one that did not.
 */
import type { ToPage } from '../protocol/wire';
import { ErrorCode } from '../protocol/errors';
import { SMALLEST_LIMIT, requestLimit, requestTooLarge } from '../protocol/limits';
import { jsonSizeExceeds } from '../protocol/json-size';

/**
 * True when `raw` is over its limit: with an integer id it is then answered with -32602 naming
 * the limit, through `reply` (as any malformed message with one is, docs/PROTOCOL.md §7), and
 * without one dropped. False when it is within its limit and goes on to validation.
 */
export function refuseOversize(raw: unknown, reply: (m: ToPage) => void): boolean {
  // Plain reads of a structured clone's own data: cheap whatever its size.
  const head = typeof raw === 'object' && raw !== null ? (raw as { t?: unknown; id?: unknown; method?: unknown }) : {};
  const request = head.t === 'req';
  if (!jsonSizeExceeds(raw, request ? requestLimit(head.method) : SMALLEST_LIMIT)) return false;
  const { id } = head;
  if (typeof id === 'number' && Number.isInteger(id)) {
    reply({ t: 'res', id, ok: false, error: { code: ErrorCode.invalidParams, message: requestTooLarge(request ? head.method : undefined) } });
  }
  return true;
}
