/**
 * A key the provider refused (the daily check, lib/keys/daily-check.ts, or a 401 on a request) or
 * could not be asked about, in plain words: which key, when it was last checked, what the provider
 * said. Shown in the key list, the popup (for the current site's keys) and the approval window.
 */
import { t } from '../i18n/t';
import type { KeyView } from '../keys/keyring';
import { formatTime } from './format';

/** What the pages need to know about a key's health; the secret is never part of it. */
export type KeyHealth = Pick<KeyView, 'name' | 'status'> & Partial<Pick<KeyView, 'statusMessage' | 'checkedAt' | 'validatedAt'>>;

export interface HealthNote {
  level: 'error' | 'warn';
  text: string;
}

/** The note for a key that is not working, or null for one that is (or was never checked). */
export function keyHealthNote(key: KeyHealth, time: (at: number) => string = formatTime): HealthNote | null {
  const checked = key.checkedAt ?? key.validatedAt;
  // Whole sentences for each case (with or without the time), then the provider's own words after them.
  const withSaid = (note: string) => (key.statusMessage ? t('health_said', note, key.statusMessage) : note);
  if (key.status === 'invalid') return { level: 'error', text: withSaid(checked ? t('health_invalidChecked', key.name, time(checked)) : t('health_invalid', key.name)) };
  if (key.status === 'unreachable') return { level: 'warn', text: withSaid(checked ? t('health_unreachableChecked', key.name, time(checked)) : t('health_unreachable', key.name)) };
  return null;
}

/** The preselected models less those whose key the provider refused: approving as shown never picks a dead key. */
export function withoutRefusedKeys(picked: readonly string[], offers: ReadonlyArray<{ model: string; keyHealth?: { status: string } }>): string[] {
  const refused = new Set(offers.filter((o) => o.keyHealth?.status === 'invalid').map((o) => o.model));
  return picked.filter((m) => !refused.has(m));
}
