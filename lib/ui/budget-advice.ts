/**
 * What a budget means, for the person approving it: about how many typical chats it buys on the
 * default model, and whether it is large enough to ask twice (the wallet's "Confirm budgets
 * above" setting) or so small (0) that the site can do nothing billable.
 */
import type { Period } from '../db/tables/grants';
import { plural, t } from '../i18n/t';
import { perPeriod } from './format';

/** The chat the estimate counts: the approval window states this assumption beside it. */
export const TYPICAL_CHAT = { inputTokens: 1_000, outputTokens: 500 } as const;

export interface PriceLike {
  inputPerM: number;
  outputPerM: number;
}

/**
 * How many typical chats `budgetUsd` pays for at `price`: null when unknown (no price, or no
 * valid budget), Infinity when the model costs nothing.
 */
export function chatsForBudget(budgetUsd: number, price: PriceLike | null): number | null {
  if (!price || !Number.isFinite(budgetUsd) || budgetUsd < 0) return null;
  const perChat = (TYPICAL_CHAT.inputTokens * price.inputPerM + TYPICAL_CHAT.outputTokens * price.outputPerM) / 1_000_000;
  if (perChat <= 0) return Infinity;
  return Math.floor(budgetUsd / perChat + 1e-9);
}

/** An estimate, rounded as an estimate is: exact below 100, then two significant digits ("about 6,700"). */
export function roughCount(n: number): string {
  if (n < 100) return String(n);
  const scale = 10 ** (Math.floor(Math.log10(n)) - 1);
  return (Math.round(n / scale) * scale).toLocaleString('en-US');
}

/** The line the approval window shows: "About 2,200 chats like this per day", or "—" when unknown. */
export function chatsEstimate(budgetUsd: number, price: PriceLike | null, period: Period): string {
  const chats = chatsForBudget(budgetUsd, price);
  if (chats === null) return '—';
  if (chats === Infinity) return t('advice_free');
  if (chats === 0) return t('advice_notEnough', perPeriod(period));
  // The plural form follows the exact count; the message shows it rounded (its second value).
  return plural('advice_chats', chats, roughCount(chats), perPeriod(period));
}

/** Above the person's threshold, Approve asks a second time. */
export function needsBudgetConfirm(budgetUsd: number, thresholdUsd: number): boolean {
  return Number.isFinite(budgetUsd) && budgetUsd > thresholdUsd;
}

/** A budget of 0 is allowed, but the site can then do nothing that costs money. */
export function isZeroBudget(budgetUsd: number): boolean {
  return budgetUsd === 0;
}
