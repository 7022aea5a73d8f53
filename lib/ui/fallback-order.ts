/** The fallback order between keys as the key list and the site settings edit it (lib/pipeline/fallback.ts uses it). */

/** `id` in the order (at its end) or out of it. */
export function toggleInOrder(order: readonly string[], id: string): string[] {
  return order.includes(id) ? order.filter((k) => k !== id) : [...order, id];
}

/** `id` one place earlier (-1) or later (+1); at an end it stays. */
export function moveInOrder(order: readonly string[], id: string, by: -1 | 1): string[] {
  const from = order.indexOf(id);
  const to = from + by;
  if (from === -1 || to < 0 || to >= order.length) return [...order];
  const next = [...order];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

/** The keys in the order first (in its order), then the others as listed; ids of keys gone are dropped. */
export function keysInOrder<K extends { id: string }>(keys: readonly K[], order: readonly string[]): { key: K; place: number | null }[] {
  const byId = new Map(keys.map((k) => [k.id, k]));
  const ordered = order.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  return [...ordered.map((key, place) => ({ key, place })), ...keys.filter((k) => !order.includes(k.id)).map((key) => ({ key, place: null }))];
}
