/**
 * What a request was for and what it was metered in, for the request log and the dashboard: each
 * capability by name, and a media request's own unit beside its tokens ("1,234 characters",
 * "42 s of audio", "2 images").
 */
import type { LedgerKind, MediaUnits } from '../db/tables/ledger';
import { plural, t, type MessageKey } from '../i18n/t';

const CAPABILITY: Readonly<Record<LedgerKind, MessageKey>> = {
  chat: 'usage_capabilityChat',
  embed: 'usage_capabilityEmbed',
  speech: 'usage_capabilitySpeech',
  transcription: 'usage_capabilityTranscription',
  images: 'usage_capabilityImages',
};

/** A capability's name ("Speech"); an unknown kind as it is. */
export function capabilityName(kind: LedgerKind): string {
  return Object.hasOwn(CAPABILITY, kind) ? t(CAPABILITY[kind]) : kind;
}

const count = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });

/** Each unit a request has, in words; empty for a request metered in tokens only. */
export function unitsInWords(units: MediaUnits | undefined): string[] {
  if (!units) return [];
  const out: string[] = [];
  // The plural form follows the count; the message shows it written out ("1,234").
  if (units.characters !== undefined) out.push(plural('usage_characters', units.characters, count(units.characters)));
  if (units.seconds !== undefined) out.push(t('usage_audioSeconds', count(units.seconds, 1)));
  if (units.images !== undefined) out.push(plural('usage_images', units.images, count(units.images)));
  return out;
}
