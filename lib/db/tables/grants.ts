/** Per-origin grants: what the person approved for one exact origin. */
import type { MediaScope, Scope } from '../../protocol/scopes';

export const grantsV1 = 'origin, createdAt';

export type { MediaScope, Scope } from '../../protocol/scopes';
export type Period = 'day' | 'week' | 'month' | 'total';
export type OverBudget = 'ask' | 'refuse';

export interface GrantRecord {
  origin: string;
  scopes: Scope[];
  models: string[];
  /** Which key serves each granted model. */
  routes: Record<string, string>;
  defaultModel: string;
  /** The default model of each media capability (speech, transcription, images) the grant has. */
  defaults?: Partial<Record<MediaScope, string>>;
  /** The cap, in nano-USD (integer), for one period. */
  budgetNano: number;
  period: Period;
  /** What was spent in the period named by `periodKey`, in nano-USD. */
  spentNano: number;
  periodKey: string;
  rateLimitPerMin: number;
  paused: boolean;
  /** What a request over the budget does: ask the person to raise it, or refuse (4402). Unset: the wallet's setting. */
  overBudget?: OverBudget;
  /** The keys that may stand in for a model's key, in order (lib/pipeline/fallback.ts); unset: the wallet's order, empty: none. */
  keyFallback?: string[];
  expiresAt?: number;
  createdAt: number;
  updatedAt: number;
}
