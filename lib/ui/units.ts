/**
 * What a request was for and what it was metered in, for the request log and the dashboard: each
 * capability by name, and a media request's own unit beside its tokens ("1,234 characters",
 * "42 s of audio", "2 images").
 */
import type { LedgerKind, MediaUnits } from '../db/tables/ledger';

const CAPABILITY: Readonly<Record<LedgerKind, string>> = {
  chat: 'Chat',
  embed: 'Embeddings',
  speech: 'Speech',
  transcription: 'Transcription',
  images: 'Images',
};

/** A capability's name ("Speech"); an unknown kind as it is. */
export function capabilityName(kind: LedgerKind): string {
  return Object.hasOwn(CAPABILITY, kind) ? CAPABILITY[kind] : kind;
}

const count = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });

/** Each unit a request has, in words; empty for a request metered in tokens only. */
export function unitsInWords(units: MediaUnits | undefined): string[] {
  if (!units) return [];
  const out: string[] = [];
  if (units.characters !== undefined) out.push(`${count(units.characters)} ${units.characters === 1 ? 'character' : 'characters'}`);
  if (units.seconds !== undefined) out.push(`${count(units.seconds, 1)} s of audio`);
  if (units.images !== undefined) out.push(`${count(units.images)} ${units.images === 1 ? 'image' : 'images'}`);
  return out;
}
