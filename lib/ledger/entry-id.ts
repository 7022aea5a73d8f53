/**
 * Ledger ids that sort by time (UUID version 7, RFC 9562): 48 bits of milliseconds, then random
 * bits. A new row's key lands at the end of the ledger's key range instead of anywhere in it, so
 * the storage engine appends instead of rewriting files across the whole ledger.
 */
export function entryId(now: number = Date.now(), random: (bytes: Uint8Array) => void = (b) => void crypto.getRandomValues(b)): string {
  const bytes = new Uint8Array(16);
  random(bytes);
  let ms = Math.max(0, Math.floor(now));
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = 0x70 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A new ledger row's id and time, from one reading of the clock. */
export function idAndTime(at: number): { id: string; at: number } {
  return { id: entryId(at), at };
}
