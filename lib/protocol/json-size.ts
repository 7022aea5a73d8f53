/**
 * Whether a value received as a structured clone is larger than a limit counted in characters of
 * JSON (lib/protocol/limits.ts), found without serializing it and without walking past the limit.
 *
 * The count is a lower bound of `JSON.stringify(value).length` for any JSON value: a string
 * counts its length and its quotes (escapes only add), an array one character per element
 * (brackets and commas), an object its keys with their quotes and colon. So a message the content
 * script measured within its limit is within it here too, and one over it here is over it in
 * JSON. A string's length is read, never its characters: one huge string costs nothing to size.
 *
 * The walk stops as soon as the count passes the limit, and every step adds at least one to it,
 * so it takes at most about `limit` steps whatever arrives: a deep nesting, a sparse array with a
 * length of a billion (its length is counted before its elements are visited), a cycle (each lap
 * counts again). It keeps its own stack, so depth cannot overflow the call stack.
 *
 * Only a compromised content script can post values that are not JSON; they count what they hold
 * (a wrapped string's or a RegExp's characters, a buffer's or a Blob's bytes, an Error's message
 * and stack, a Map's or a Set's entries), since the worker holds that in memory all the same.
 * Non-index properties of an array are not counted (finding them means listing every index).
 */

interface Frame {
  /** What the frame walks: an array's elements, or an object's values for `keys`. */
  readonly node: ArrayLike<unknown> | Record<string, unknown>;
  readonly keys: readonly string[] | null;
  next: number;
}

export function jsonSizeExceeds(value: unknown, limit: number): boolean {
  let size = 0;
  const stack: Frame[] = [];
  let current: unknown = value;
  for (;;) {
    const { cost, frame } = visit(current, limit - size);
    size += cost;
    if (size > limit) return true;
    if (frame) stack.push(frame);
    // The next value to count: the next element of the innermost container not done yet.
    let found = false;
    while (!found && stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const length = top.keys ? top.keys.length : (top.node as ArrayLike<unknown>).length;
      if (top.next >= length) {
        stack.pop();
        continue;
      }
      if (top.keys) {
        const key = top.keys[top.next++]!;
        size += key.length + 3;
        current = (top.node as Record<string, unknown>)[key];
      } else current = (top.node as ArrayLike<unknown>)[top.next++];
      found = true;
    }
    if (!found) return false;
    if (size > limit) return true;
  }
}

/**
 * What `v` itself counts, and a frame for its contents when it has any and they may still fit in
 * `room`. A container counts its element count before any element, so a huge one is refused
 * before it is listed.
 */
function visit(v: unknown, room: number): { cost: number; frame?: Frame } {
  if (typeof v === 'string') return { cost: v.length + 2 };
  if (typeof v !== 'object' || v === null) return { cost: 1 };
  if (Array.isArray(v)) {
    const cost = v.length + 1;
    return cost <= room && v.length > 0 ? { cost, frame: { node: v, keys: null, next: 0 } } : { cost };
  }
  if (v instanceof String) return { cost: v.length + 2 };
  if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) return { cost: v.byteLength + 2 };
  if (typeof Blob !== 'undefined' && v instanceof Blob) return { cost: v.size + 2 };
  if (v instanceof RegExp) return { cost: v.source.length + 2 };
  if (v instanceof Error) return { cost: String(v.message).length + String(v.stack ?? '').length + 2 };
  if (v instanceof Map || v instanceof Set) {
    const entries = v instanceof Map ? v.size * 2 : v.size;
    const cost = entries + 1;
    if (cost > room || entries === 0) return { cost };
    return { cost, frame: { node: v instanceof Map ? [...v].flat() : [...v], keys: null, next: 0 } };
  }
  const keys = Object.keys(v);
  return keys.length > 0 ? { cost: 1, frame: { node: v as Record<string, unknown>, keys, next: 0 } } : { cost: 1 };
}
