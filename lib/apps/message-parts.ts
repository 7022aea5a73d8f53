/**
 * Joins the host's `part` messages (a message over native messaging's 1 MB host -> browser limit,
 * cut into pieces) and validates every whole message against the channel's schemas.
 */
import { FromHostSchema, type FromHost } from '../protocol/bridge';
import { MAX_ASSEMBLED_CHARS } from '../protocol/bridge-limits';

export class HostMessages {
  private readonly parts = new Map<number, { pieces: string[]; size: number }>();

  /** The message `raw` completes, validated; null while parts are still coming, or for anything invalid. */
  accept(raw: unknown): Exclude<FromHost, { t: 'part' }> | null {
    const parsed = FromHostSchema.safeParse(raw);
    if (!parsed.success) return null;
    const message = parsed.data;
    if (message.t !== 'part') return message;
    const entry = this.parts.get(message.seq) ?? { pieces: [], size: 0 };
    entry.pieces.push(message.data);
    entry.size += message.data.length;
    if (entry.size > MAX_ASSEMBLED_CHARS) {
      this.parts.delete(message.seq);
      return null;
    }
    if (!message.end) {
      this.parts.set(message.seq, entry);
      return null;
    }
    this.parts.delete(message.seq);
    let whole: unknown;
    try {
      whole = JSON.parse(entry.pieces.join(''));
    } catch {
      return null;
    }
    const inner = FromHostSchema.safeParse(whole);
    // Parts of parts are not a thing: only a whole message is taken.
    return inner.success && inner.data.t !== 'part' ? inner.data : null;
  }
}
