/**
 * The toolbar badge: how many requests wait for the person (approval, unlock or first-run setup),
 * else whether the wallet is locked. The title says the same in words for screen readers.
 */
import { browser } from 'wxt/browser';
import { plural, t } from '../i18n/t';

export interface BadgeState {
  exists: boolean;
  locked: boolean;
  /** Requests waiting for the person to answer a window of the wallet's. */
  waiting: number;
}

export interface Badge {
  text: string;
  color: string;
  title: string;
}

const ACCENT = '#2456d6';
const MUTED = '#5b616e';

export function badgeFor(state: BadgeState): Badge {
  if (state.waiting > 0) {
    const n = state.waiting > 99 ? '99+' : String(state.waiting);
    return { text: n, color: ACCENT, title: plural('badge_waiting', state.waiting) };
  }
  if (!state.exists) return { text: '', color: MUTED, title: t('badge_setup') };
  if (state.locked) return { text: '🔒', color: MUTED, title: t('badge_locked') };
  return { text: '', color: MUTED, title: t('badge_unlocked') };
}

/** Shows `state` on the toolbar button; a browser without a badge API is left alone. */
export async function showBadge(state: BadgeState): Promise<void> {
  const badge = badgeFor(state);
  const action = browser.action;
  if (!action) return;
  await Promise.all([action.setBadgeText({ text: badge.text }), action.setBadgeBackgroundColor({ color: badge.color }), action.setTitle({ title: badge.title })]).catch(() => undefined);
}
